import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type * as OpenIdClient from "openid-client";
import { prisma } from "~/db.server";
import type { Snapshot } from "../support/db-snapshot";
import { changedTables, rowDelta, snapshotDatabase } from "../support/db-snapshot";
import { signInAtProvider } from "../support/oidc-flow";
import type { TestAccount, TestProvider } from "../support/oidc-provider";
import { startTestProvider } from "../support/oidc-provider";
import { newPerson, removePeople, signIn as passwordSession } from "../support/people";
import {
  context,
  cookiePair,
  formRequest,
  freshClientAddress,
  getRequest,
  settle,
  testOrigin,
} from "../support/requests";

// Company sign-in against a real OpenID Connect provider (oidc-provider, started here on a free
// port): the code flow end to end through Frontline's own route loaders, and every way a sign-in
// must be refused. A refusal answers a page saying why (400 for a broken or forged answer, 403
// for a person Frontline will not let in) and writes nothing at all: every table's rows are
// compared before and after. The environment is read once per module load, so each test loads the
// routes afresh under the settings it needs.

let idp: TestProvider;
let foreign: TestProvider;
beforeAll(async () => {
  [idp, foreign] = await Promise.all([startTestProvider(), startTestProvider()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([idp?.close(), foreign?.close()]);
});

const made: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.doUnmock("openid-client");
  await removePeople(made.splice(0));
});

let accountCount = 0;
/** An account at the provider with a fresh sub and e-mail (the worker's database outlives this file). */
function account(claims: Partial<TestAccount> = {}, provider = idp): TestAccount {
  accountCount += 1;
  const local = `sso.person-${process.pid}-${accountCount}`;
  return provider.addAccount({
    sub: `sub-${process.pid}-${accountCount}`,
    email: `${local}@idp.frontline.test`,
    email_verified: true,
    name: `Sso Person ${accountCount}`,
    ...claims,
  });
}

const teamSettings = { OIDC_CLAIM_TEAM: "team", OIDC_CLAIM_ROLE: "role" };

async function loadApp(
  settings: Record<string, string> = {},
  options: { clockSkew?: number } = {},
) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ ...idp.env, ...settings })) {
    vi.stubEnv(name, value);
  }
  if (options.clockSkew) {
    // The client's clock, not the provider's: openid-client's documented [clockSkew] option.
    const skew = options.clockSkew;
    vi.doMock("openid-client", async (importOriginal) => {
      const actual = await importOriginal<typeof OpenIdClient>();
      const discovery: typeof actual.discovery = (server, clientId, metadata, ...rest) =>
        actual.discovery(
          server,
          clientId,
          {
            ...(typeof metadata === "string" ? { client_secret: metadata } : metadata),
            [actual.clockSkew]: skew,
          },
          ...rest,
        );
      return { ...actual, discovery };
    });
  }
  const [start, callback, login, log] = await Promise.all([
    import("~/routes/_auth+/oidc"),
    import("~/routes/_auth+/oidc.callback"),
    import("~/routes/_auth+/login"),
    import("~/utils/log.server"),
  ]);
  const warn = vi.spyOn(log.log, "warn");
  return {
    start: start.loader,
    callback: callback.loader,
    loginLoader: login.loader,
    loginAction: login.action,
    /** What the last refusal was logged with. */
    refusal: () =>
      warn.mock.calls.filter(([event]) => event === "sso.refused").at(-1)?.[1] as
        Record<string, unknown> | undefined,
  };
}
type App = Awaited<ReturnType<typeof loadApp>>;

/** GET /auth/oidc: the redirect to the provider and the cookie that remembers the attempt. */
async function begin(app: App, search = "", headers: Record<string, string> = {}) {
  const request = new Request(new URL(`/auth/oidc${search}`, testOrigin), { headers });
  const response = await settle(app.start({ request, params: {}, context: context() }));
  expect(response).toBeInstanceOf(Response);
  const res = response as Response;
  expect(res.status).toBe(302);
  const setCookie = res.headers.get("Set-Cookie")!;
  expect(setCookie).toMatch(/^frontline_oidc=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; /);
  return { authorizationUrl: new URL(res.headers.get("Location")!), cookie: cookiePair(setCookie) };
}

/** GET /auth/oidc/callback as the provider's redirect brings the browser back. */
function finish(app: App, callbackUrl: URL, cookie: string | null, headers = {}) {
  const request = new Request(callbackUrl.href, {
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
  return settle(app.callback({ request, params: {}, context: context() }));
}

/** The whole flow for one account; the callback's answer and what it was called with. */
async function signIn(app: App, who: TestAccount, search = "", sessionCookie?: string) {
  const { authorizationUrl, cookie } = await begin(app, search);
  const callbackUrl = await signInAtProvider(authorizationUrl, who.sub);
  const both = sessionCookie ? `${sessionCookie}; ${cookie}` : cookie;
  return { result: await finish(app, callbackUrl, both), callbackUrl, cookie };
}

type Refusal = { data: { problem: string; title: string }; init: ResponseInit | null };

/** A refusal: the status, the reason given, the attempt's cookie cleared and no session started. */
function expectRefused(result: unknown, status: number, problem: string) {
  expect(result).not.toBeInstanceOf(Response);
  const { data, init } = result as Refusal;
  expect(init?.status).toBe(status);
  expect(data.problem).toBe(problem);
  const cookies = new Headers(init?.headers).getSetCookie();
  expect(cookies).toEqual(["frontline_oidc=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"]);
  return data;
}

/** Every table exactly as it was: no row added, removed or changed, sessions included. */
function expectNothingWritten(before: Snapshot, after: Snapshot) {
  expect(changedTables(before, after, [])).toEqual([]);
}

/** A signed-in answer: redirect, a session for this person, the attempt's cookie cleared. */
async function expectSignedIn(result: unknown, location: string) {
  expect(result).toBeInstanceOf(Response);
  const res = result as Response;
  expect(res.status).toBe(302);
  expect(res.headers.get("Location")).toBe(location);
  const cookies = res.headers.getSetCookie();
  expect(cookies[0]).toBe("frontline_oidc=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  const session = cookies.find((c) => c.startsWith("frontline_session="))!;
  expect(session).toMatch(/HttpOnly; SameSite=Lax/);
  return cookiePair(session);
}

async function personByEmail(email: string) {
  const person = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      role: true,
      locale: true,
      active: true,
      team: { select: { name: true } },
      ssoLinks: { select: { issuer: true, subject: true, createdAt: true, lastSignInAt: true } },
    },
  });
  if (person) made.push(person.id);
  return person;
}

const auditOf = (userId: string) =>
  prisma.auditEvent.findMany({
    where: { targetId: userId },
    orderBy: { at: "asc" },
    select: {
      action: true,
      actorId: true,
      actorLabel: true,
      targetType: true,
      summary: true,
      clientAddress: true,
    },
  });

describe("company sign-in with a real OpenID Connect provider", () => {
  it("creates a new person from the claims, with their team and role, and audits both writes", async () => {
    const app = await loadApp({
      ...teamSettings,
      OIDC_PROVISION: "create",
      OIDC_PROVISION_ROLES: "employee,manager",
    });
    const who = account({ name: "Noa Hire", team: "Front desk", role: "manager" });
    const before = await snapshotDatabase();
    const { result } = await signIn(app, who);
    const session = await expectSignedIn(result, "/team");

    const person = (await personByEmail(who.email!))!;
    expect(person).toMatchObject({
      name: "Noa Hire",
      role: "manager",
      active: true,
      locale: "en",
      team: { name: "Front desk" },
    });
    expect(person.ssoLinks).toEqual([
      expect.objectContaining({ issuer: idp.issuer, subject: who.sub }),
    ]);
    expect(rowDelta(before, await snapshotDatabase(), [])).toMatchObject({
      User: 1,
      SsoLink: 1,
      AuditEvent: 2,
      Session: 1,
    });
    const events = await auditOf(person.id);
    expect(events.map((e) => e.action).sort()).toEqual(["person.provision", "sso.link"]);
    for (const event of events) {
      expect(event).toMatchObject({
        actorId: null,
        actorLabel: `identity provider ${idp.issuer}`,
        targetType: "person",
      });
      expect(event.clientAddress).toMatch(/^198\.51\.100\./);
    }
    expect(events.find((e) => e.action === "person.provision")!.summary).toBe(
      `created from claims: e-mail: ${who.email}; name: Noa Hire; role: manager; team: Front desk`,
    );
    // The session is this person's.
    const token = session.split("=")[1]!;
    const { validateSessionToken } = await import("~/auth/session.server");
    expect((await validateSessionToken(token))?.email).toBe(who.email);
  }, 30_000);

  it("caps a role claim outside OIDC_PROVISION_ROLES to employee, and ignores one that is no role", async () => {
    const app = await loadApp({ ...teamSettings, OIDC_PROVISION: "create" });
    const boss = account({ role: "admin", team: "Call centre" });
    await expectSignedIn((await signIn(app, boss)).result, "/training");
    const person = (await personByEmail(boss.email!))!;
    expect(person).toMatchObject({ role: "employee", team: { name: "Call centre" } });
    const events = await auditOf(person.id);
    expect(events.find((e) => e.action === "person.provision")!.summary).toContain(
      "role: employee (claimed admin, capped)",
    );

    const odd = account({ role: "superuser", team: "No such team" });
    await expectSignedIn((await signIn(app, odd)).result, "/training");
    expect(await personByEmail(odd.email!)).toMatchObject({ role: "employee", team: null });
  }, 30_000);

  it("signs a linked person in again: a new session, the old one ended, no audit event", async () => {
    const app = await loadApp({ ...teamSettings, OIDC_PROVISION: "create" });
    const who = account({ team: "Front desk", role: "employee" });
    await signIn(app, who);
    const person = (await personByEmail(who.email!))!;
    const firstSignIn = person.ssoLinks[0]!.lastSignInAt;
    const old = await passwordSession(person.id);

    // Claims that changed meanwhile change nothing when provisioning only creates.
    who.name = "Renamed At The Provider";
    await new Promise((resolve) => setTimeout(resolve, 5));
    const before = await snapshotDatabase();
    const { result } = await signIn(
      app,
      who,
      `?redirectTo=${encodeURIComponent("/me")}`,
      old.cookie,
    );
    await expectSignedIn(result, "/me");
    const after = await snapshotDatabase();
    // The old session went and a new one came (as many sessions as before); the link's last
    // sign-in moved; nothing else changed.
    expect(changedTables(before, after, [])).toEqual(["SsoLink"]);
    expect(after.Session.count).toBe(before.Session.count);
    const again = (await personByEmail(who.email!))!;
    expect(again.name).toBe(person.name);
    expect(again.ssoLinks[0]!.lastSignInAt.getTime()).toBeGreaterThan(firstSignIn.getTime());
    const { validateSessionToken } = await import("~/auth/session.server");
    expect(await validateSessionToken(old.token)).toBeNull();
  }, 30_000);

  it("updates name, team and role from the claims at every sign-in when OIDC_PROVISION=update", async () => {
    const settings = {
      ...teamSettings,
      OIDC_PROVISION: "update",
      OIDC_PROVISION_ROLES: "employee,trainer",
    };
    const app = await loadApp(settings);
    const who = account({ name: "Ada Before", team: "Front desk", role: "employee" });
    await signIn(app, who);
    const person = (await personByEmail(who.email!))!;

    Object.assign(who, { name: "Ada After", team: "call-centre", role: "trainer" });
    const before = await snapshotDatabase();
    await expectSignedIn((await signIn(app, who)).result, "/studio");
    expect(rowDelta(before, await snapshotDatabase(), [])).toMatchObject({ AuditEvent: 1 });
    expect(await personByEmail(who.email!)).toMatchObject({
      name: "Ada After",
      role: "trainer",
      team: { name: "Call centre" },
    });
    const sync = (await auditOf(person.id)).filter((e) => e.action === "person.sync");
    expect(sync.map((e) => e.summary)).toEqual([
      "name: Ada Before → Ada After; team: Front desk → Call centre; role: employee → trainer",
    ]);

    // The same claims again: nothing to change, nothing audited.
    const quiet = await snapshotDatabase();
    await expectSignedIn((await signIn(app, who)).result, "/studio");
    expect(changedTables(quiet, await snapshotDatabase(), [])).toEqual(["Session", "SsoLink"]);
    expect((await auditOf(person.id)).filter((e) => e.action === "person.sync")).toHaveLength(1);
  }, 30_000);

  it("links an existing person by e-mail only when allowed and the provider has verified it", async () => {
    const robin = await newPerson("employee");
    made.push(robin.id);

    // Not allowed: Robin exists but is not linked, and provisioning is off.
    const off = await loadApp({ OIDC_PROVISION: "off", OIDC_LINK_BY_EMAIL: "false" });
    const same = account({ email: robin.email, email_verified: true });
    let before = await snapshotDatabase();
    expectRefused((await signIn(off, same)).result, 403, "unknown");
    expectNothingWritten(before, await snapshotDatabase());

    // Provisioning may not make a second account for the same address either.
    const create = await loadApp({ OIDC_PROVISION: "create" });
    before = await snapshotDatabase();
    expectRefused((await signIn(create, same)).result, 403, "accountExists");
    expectNothingWritten(before, await snapshotDatabase());

    // Allowed, but the provider has not verified the address.
    const allowed = await loadApp({ OIDC_LINK_BY_EMAIL: "true" });
    const unverified = account({ email: robin.email, email_verified: false });
    before = await snapshotDatabase();
    expectRefused((await signIn(allowed, unverified)).result, 403, "emailUnverified");
    expectNothingWritten(before, await snapshotDatabase());
    const silent = account({ email: robin.email, email_verified: undefined });
    expectRefused((await signIn(allowed, silent)).result, 403, "emailUnverified");
    expectNothingWritten(before, await snapshotDatabase());

    // Allowed and verified: linked to Robin, with one audit event, and signed in.
    const verified = account({ email: robin.email, email_verified: true });
    before = await snapshotDatabase();
    await expectSignedIn((await signIn(allowed, verified)).result, "/training");
    expect(rowDelta(before, await snapshotDatabase(), [])).toEqual({
      SsoLink: 1,
      AuditEvent: 1,
      Session: 1,
    });
    const linked = (await personByEmail(robin.email))!;
    expect(linked.ssoLinks.map((l) => l.subject)).toEqual([verified.sub]);
    expect(await auditOf(robin.id)).toEqual([
      expect.objectContaining({
        action: "sso.link",
        actorId: null,
        summary: `linked to ${idp.issuer} subject ${verified.sub} (by verified e-mail)`,
      }),
    ]);

    // A second subject of the same provider cannot take over an account that is already linked.
    const another = account({ email: robin.email, email_verified: true });
    before = await snapshotDatabase();
    expectRefused((await signIn(allowed, another)).result, 403, "alreadyLinked");
    expectNothingWritten(before, await snapshotDatabase());
  }, 60_000);

  it("keeps the login page's safe redirectTo and drops one that would leave the site", async () => {
    const app = await loadApp({ OIDC_PROVISION: "create" });
    const who = account();
    await expectSignedIn(
      (await signIn(app, who, `?redirectTo=${encodeURIComponent("/me?tab=1")}`)).result,
      "/me?tab=1",
    );
    await personByEmail(who.email!);
    await expectSignedIn(
      (await signIn(app, who, `?redirectTo=${encodeURIComponent("//evil.test")}`)).result,
      "/training",
    );
  }, 30_000);
});

describe("refused sign-ins answer a clear page and write nothing", () => {
  it("refuses a callback without the attempt's cookie, or with a forged one", async () => {
    const app = await loadApp({ OIDC_PROVISION: "create" });
    const who = account();
    const { authorizationUrl, cookie } = await begin(app);
    const callbackUrl = await signInAtProvider(authorizationUrl, who.sub);
    const before = await snapshotDatabase();
    expectRefused(await finish(app, callbackUrl, null), 400, "expired");
    expect(app.refusal()).toMatchObject({ reason: "cookie missing" });
    const [name, value] = cookie.split("=") as [string, string];
    const [payload, signature] = value.split(".") as [string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, "base64url").toString()),
        redirectTo: "/admin",
      }),
    ).toString("base64url");
    expectRefused(
      await finish(app, callbackUrl, `${name}=${forgedPayload}.${signature}`),
      400,
      "expired",
    );
    expect(app.refusal()).toMatchObject({ reason: "cookie bad-signature" });
    expectNothingWritten(before, await snapshotDatabase());
    expect(await personByEmail(who.email!)).toBeNull();
  }, 30_000);

  it("refuses a tampered state", async () => {
    const app = await loadApp({ OIDC_PROVISION: "create" });
    const who = account();
    const { authorizationUrl, cookie } = await begin(app);
    const callbackUrl = await signInAtProvider(authorizationUrl, who.sub);
    callbackUrl.searchParams.set("state", "forged-by-someone-else");
    const before = await snapshotDatabase();
    expectRefused(await finish(app, callbackUrl, cookie), 400, "invalid");
    expect(String(app.refusal()?.message)).toMatch(/"state"/);
    expectNothingWritten(before, await snapshotDatabase());
    expect(await personByEmail(who.email!)).toBeNull();
  }, 30_000);

  it("refuses a replayed code", async () => {
    const app = await loadApp({ OIDC_PROVISION: "create" });
    const who = account();
    const { result, callbackUrl, cookie } = await signIn(app, who);
    await expectSignedIn(result, "/training");
    await personByEmail(who.email!);
    const before = await snapshotDatabase();
    expectRefused(await finish(app, callbackUrl, cookie), 400, "invalid");
    expect(app.refusal()).toMatchObject({
      reason: "protocol",
      name: "ResponseBodyError",
      error: "invalid_grant",
    });
    expectNothingWritten(before, await snapshotDatabase());
  }, 30_000);

  it("refuses an ID token with another nonce than the one this browser was given", async () => {
    const app = await loadApp({ OIDC_PROVISION: "create" });
    const who = account();
    const { authorizationUrl, cookie } = await begin(app);
    authorizationUrl.searchParams.set("nonce", "a-nonce-from-another-attempt");
    const callbackUrl = await signInAtProvider(authorizationUrl, who.sub);
    const before = await snapshotDatabase();
    expectRefused(await finish(app, callbackUrl, cookie), 400, "invalid");
    expect(String(app.refusal()?.message)).toMatch(/"nonce"/);
    expectNothingWritten(before, await snapshotDatabase());
    expect(await personByEmail(who.email!)).toBeNull();
  }, 30_000);

  it("refuses an answer from a foreign issuer", async () => {
    const app = await loadApp({ OIDC_PROVISION: "create" });
    const who = account({}, foreign);
    const { authorizationUrl, cookie } = await begin(app);
    // The same request, answered by another provider (same client id, same redirect URI).
    const elsewhere = new URL(authorizationUrl.pathname + authorizationUrl.search, foreign.issuer);
    const callbackUrl = await signInAtProvider(elsewhere, who.sub);
    expect(callbackUrl.searchParams.get("iss")).toBe(foreign.issuer);
    const before = await snapshotDatabase();
    expectRefused(await finish(app, callbackUrl, cookie), 400, "invalid");
    expect(String(app.refusal()?.message)).toMatch(/"iss"/);
    // Without its iss parameter it is refused too: our provider promises one (RFC 9207).
    callbackUrl.searchParams.delete("iss");
    expectRefused(await finish(app, callbackUrl, cookie), 400, "invalid");
    expect(String(app.refusal()?.message)).toMatch(/"iss"/);
    expectNothingWritten(before, await snapshotDatabase());
    expect(await personByEmail(who.email!)).toBeNull();
  }, 30_000);

  it("refuses an expired ID token", async () => {
    // The provider issues ID tokens for 600 s; a client clock 20 minutes ahead finds them expired.
    const app = await loadApp({ OIDC_PROVISION: "create" }, { clockSkew: 20 * 60 });
    const who = account();
    const { authorizationUrl, cookie } = await begin(app);
    const callbackUrl = await signInAtProvider(authorizationUrl, who.sub);
    const before = await snapshotDatabase();
    expectRefused(await finish(app, callbackUrl, cookie), 400, "invalid");
    expect(String(app.refusal()?.message)).toMatch(/"exp"/);
    expectNothingWritten(before, await snapshotDatabase());
    expect(await personByEmail(who.email!)).toBeNull();
  }, 30_000);

  it("refuses a person deactivated in Frontline, whatever the provider says", async () => {
    const app = await loadApp({ ...teamSettings, OIDC_PROVISION: "update" });
    const who = account({ role: "employee" });
    await signIn(app, who);
    const person = (await personByEmail(who.email!))!;
    await prisma.user.update({ where: { id: person.id }, data: { active: false } });
    who.name = "Someone Else Now";
    const before = await snapshotDatabase();
    const { result } = await signIn(app, who);
    expectRefused(result, 403, "deactivated");
    expectNothingWritten(before, await snapshotDatabase());
  }, 30_000);

  it("refuses an unknown person when provisioning is off (the default)", async () => {
    const app = await loadApp();
    const who = account();
    const before = await snapshotDatabase();
    expectRefused((await signIn(app, who)).result, 403, "unknown");
    expectNothingWritten(before, await snapshotDatabase());
  }, 30_000);

  it("refuses to create a person without an e-mail, or with one the provider calls unverified", async () => {
    const app = await loadApp({ OIDC_PROVISION: "create" });
    const before = await snapshotDatabase();
    expectRefused((await signIn(app, account({ email: undefined }))).result, 403, "emailMissing");
    const unverified = account({ email_verified: false });
    expectRefused((await signIn(app, unverified)).result, 403, "emailUnverified");
    expectNothingWritten(before, await snapshotDatabase());
  }, 30_000);

  it("words the refusal in the visitor's language", async () => {
    const app = await loadApp();
    const { authorizationUrl } = await begin(app);
    const callbackUrl = await signInAtProvider(authorizationUrl, account().sub);
    const data = expectRefused(
      await finish(app, callbackUrl, null, { "Accept-Language": "sl" }),
      400,
      "expired",
    );
    expect(data.title).toBe("Prijava ni uspela · Frontline");
    const { fixedT } = await import("~/i18n/i18n.server");
    expect(fixedT("sl", "auth")("sso.problem.expired")).toMatch(/^Ta prijava se ni začela/);
  }, 30_000);
});

describe("configuration", () => {
  it("is off without OIDC_ISSUER and OIDC_CLIENT_ID: both routes answer 404 and the page has no button", async () => {
    vi.resetModules();
    vi.stubEnv("OIDC_ISSUER", "");
    vi.stubEnv("OIDC_CLIENT_ID", "");
    const [start, callback, login] = await Promise.all([
      import("~/routes/_auth+/oidc"),
      import("~/routes/_auth+/oidc.callback"),
      import("~/routes/_auth+/login"),
    ]);
    const args = (path: string) => ({ request: getRequest(path), params: {}, context: context() });
    for (const loader of [start.loader, callback.loader]) {
      const result = (await settle(loader(args("/auth/oidc")))) as { init?: ResponseInit };
      expect(result.init?.status).toBe(404);
    }
    expect(await login.loader(args("/login"))).toMatchObject({ sso: null, passwordSignIn: "all" });
  });

  it("shows the provider's name on the login page", async () => {
    const app = await loadApp({ OIDC_NAME: "Contoso" });
    const page = await app.loginLoader({
      request: getRequest("/login"),
      params: {},
      context: context(),
    });
    expect(page).toMatchObject({ sso: { name: "Contoso" }, passwordSignIn: "all" });
    const { fixedT } = await import("~/i18n/i18n.server");
    expect(fixedT("en", "auth")("sso.button", { name: "Contoso" })).toBe("Sign in with Contoso");
    expect(fixedT("en", "auth")("sso.buttonDefault")).toBe("Sign in with your company account");
  });

  it("with PASSWORD_SIGN_IN=admins, only admins may log in with a password", async () => {
    const app = await loadApp({ PASSWORD_SIGN_IN: "admins" });
    const page = await app.loginLoader({
      request: getRequest("/login"),
      params: {},
      context: context(),
    });
    expect(page).toMatchObject({ passwordSignIn: "admins" });
    const login = (email: string, password = "frontline-demo") =>
      app.loginAction({
        request: formRequest("/login", { email, password }),
        params: {},
        context: context(freshClientAddress()),
      });

    const before = await prisma.session.count();
    const employee = (await login("employee@demo.frontline.test")) as {
      data: { result: { error: Record<string, string[]> } };
      init: ResponseInit;
    };
    expect(employee.init.status).toBe(403);
    expect(employee.data.result.error[""]).toEqual(["auth:sso.passwordOff"]);
    expect(await prisma.session.count()).toBe(before);
    // A wrong password still reads as one, for everyone.
    const wrong = (await login("employee@demo.frontline.test", "nope")) as { init: ResponseInit };
    expect(wrong.init.status).toBe(401);
    const admin = (await login("admin@demo.frontline.test")) as Response;
    expect(admin.status).toBe(302);
    expect(admin.headers.get("Location")).toBe("/admin");
  });

  it("refuses settings that make no sense, naming the variable", async () => {
    const { env } = await import("~/env.server");
    const problems: [Record<string, string>, RegExp][] = [
      [{ PASSWORD_SIGN_IN: "admins", OIDC_ISSUER: "", OIDC_CLIENT_ID: "" }, /PASSWORD_SIGN_IN/],
      [{ OIDC_PROVISION_ROLES: "employee,boss" }, /OIDC_PROVISION_ROLES/],
      [{ OIDC_PROVISION: "always" }, /OIDC_PROVISION: must be off, create or update/],
      [{ OIDC_ISSUER: "http://idp.example.com" }, /OIDC_ISSUER/],
      [{ OIDC_SCOPES: "email profile" }, /OIDC_SCOPES: must include openid/],
    ];
    for (const [settings, message] of problems) {
      vi.resetModules();
      for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
      const fresh = (await import("~/env.server")).env;
      expect(fresh).not.toBe(env);
      expect(() => fresh()).toThrow(message);
      vi.unstubAllEnvs();
    }
  });
});
