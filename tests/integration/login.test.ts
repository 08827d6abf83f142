import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { action as adminAction, loader as adminLoader } from "~/routes/admin+/index";
import { action as loginAction } from "~/routes/_auth+/login";
import { context, cookiePair, formRequest, freshClientAddress } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";
import { postAs } from "../support/team";

type DataWithInit = {
  data: { result: { error?: Record<string, string[] | null> } };
  init: ResponseInit | null;
};

const password = "frontline-demo";

// Form errors travel as message keys; these are their English words.
const english = (messages: string[] | null | undefined) =>
  messages?.map((message) => errorText(fixedT("en"), message));

async function login(
  fields: Record<string, string | string[]>,
  clientAddress = freshClientAddress(),
  cookie?: string,
) {
  return loginAction({
    request: formRequest("/login", fields, cookie ? { Cookie: cookie } : {}),
    context: context(clientAddress),
    params: {},
  });
}

function asData(result: unknown): DataWithInit {
  expect(result).not.toBeInstanceOf(Response);
  return result as DataWithInit;
}

async function counts() {
  const [sessions, failures, users] = await Promise.all([
    prisma.session.count(),
    prisma.loginFailure.count(),
    prisma.user.count(),
  ]);
  return { sessions, failures, users };
}

describe("POST /login", () => {
  it("logs the employee in, lands on /training and stores only the token's hash", async () => {
    const response = await login({ email: "employee@demo.frontline.test", password });
    expect(response).toBeInstanceOf(Response);
    const res = response as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/training");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const token = cookiePair(setCookie).split("=")[1]!;
    const hash = createHash("sha256").update(token).digest("hex");
    const session = await prisma.session.findUnique({
      where: { id: hash },
      select: { user: { select: { email: true } } },
    });
    expect(session?.user.email).toBe("employee@demo.frontline.test");
    expect(await prisma.session.count({ where: { id: token } })).toBe(0);
  });

  it.each([
    ["manager@demo.frontline.test", "/team"],
    ["trainer@demo.frontline.test", "/studio"],
    ["admin@demo.frontline.test", "/admin"],
  ])("sends %s to %s", async (email, home) => {
    const res = (await login({ email, password })) as Response;
    expect(res.headers.get("Location")).toBe(home);
  });

  it("honours a local redirectTo and ignores one that leaves the site", async () => {
    const local = (await login({
      email: "manager@demo.frontline.test",
      password,
      redirectTo: "/training?x=1",
    })) as Response;
    expect(local.headers.get("Location")).toBe("/training?x=1");
    for (const redirectTo of ["//evil.test", "https://evil.test", "/\\evil.test"]) {
      const res = (await login({
        email: "manager@demo.frontline.test",
        password,
        redirectTo,
      })) as Response;
      expect(res.headers.get("Location")).toBe("/team");
    }
  });

  it("creates a new session on every login", async () => {
    const first = cookiePair(
      ((await login({ email: "trainer@demo.frontline.test", password })) as Response).headers.get(
        "Set-Cookie",
      ),
    );
    const second = cookiePair(
      ((await login({ email: "trainer@demo.frontline.test", password })) as Response).headers.get(
        "Set-Cookie",
      ),
    );
    expect(first).not.toBe(second);
  });

  it("refuses a wrong password with one message that does not reveal whether the account exists", async () => {
    const wrong = asData(await login({ email: "employee@demo.frontline.test", password: "nope" }));
    const unknown = asData(await login({ email: "nobody@demo.frontline.test", password: "nope" }));
    expect(wrong.init?.status).toBe(401);
    expect(unknown.init?.status).toBe(401);
    expect(wrong.data.result.error?.[""]).toEqual(["auth:login.errors.invalid"]);
    expect(english(wrong.data.result.error?.[""])).toEqual([
      "That e-mail and password do not match an active account.",
    ]);
    expect(unknown.data.result.error).toEqual(wrong.data.result.error);
  });

  it.each([
    ["missing fields", {}, ["email", "password"]],
    ["an invalid e-mail", { email: "not-an-email", password: "x" }, ["email"]],
    ["an oversized e-mail", { email: `${"a".repeat(300)}@x.test`, password: "x" }, ["email"]],
    [
      "an oversized password",
      { email: "employee@demo.frontline.test", password: "p".repeat(300) },
      ["password"],
    ],
    [
      "a repeated field",
      { email: ["employee@demo.frontline.test", "admin@demo.frontline.test"], password: "x" },
      ["email"],
    ],
  ])("answers %s with 400, field errors and no writes", async (_name, fields, erroneous) => {
    const before = await counts();
    const result = asData(await login(fields as Record<string, string | string[]>));
    expect(result.init?.status).toBe(400);
    expect(Object.keys(result.data.result.error ?? {}).sort()).toEqual(erroneous);
    expect(await counts()).toEqual(before);
  });

  it("answers a JSON body or an oversized body with 400 and no writes", async () => {
    const before = await counts();
    const json = new Request("http://localhost:3000/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost:3000" },
      body: JSON.stringify({ email: "employee@demo.frontline.test", password }),
    });
    const jsonResult = asData(await loginAction({ request: json, context: context(), params: {} }));
    expect(jsonResult.init?.status).toBe(400);
    const huge = formRequest("/login", {
      email: "employee@demo.frontline.test",
      password,
      filler: "x".repeat(100_000),
    });
    const hugeResult = asData(await loginAction({ request: huge, context: context(), params: {} }));
    expect(hugeResult.init?.status).toBe(400);
    expect(english(hugeResult.data.result.error?.[""])).toEqual(["The form is too large."]);
    expect(await counts()).toEqual(before);
  });
});

/** The browser's "known device" cookie from a successful sign-in's answer. */
const deviceCookie = (response: unknown) =>
  (response as Response).headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("frontline_device="))!;

/** Time passes for the throttle: every recorded failure moves this many seconds into the past. */
async function secondsPass(seconds: number) {
  const rows = await prisma.loginFailure.findMany({ select: { id: true, at: true } });
  for (const row of rows) {
    await prisma.loginFailure.update({
      where: { id: row.id },
      data: { at: new Date(row.at.getTime() - seconds * 1000) },
    });
  }
}

const minutesMessage = /^Too many failed attempts\. Try again in \d+ minutes?\.$/;
const secondsMessage =
  /^This account has had many wrong passwords lately, so sign-ins to it are slowed\. Try again in \d+ seconds?\.$/;

describe("failed-login throttle", () => {
  it("refuses an account guessed from one address there only: the owner signs in from elsewhere", async () => {
    const email = "nora.lindqvist@demo.frontline.test";
    const attacker = freshClientAddress();
    for (let i = 0; i < 10; i++) {
      expect(asData(await login({ email, password: `wrong-${i}` }, attacker)).init?.status).toBe(
        401,
      );
    }
    // The attacker's address is refused for this account, even with the right password...
    const refused = asData(await login({ email, password }, attacker));
    expect(refused.init?.status).toBe(429);
    expect(Number(new Headers(refused.init?.headers).get("Retry-After"))).toBeGreaterThan(60);
    expect(english(refused.data.result.error?.[""])?.[0]).toMatch(minutesMessage);
    expect(await prisma.session.count({ where: { user: { email } } })).toBe(0);
    // ...and Nora, at her desk, is not locked out: her browser has signed in before.
    await prisma.knownDevice.deleteMany({ where: { user: { email } } });
    const seeded = await prisma.loginFailure.findMany({ where: { key: { contains: email } } });
    await prisma.loginFailure.deleteMany({ where: { key: { contains: email } } });
    const desk = freshClientAddress();
    const earlier = await login({ email, password }, desk);
    expect((earlier as Response).status).toBe(302);
    await prisma.loginFailure.createMany({
      data: seeded.map(({ key, at }) => ({ key, at })),
    });
    const signedIn = await login({ email, password }, desk, deviceCookie(earlier));
    expect((signedIn as Response).status).toBe(302);
  });

  it("slows an account guessed from many addresses for unknown browsers, and lets the owner in after a short wait", async () => {
    const email = "omar.haddad@demo.frontline.test";
    for (let i = 0; i < 10; i++) {
      expect(asData(await login({ email, password: `wrong-${i}` })).init?.status).toBe(401);
    }
    // The eleventh guess, from yet another address, must wait: seconds, not a quarter of an hour.
    const slowed = asData(await login({ email, password: "wrong-10" }));
    expect(slowed.init?.status).toBe(429);
    const wait = Number(new Headers(slowed.init?.headers).get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
    expect(english(slowed.data.result.error?.[""])?.[0]).toMatch(secondsMessage);
    // The owner on a new browser, once the wait has passed: one attempt, the right password, in.
    await secondsPass(31);
    const owner = await login({ email, password });
    expect((owner as Response).status).toBe(302);
  });

  it("refuses a client address that fails on many accounts (credential stuffing)", async () => {
    const address = freshClientAddress();
    for (let i = 0; i < 100; i++) {
      await login({ email: `guess-${i}@demo.frontline.test`, password: "x" }, address);
    }
    const refused = asData(
      await login({ email: "tomas.horvat@demo.frontline.test", password }, address),
    );
    expect(refused.init?.status).toBe(429);
    expect(english(refused.data.result.error?.[""])?.[0]).toMatch(minutesMessage);
    // The same account from another address still gets in.
    const elsewhere = await login({ email: "tomas.horvat@demo.frontline.test", password });
    expect((elsewhere as Response).status).toBe(302);
  });

  it("shows admins what is counted, and an admin's clear lets a refused address try again", async () => {
    const email = "julia.kowalska@demo.frontline.test";
    const office = freshClientAddress();
    for (let i = 0; i < 10; i++) await login({ email, password: `wrong-${i}` }, office);
    expect(asData(await login({ email, password }, office)).init?.status).toBe(429);

    const page = (await adminLoader(await loaderArgs(demo.admin, "/admin"))) as {
      throttles: { key: string; failures: number; state: string }[];
    };
    expect(page.throttles).toContainEqual(
      expect.objectContaining({ key: `pair:${email}|${office}`, failures: 10, state: "refused" }),
    );
    expect(page.throttles).toContainEqual(
      expect.objectContaining({ key: `account:${email}`, failures: 10, state: "slowed" }),
    );

    const cleared = await postAs(adminAction, demo.admin, "/admin", {
      intent: "clear-throttle",
      key: `account:${email}`,
    });
    expect(cleared).not.toBeInstanceOf(Response);
    expect(await prisma.loginFailure.count({ where: { key: { contains: email } } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "throttle.clear" },
      orderBy: { at: "desc" },
    });
    expect(event).toMatchObject({ targetType: "throttle", targetLabel: email });
    expect((await login({ email, password }, office)) as Response).toHaveProperty("status", 302);
  });
});
