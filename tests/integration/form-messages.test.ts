import { describe, expect, it } from "vitest";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { context, formRequest, settle } from "../support/requests";
import { routeEndpoints } from "../support/route-inventory";
import { requestAs } from "../support/sessions";
import { at, idOf } from "../support/team";

// Every form of the app submitted empty, as the person it is for: whatever it answers must be
// in plain words. A validation library's own message ("Invalid input: expected string, received
// undefined") means a field was left without one of ours.

const developerSpeak = /expected|received|invalid input|too small|too big|undefined|NaN/i;

/** Who submits each route's forms (the admin may enter every area but is not everyone's manager). */
const visitorFor = (pattern: string) =>
  pattern.startsWith("/admin")
    ? at("admin")
    : pattern.startsWith("/team")
      ? at("manager")
      : pattern.startsWith("/studio")
        ? at("trainer")
        : at("tomas.horvat");

/** Every string in an answer: a Response's body or a data() object's values. */
async function stringsOf(result: unknown): Promise<string[]> {
  if (result instanceof Response) {
    const text = await result.text();
    try {
      return stringsOf(JSON.parse(text));
    } catch {
      return [text];
    }
  }
  if (typeof result === "string") return [result];
  if (Array.isArray(result)) return (await Promise.all(result.map(stringsOf))).flat();
  if (result && typeof result === "object") {
    // data(): the body is in .data; a redirect or an answer without words has none.
    const values = "data" in result && "init" in result ? [result.data] : Object.values(result);
    return (await Promise.all(values.map(stringsOf))).flat();
  }
  return [];
}

describe("forms submitted empty", () => {
  it("answer in plain words, never in the validation library's", async () => {
    const t = fixedT("en");
    const tomas = await idOf(at("tomas.horvat"));
    const params = { slug: "our-service-policy", userId: tomas };
    const skipped = ["/login", "/login/two-factor", "/logout", "/*"];
    const posts = (await routeEndpoints()).filter(
      (e) => e.method === "POST" && !skipped.includes(e.pattern),
    );
    expect(posts.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const endpoint of posts) {
      const email = visitorFor(endpoint.pattern);
      const cookie = (await requestAs(email, "/")).headers.get("Cookie")!;
      const url = endpoint.pattern.replace(/:(\w+)/g, (_, name: string) =>
        name in params ? params[name as keyof typeof params] : name,
      );
      const fields: Record<string, string> = endpoint.intent ? { intent: endpoint.intent } : {};
      const result = await settle(
        (async () =>
          endpoint.handler({
            request: formRequest(url, fields, { Cookie: cookie }),
            context: context(),
            params,
          }))(),
      );
      const texts = await stringsOf(result);
      for (const text of texts) {
        const words = errorText(t, text);
        if (developerSpeak.test(words)) found.push(`${endpoint.key}: ${words}`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
