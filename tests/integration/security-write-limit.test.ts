import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedWindow, writeThrottle } from "~/auth/throttle";
import { requireWriteAllowance } from "~/auth/write-limit.server";
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/i18n.server";
import { newCertificateCode } from "~/training/completion.server";
import { Prisma } from "~/generated/prisma/client";
import routes from "~/routes";
import { newPerson, removePeople } from "../support/people";
import { context, formRequest, getRequest, settle } from "../support/requests";
import { demo, requestAs } from "../support/sessions";

// ASVS 2.4.1 (anti-automation on every state-changing request) and 3.5.3 (no GET changes state),
// checked over the whole route list in app/routes.ts, so a new route cannot slip past either.

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
};
const modules = import.meta.glob<RouteModule>("/app/routes/**/*.{ts,tsx}");
const loaded = await Promise.all(
  routes.map(async (r) => ({ path: r.path ?? "", module: await modules[`/app/${r.file}`]!() })),
);
const moduleOf = (path: string) => loaded.find((r) => r.path === path)!.module;

const made: string[] = [];
afterAll(() => removePeople(made));

const minute = 60 * 1000;

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Spend a user's allowance for this window and the next, as if a script had been posting. */
async function exhaust(id: string) {
  const { bucket } = fixedWindow(new Date(), writeThrottle.windowMs);
  for (const b of [bucket, bucket + 1]) {
    await prisma.writeCount.upsert({
      where: { key_bucket: { key: `user:${id}`, bucket: b } },
      create: { key: `user:${id}`, bucket: b, count: writeThrottle.limit },
      update: { count: writeThrottle.limit },
    });
  }
}

/** Every row of every table except the write counters: equal before and after means no write. */
async function snapshot(): Promise<string> {
  const tables = Object.values(Prisma.ModelName).filter((name) => name !== "WriteCount");
  const dumps = await Promise.all(
    tables.map(async (name) => {
      const delegate = (prisma as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[
        name.charAt(0).toLowerCase() + name.slice(1)
      ]!;
      const rows = (await delegate.findMany()).map((row) => JSON.stringify(row)).sort();
      return `${name}:${rows.join("\n")}`;
    }),
  );
  return dumps.join("\n\n");
}

describe("the write limit (2.4.1)", () => {
  it("allows 120 writes a minute per user, refuses the 121st with 429 and Retry-After", async () => {
    const [robin, sam] = [await newPerson(), await newPerson()];
    made.push(robin.id, sam.id);
    const now = new Date("2030-01-01T10:00:15Z");
    for (let i = 0; i < writeThrottle.limit; i++) await requireWriteAllowance(robin.id, now);

    const refused = await settle(requireWriteAllowance(robin.id, now));
    expect(refused).toBeInstanceOf(Response);
    const response = refused as Response;
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("45");
    // In the person's own words, for a page and a background call alike.
    const { message } = (await response.json()) as { message: string };
    expect(message).toBe(
      "You have sent a lot of changes in a short time. Wait 45 seconds, then try again.",
    );
    await prisma.user.update({ where: { id: robin.id }, data: { locale: "sl" } });
    const inSlovenian = (await (
      (await settle(requireWriteAllowance(robin.id, now))) as Response
    ).json()) as { message: string };
    expect(inSlovenian.message).toBe(fixedT("sl")("common:errors.tooManyWrites", { count: 45 }));
    expect(inSlovenian.message).not.toBe(message);

    // Per user: someone else working at the same moment is not affected.
    await expect(requireWriteAllowance(sam.id, now)).resolves.toBeUndefined();
    // The next minute starts afresh, and finished windows are cleared.
    await expect(
      requireWriteAllowance(robin.id, new Date(now.getTime() + minute)),
    ).resolves.toBeUndefined();
    const { bucket } = fixedWindow(now, writeThrottle.windowMs);
    expect(await prisma.writeCount.count({ where: { bucket: { lte: bucket } } })).toBe(0);
  });

  it("shares counts with other app processes through the database, every 10 requests", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const now = new Date("2030-01-01T11:00:05Z");
    const where = {
      key_bucket: { key: `user:${robin.id}`, bucket: fixedWindow(now, minute).bucket },
    };
    const stored = async () =>
      (await prisma.writeCount.findUnique({ where, select: { count: true } }))?.count ?? 0;
    for (let i = 0; i < 9; i++) await requireWriteAllowance(robin.id, now);
    expect(await stored()).toBe(0);
    await requireWriteAllowance(robin.id, now);
    expect(await stored()).toBe(10);

    // Another process has meanwhile let this person through 105 times.
    await prisma.writeCount.update({ where, data: { count: { increment: 105 } } });
    for (let i = 0; i < 9; i++) await requireWriteAllowance(robin.id, now);
    // Adding its own tally, this process learns the total (125) and refuses.
    const refused = await settle(requireWriteAllowance(robin.id, now));
    expect((refused as Response).status).toBe(429);
    expect(await stored()).toBe(125);
  });

  // Not login and its code step (their own throttles), an invitation link (for someone not yet
  // signed in; its 256-bit token is the key), logout (must always work) or the catch-all (404 to
  // any POST).
  const actionPaths = loaded
    .filter(
      (r) =>
        r.module.action &&
        !["login", "login/two-factor", "invite/:token", "logout", "*"].includes(r.path),
    )
    .map((r) => r.path);

  it("covers every form of the app", () => {
    expect(actionPaths).toEqual([
      "training/:slug",
      "training/:slug/read",
      "me",
      "me/security",
      "team/observations/new",
      "team/recognition",
      "team/self-assessment",
      "team/:userId",
      "admin",
      "admin/people",
      "admin/people/import",
      "admin/people/:userId",
      "locale",
    ]);
  });
  const params: Record<string, string> = { slug: "our-service-policy" };

  it.each(actionPaths)(
    "POST /%s: a signed-in user past the limit gets 429 before anything is written",
    async (path) => {
      const route = moduleOf(path);
      // The admin may enter every area, so the limit is the only thing that refuses them.
      await exhaust(await userId(demo.admin));
      const cookie = (await requestAs(demo.admin, "/")).headers.get("Cookie")!;
      const url = `/${path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name)}`;
      const before = await snapshot();
      const result = await settle(
        route.action!({
          request: formRequest(url, { intent: "anything", name: "x" }, { Cookie: cookie }),
          context: context(),
          params,
        }),
      );
      expect(result).toBeInstanceOf(Response);
      expect((result as Response).status).toBe(429);
      expect(Number((result as Response).headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await snapshot()).toBe(before);
    },
  );

  it("login and logout are outside it: login has its own throttle, logout must always work", async () => {
    await exhaust(await userId(demo.trainer));
    const logout = moduleOf("logout");
    const cookie = (await requestAs(demo.trainer, "/")).headers.get("Cookie")!;
    const result = await logout.action!({
      request: formRequest("/logout", {}, { Cookie: cookie }),
      context: context(),
      params: {},
    });
    expect((result as Response).headers.get("Location")).toBe("/login");
  });
});

describe("no GET changes anything (3.5.3)", () => {
  const visitors: (string | null)[] = [null, demo.employee, demo.manager, demo.trainer, demo.admin];
  let params: Record<string, string> = {};
  beforeAll(async () => {
    // Someone with a certificate, so its page and /verify/<code> are opened for real.
    const graduate = await newPerson();
    made.push(graduate.id);
    visitors.push(graduate.email);
    const { certificateCode } = await prisma.moduleCompletion.create({
      data: {
        userId: graduate.id,
        moduleSlug: "our-service-policy",
        moduleVersion: "1.0",
        contentHash: "0".repeat(64),
        certificateCode: newCertificateCode(),
      },
      select: { certificateCode: true },
    });
    params = {
      slug: "our-service-policy",
      userId: await userId(demo.employee),
      code: certificateCode,
      file: "diagram.png",
      "*": "no-such-page",
    };
  });

  it.each(loaded.filter((r) => r.module.loader).map((r) => r.path))(
    "GET /%s writes nothing, for any visitor",
    async (path) => {
      const route = moduleOf(path);
      const url = `/${path.replace(/:(\w+)/g, (_, name: string) => params[name]!).replace("*", params["*"]!)}`;
      for (const email of visitors) {
        // The visitor's session is made first: signing in is a write, looking is not.
        const request = email ? await requestAs(email, url) : getRequest(url);
        const before = await snapshot();
        // Some loaders throw before they return a promise (a plain 404).
        const result = await settle(
          (async () => route.loader!({ request, context: context(), params }))(),
        );
        // A streamed body (the CSV export) runs to its end before anything is compared.
        if (result instanceof Response && result.body) await result.arrayBuffer();
        expect(await snapshot(), `GET ${url} as ${email ?? "anonymous"}`).toBe(before);
      }
    },
  );
});
