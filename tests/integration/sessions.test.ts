import { describe, expect, it } from "vitest";
import { requireArea, requireUser } from "~/auth/permissions.server";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { setUserActive } from "~/admin/users.server";
import { actorOf } from "~/audit/audit.server";
import { sessionIdFromToken } from "~/auth/session-token.server";
import { prisma } from "~/db.server";
import { action as logoutAction } from "~/routes/_auth+/logout";
import { loader as teamLoader } from "~/routes/team+/index";
import { context, cookiePair, formRequest, getRequest, settle } from "../support/requests";

const hour = 60 * 60 * 1000;
const day = 24 * hour;

async function userId(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return user.id;
}

async function signIn(email: string, now = new Date()) {
  const setCookie = await createSession(await userId(email), now);
  const cookie = cookiePair(setCookie);
  return { setCookie, cookie, token: cookie.split("=")[1]! };
}

describe("sessions", () => {
  it("sets a cookie that lives until the absolute cap", async () => {
    const { setCookie } = await signIn("employee@demo.frontline.test");
    expect(setCookie).toMatch(/Max-Age=7776000/); // 90 days
    expect(setCookie).not.toMatch(/Secure/); // tests run without COOKIE_SECURE
  });

  it("slides the expiry in the database as the user comes back", async () => {
    const start = new Date();
    const { token } = await signIn("employee@demo.frontline.test", start);
    const id = sessionIdFromToken(token);
    const later = new Date(start.getTime() + 5 * day);
    expect(await validateSessionToken(token, later)).toMatchObject({
      email: "employee@demo.frontline.test",
    });
    const row = await prisma.session.findUniqueOrThrow({
      where: { id },
      select: { expiresAt: true, lastSeenAt: true },
    });
    expect(row.expiresAt.getTime()).toBe(later.getTime() + 30 * day);
    expect(row.lastSeenAt.getTime()).toBe(later.getTime());
  });

  it("ends an idle session and deletes its row", async () => {
    const start = new Date();
    const { token } = await signIn("employee@demo.frontline.test", start);
    expect(await validateSessionToken(token, new Date(start.getTime() + 31 * day))).toBeNull();
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);
  });

  it("deletes the row on logout, and the old cookie then leads to /login", async () => {
    const { cookie, token } = await signIn("manager@demo.frontline.test");
    const response = await logoutAction({
      request: formRequest("/logout", {}, { Cookie: cookie }),
      context: context(),
      params: {},
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);

    const after = await settle(requireUser(getRequest("/team", cookie)));
    expect(after).toBeInstanceOf(Response);
    expect((after as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fteam");
  });

  it("ends every session of a user who is deactivated", async () => {
    const email = "jonas.berg@demo.frontline.test";
    const sessions = await Promise.all([signIn(email), signIn(email), signIn(email)]);
    const admin = await prisma.user.findUniqueOrThrow({
      where: { email: "admin@demo.frontline.test" },
      select: { id: true, name: true, email: true },
    });
    expect(await setUserActive(actorOf(admin, "127.0.0.1"), await userId(email), false)).toEqual({
      ok: true,
    });
    expect(await prisma.session.count({ where: { user: { email } } })).toBe(0);
    for (const { token } of sessions) expect(await validateSessionToken(token)).toBeNull();
  });
});

describe("permissions", () => {
  it("gives an employee 403 on /team", async () => {
    const { cookie } = await signIn("employee@demo.frontline.test");
    const result = await settle(
      teamLoader({ request: getRequest("/team", cookie), context: context(), params: {} }),
    );
    expect(result).toMatchObject({ init: { status: 403 } });
  });

  it("shows a manager only their own team", async () => {
    const { cookie } = await signIn("manager@demo.frontline.test");
    const result = await teamLoader({
      request: getRequest("/team", cookie),
      context: context(),
      params: {},
    });
    expect(result.teams.map((t) => t.name)).toEqual(["Front desk"]);
    expect(result.rows.map((r) => r.email)).toContain("employee@demo.frontline.test");
  });

  it.each([
    ["employee@demo.frontline.test", { training: true, team: false, studio: false, admin: false }],
    ["manager@demo.frontline.test", { training: true, team: true, studio: false, admin: false }],
    ["trainer@demo.frontline.test", { training: true, team: false, studio: true, admin: false }],
    ["admin@demo.frontline.test", { training: true, team: true, studio: true, admin: true }],
  ] as const)("lets %s into exactly its areas", async (email, expected) => {
    const { cookie } = await signIn(email);
    for (const [area, allowed] of Object.entries(expected)) {
      const outcome = await settle(
        requireArea(getRequest(`/${area}`, cookie), area as keyof typeof expected),
      );
      if (allowed) expect(outcome).toMatchObject({ email });
      else expect(outcome).toMatchObject({ init: { status: 403 } });
    }
  });
});
