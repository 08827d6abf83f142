import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedWindow, writeThrottle } from "~/auth/throttle";
import { requireWriteAllowance } from "~/auth/write-limit.server";
import { action as loginAction } from "~/routes/_auth+/login";
import { action as logoutAction } from "~/routes/_auth+/logout";
import { action as securityAction } from "~/routes/me+/security";
import { loader as employeeLoader } from "~/routes/team+/$userId";
import { loader as teamLoader } from "~/routes/team+/index";
import { newPerson, removePeople, signIn, startingPassword } from "../support/people";
import { context, formRequest, freshClientAddress, settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";
import { idOf } from "../support/team";

// ASVS 16.3.1 (every authentication event is logged, success and failure) and 16.3.2 (failed
// authorization is logged). The log is JSON lines on stdout/stderr (app/utils/log.server.ts);
// this file turns logging on and reads what the app writes.

const previousLogLevel = vi.hoisted(() => {
  const previous = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = "info";
  return previous;
});
afterAll(() => {
  // tests/setup/setup-each.ts always sets it, so there is a value to put back.
  process.env.LOG_LEVEL = previousLogLevel ?? "silent";
});

type Line = { level: string; event: string } & Record<string, unknown>;
let lines: Line[] = [];
let raw: string[] = [];

beforeEach(() => {
  lines = [];
  raw = [];
  const capture = (text: unknown) => {
    const line = String(text);
    // Anything but a log line on stderr is still an unexpected error, as in every other test.
    if (!line.startsWith("{")) throw new Error(`unexpected console output: ${line}`);
    raw.push(line);
    lines.push(JSON.parse(line) as Line);
  };
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
});

const made: string[] = [];
afterAll(() => removePeople(made));

const events = () => lines.map((l) => l.event);
const find = (event: string) => lines.find((l) => l.event === event);

const login = (email: string, password: string, clientAddress = freshClientAddress()) =>
  loginAction({
    request: formRequest("/login", { email, password }),
    context: context(clientAddress),
    params: {},
  });

describe("authentication events (16.3.1)", () => {
  it("logs a successful login with who, their role and from where", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const address = freshClientAddress();
    await login(robin.email, startingPassword, address);
    expect(find("login.succeeded")).toMatchObject({
      level: "info",
      userId: robin.id,
      role: "employee",
      clientAddress: address,
    });
  });

  it("logs a failed login, whether or not the account exists, and never the password", async () => {
    await login(demo.trainer, "wrong password 1");
    await login("nobody@example.test", "wrong password 2");
    const failures = lines.filter((l) => l.event === "login.failed");
    expect(failures).toEqual([
      expect.objectContaining({ level: "warn", email: demo.trainer, knownAccount: true }),
      expect.objectContaining({ level: "warn", email: "nobody@example.test", knownAccount: false }),
    ]);
    expect(raw.join("\n")).not.toContain("wrong password");
  });

  it("logs a login refused by the throttle, and one slowed", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const address = freshClientAddress();
    for (let i = 0; i < 11; i++) await login(robin.email, `guess ${i}`, address);
    expect(find("login.throttled")).toMatchObject({
      level: "warn",
      email: robin.email,
      clientAddress: address,
    });
    // From yet another address the account is slowed (guessed from many places), not refused.
    await login(robin.email, "guess 11");
    expect(find("login.slowed")).toMatchObject({ level: "warn", email: robin.email });
  });

  it("logs a logout", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const { cookie } = await signIn(robin.id);
    await logoutAction({
      request: formRequest("/logout", {}, { Cookie: cookie }),
      context: context(),
      params: {},
    });
    expect(find("logout")).toMatchObject({ level: "info", userId: robin.id });
  });

  it("logs a password change, a refused one, and the sessions ended", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const { cookie } = await signIn(robin.id);
    await signIn(robin.id);
    const next = "lanterns over the water";
    const post = (fields: Record<string, string>, withCookie = cookie) =>
      settle(
        securityAction({
          request: formRequest("/me/security", fields, { Cookie: withCookie }),
          context: context(),
          params: {},
        }),
      );
    const change = { intent: "change-password", newPassword: next, confirmPassword: next };
    await post({ ...change, currentPassword: "not it" });
    expect(find("password.change_failed")).toMatchObject({ level: "warn", userId: robin.id });

    const done = (await post({ ...change, currentPassword: startingPassword })) as Response;
    expect(find("password.changed")).toMatchObject({
      level: "info",
      userId: robin.id,
      otherSessionsEnded: 1,
    });

    const fresh = done.headers.get("Set-Cookie")!.split(";")[0]!;
    await signIn(robin.id);
    await post({ intent: "end-other-sessions" }, fresh);
    expect(find("sessions.others_ended")).toMatchObject({ userId: robin.id, count: 1 });
    expect(raw.join("\n")).not.toContain(next);
    expect(raw.join("\n")).not.toContain(startingPassword);
  });
});

describe("authorization failures (16.3.2)", () => {
  it("logs a role refused an area", async () => {
    const result = await settle(teamLoader(await loaderArgs(demo.employee, "/team")));
    expect(result).toMatchObject({ init: { status: 403 } });
    expect(find("authz.denied")).toMatchObject({
      level: "warn",
      userId: await idOf(demo.employee),
      role: "employee",
      area: "team",
      method: "GET",
      path: "/team",
    });
  });

  it("logs a manager reaching for someone outside their teams", async () => {
    const outsider = await idOf("ines.duarte@demo.frontline.test"); // Call centre
    const result = await settle(
      employeeLoader(
        await loaderArgs(demo.manager, `/team/${outsider}`, { userId: outsider }), // Front desk
      ),
    );
    expect(result).toMatchObject({ init: { status: 404 } });
    expect(find("authz.not_in_team")).toMatchObject({
      level: "warn",
      userId: await idOf(demo.manager),
      employeeId: outsider,
    });
  });

  it("logs the write limit refusing someone, once per window", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const now = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < writeThrottle.limit; i++) await requireWriteAllowance(robin.id, now);
    for (let i = 0; i < 3; i++) await settle(requireWriteAllowance(robin.id, now));
    expect(lines.filter((l) => l.event === "write.throttled")).toEqual([
      expect.objectContaining({
        level: "warn",
        userId: robin.id,
        retryAfterSeconds: fixedWindow(now, writeThrottle.windowMs).retryAfterSeconds,
      }),
    ]);
    expect(events()).not.toContain("request.failed");
  });
});
