import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { newPerson, removePeople, startingPassword } from "../support/people";
import { context, formRequest, getRequest, settle } from "../support/requests";

// ASVS 3.3.1–3.3.4: the session cookie's name and attributes as a production server sets them.
// The environment is read once per module load, so each test loads the app afresh under it.

const made: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await removePeople(made.splice(0));
});

async function loadApp(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const [login, root, security] = await Promise.all([
    import("~/routes/_auth+/login"),
    import("~/root"),
    import("~/routes/me+/security"),
  ]);
  return { login: login.action, rootLoader: root.loader, securityLoader: security.loader };
}

async function logIn(app: Awaited<ReturnType<typeof loadApp>>) {
  const robin = await newPerson();
  made.push(robin.id);
  const response = (await app.login({
    request: formRequest("/login", { email: robin.email, password: startingPassword }),
    context: context(),
    params: {},
  })) as Response;
  // The session cookie comes first; the known-browser cookie after it.
  return { response, setCookie: response.headers.getSetCookie()[0]! };
}

const attributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().split("=")[0]!.toLowerCase())
    .sort();

describe("in production", () => {
  beforeEach(() => {
    vi.stubEnv("COOKIE_SECURE", "");
  });

  it("names the cookie __Host- and sets Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain", async () => {
    const app = await loadApp({ NODE_ENV: "production" });
    const { setCookie } = await logIn(app);
    expect(setCookie).toMatch(/^__Host-frontline_session=[a-z2-7]{32}; /);
    expect(setCookie).toContain("; Secure");
    expect(setCookie).toContain("; HttpOnly");
    expect(setCookie).toContain("; SameSite=Lax");
    expect(setCookie).toContain("; Path=/");
    expect(attributes(setCookie)).toEqual(["httponly", "max-age", "path", "samesite", "secure"]);
  });

  it("keeps the known-browser cookie the same way, for a year", async () => {
    const app = await loadApp({ NODE_ENV: "production" });
    const { response } = await logIn(app);
    const device = response.headers.getSetCookie()[1]!;
    expect(device).toMatch(/^__Host-frontline_device=[a-z2-7]{32}; /);
    expect(device).toContain("; Max-Age=31536000");
    expect(attributes(device)).toEqual(["httponly", "max-age", "path", "samesite", "secure"]);
  });

  it("reads only the __Host- cookie, so a look-alike planted by another host is ignored", async () => {
    const app = await loadApp({ NODE_ENV: "production" });
    const { setCookie } = await logIn(app);
    const token = setCookie.split(";")[0]!.split("=")[1]!;
    const planted = await settle(
      app.securityLoader({
        request: getRequest("/me/security", `frontline_session=${token}`),
        context: context(),
        params: {},
      }),
    );
    expect((planted as Response).headers.get("Location")).toBe(
      "/login?redirectTo=%2Fme%2Fsecurity",
    );
    const genuine = await app.securityLoader({
      request: getRequest("/me/security", `__Host-frontline_session=${token}`),
      context: context(),
      params: {},
    });
    expect(genuine.sessions).toHaveLength(1);
  });

  it("sends the token only in Set-Cookie: never in a redirect or in page data", async () => {
    const app = await loadApp({ NODE_ENV: "production" });
    const { response, setCookie } = await logIn(app);
    const cookie = setCookie.split(";")[0]!;
    const token = cookie.split("=")[1]!;
    expect(response.headers.get("Location")).not.toContain(token);
    expect(await response.text()).not.toContain(token);
    const request = getRequest("/me/security", cookie);
    const pageData = [
      await app.rootLoader({ request, context: context(), params: {} }),
      await app.securityLoader({ request, context: context(), params: {} }),
    ];
    expect(pageData[0]).toMatchObject({ user: { role: "employee" } });
    expect(JSON.stringify(pageData)).not.toContain(token);
  });
});

describe("over plain HTTP", () => {
  it("drops Secure and the prefix when COOKIE_SECURE=false, and keeps the rest", async () => {
    const app = await loadApp({ NODE_ENV: "production", COOKIE_SECURE: "false" });
    const { setCookie } = await logIn(app);
    expect(setCookie).toMatch(/^frontline_session=/);
    expect(attributes(setCookie)).toEqual(["httponly", "max-age", "path", "samesite"]);
  });
});
