import { afterAll, describe, expect, it } from "vitest";
import { attemptLogin } from "~/auth/login.server";
import { validateSessionToken } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { action as peopleAction } from "~/routes/admin+/people";
import { action, loader } from "~/routes/me+/security";
import { newPerson, removePeople, signIn, startingPassword } from "../support/people";
import { context, cookiePair, formRequest, getRequest, settle } from "../support/requests";
import { demo } from "../support/sessions";
import { fieldErrors, postAs } from "../support/team";

// /me/security: changing one's own password (ASVS 6.2.1, 6.2.4, 6.2.9, 11.4.2, 7.2.4, 7.4.3) and
// ending one's other sessions. Each test works on people of its own (tests/support/people.ts).

// Field errors travel as message keys; the tests read them in their English words.
const englishErrors = (result: unknown) =>
  Object.fromEntries(
    Object.entries(fieldErrors(result)).map(([field, messages]) => [
      field,
      messages?.map((message) => errorText(fixedT("en"), message)),
    ]),
  );

const made: string[] = [];
afterAll(() => removePeople(made));

async function person() {
  const p = await newPerson();
  made.push(p.id);
  return p;
}

const change = (
  cookie: string,
  fields: Partial<Record<"currentPassword" | "newPassword" | "confirmPassword", string>> &
    Record<string, string>,
  clientAddress?: string,
) =>
  settle(
    action({
      request: formRequest(
        "/me/security",
        { intent: "change-password", ...fields },
        { Cookie: cookie },
      ),
      context: context(clientAddress),
      params: {},
    }),
  );

const statusOf = (result: unknown) =>
  result instanceof Response
    ? result.status
    : ((result as { init?: { status?: number } }).init?.status ?? 200);

const hashOf = async (userId: string) =>
  (await prisma.password.findUniqueOrThrow({ where: { userId }, select: { hash: true } })).hash;

describe("changing one's password", () => {
  it("stores an argon2id hash, ends every other session and replaces the current one", async () => {
    const robin = await person();
    const here = await signIn(robin.id);
    const phone = await signIn(robin.id);
    const laptop = await signIn(robin.id);
    const before = await hashOf(robin.id);
    const passphrase = "the tide comes in twice a day, the ferry only once at noon!!";
    expect(passphrase.length).toBeGreaterThanOrEqual(60);

    const result = await change(here.cookie, {
      currentPassword: startingPassword,
      newPassword: passphrase,
      confirmPassword: passphrase,
    });
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/me/security");

    // 11.4.2: argon2id with OWASP's parameters, never the password itself.
    const hash = await hashOf(robin.id);
    expect(hash).not.toBe(before);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(passphrase);

    // 7.4.3 and 7.2.4: the other sessions and the old token of this one are gone.
    for (const old of [here, phone, laptop])
      expect(await validateSessionToken(old.token)).toBeNull();
    const fresh = cookiePair(response.headers.get("Set-Cookie"));
    expect(fresh).not.toBe(here.cookie);
    expect(await validateSessionToken(fresh.split("=")[1]!)).toMatchObject({ id: robin.id });
    expect(await prisma.session.count({ where: { userId: robin.id } })).toBe(1);

    // Only the new password opens the account now.
    expect(
      await attemptLogin(robin.email, startingPassword, undefined, { knownDevice: false }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      await attemptLogin(robin.email, passphrase, undefined, { knownDevice: false }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ["7 characters", "seven77", "At least 8 characters."],
    [
      "129 characters",
      "x".repeat(129),
      "At most 128 characters: a passphrase of a few words is plenty.",
    ],
    [
      "a common password",
      "baseball",
      "This is one of the most common passwords, so it is guessed first. Choose another.",
    ],
    [
      "a common password in capitals",
      "PASSWORD1",
      "This is one of the most common passwords, so it is guessed first. Choose another.",
    ],
    [
      "the person's own name",
      "robin-tester-forever",
      "Leave your name and e-mail address out of the password.",
    ],
  ])(
    "refuses %s with 400 and keeps the old password and sessions",
    async (_name, next, message) => {
      const robin = await person();
      const here = await signIn(robin.id);
      const other = await signIn(robin.id);
      const before = await hashOf(robin.id);
      const result = await change(here.cookie, {
        currentPassword: startingPassword,
        newPassword: next,
        confirmPassword: next,
      });
      expect(statusOf(result)).toBe(400);
      expect(englishErrors(result)).toEqual({ newPassword: [message] });
      expect(await hashOf(robin.id)).toBe(before);
      expect(await validateSessionToken(other.token)).toMatchObject({ id: robin.id });
    },
  );

  it("accepts 8 characters and exactly 128, with no rules about character classes", async () => {
    for (const next of ["zqxjvkwm", "a".repeat(64) + " ".repeat(64)]) {
      const robin = await person();
      const here = await signIn(robin.id);
      const result = await change(here.cookie, {
        currentPassword: startingPassword,
        newPassword: next,
        confirmPassword: next,
      });
      expect(statusOf(result)).toBe(302);
      expect(
        await attemptLogin(robin.email, next, undefined, { knownDevice: false }),
      ).toMatchObject({ ok: true });
    }
  });

  it("refuses a wrong current password, and counts it as a failed login", async () => {
    const robin = await person();
    const here = await signIn(robin.id);
    const before = await hashOf(robin.id);
    const next = "lanterns over the water";
    const result = await change(here.cookie, {
      currentPassword: "not my password",
      newPassword: next,
      confirmPassword: next,
    });
    expect(statusOf(result)).toBe(400);
    expect(fieldErrors(result)).toEqual({ currentPassword: ["auth:password.wrongCurrent"] });
    expect(englishErrors(result)).toEqual({
      currentPassword: ["That is not your current password."],
    });
    expect(await hashOf(robin.id)).toBe(before);
    expect(await prisma.loginFailure.count({ where: { key: `account:${robin.email}` } })).toBe(1);
  });

  it("stops guessing the current password after 10 wrong tries: 429 with Retry-After", async () => {
    const robin = await person();
    const here = await signIn(robin.id);
    const next = "lanterns over the water";
    const attempt = (currentPassword: string) =>
      change(here.cookie, { currentPassword, newPassword: next, confirmPassword: next });
    for (let i = 0; i < 10; i++) expect(statusOf(await attempt(`guess-${i}`))).toBe(400);
    const refused = (await attempt(startingPassword)) as { init: ResponseInit };
    expect(refused.init.status).toBe(429);
    expect(Number(new Headers(refused.init.headers).get("Retry-After"))).toBeGreaterThan(0);
    expect(await attemptLogin(robin.email, next, undefined, { knownDevice: false })).toMatchObject({
      ok: false,
    });
  });

  it("refuses two different new passwords", async () => {
    const robin = await person();
    const here = await signIn(robin.id);
    const result = await change(here.cookie, {
      currentPassword: startingPassword,
      newPassword: "lanterns over the water",
      confirmPassword: "lanterns over the river",
    });
    expect(statusOf(result)).toBe(400);
    expect(englishErrors(result)).toEqual({
      confirmPassword: ["The two new passwords are not the same."],
    });
  });

  it("sends a visitor who is not signed in to log in, changing nothing", async () => {
    const result = await settle(
      action({
        request: formRequest("/me/security", { intent: "change-password" }),
        context: context(),
        params: {},
      }),
    );
    expect((result as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fme%2Fsecurity");
  });
});

describe("sessions on /me/security", () => {
  it("lists this person's live sessions, marks this one, and shows no session ids", async () => {
    const robin = await person();
    const here = await signIn(robin.id);
    await signIn(robin.id);
    await signIn((await person()).id); // someone else's session is not listed
    const page = await loader({
      request: getRequest("/me/security", here.cookie),
      context: context(),
      params: {},
    });
    expect(page.sessions).toHaveLength(2);
    expect(page.sessions.filter((s) => s.current)).toHaveLength(1);
    const ids = await prisma.session.findMany({
      where: { userId: robin.id },
      select: { id: true },
    });
    const json = JSON.stringify(page);
    for (const { id } of ids) expect(json).not.toContain(id);
    expect(json).not.toContain(here.token);
  });

  it("signs out every other session and keeps this one", async () => {
    const robin = await person();
    const here = await signIn(robin.id);
    const others = [await signIn(robin.id), await signIn(robin.id)];
    const bystander = await person();
    const theirs = await signIn(bystander.id);
    const result = await settle(
      action({
        request: formRequest(
          "/me/security",
          { intent: "end-other-sessions" },
          { Cookie: here.cookie },
        ),
        context: context(),
        params: {},
      }),
    );
    expect(result).toEqual({ notice: "Signed out of 2 other sessions." });
    for (const other of others) expect(await validateSessionToken(other.token)).toBeNull();
    expect(await validateSessionToken(here.token)).toMatchObject({ id: robin.id });
    expect(await validateSessionToken(theirs.token)).toMatchObject({ id: bystander.id });
  });
});

describe("the admin's first password for a new person follows the same policy", () => {
  const addPerson = (name: string, email: string, password: string) =>
    postAs(peopleAction, demo.admin, "/admin/people", {
      intent: "add-person",
      name,
      email,
      role: "employee",
      password,
    });

  it.each([
    ["a short one", "seven77", "At least 8 characters."],
    [
      "a common one",
      "sunshine",
      "This is one of the most common passwords, so it is guessed first. Choose another.",
    ],
    [
      "one with their name",
      "Quill-Harrow-2026",
      "Leave their name and e-mail address out of the password.",
    ],
  ])("refuses %s", async (_name, password, message) => {
    const email = `quill.harrow-${password.length}@example.test`;
    const result = await addPerson("Quill Harrow", email, password);
    expect(statusOf(result)).toBe(400);
    expect(englishErrors(result).password).toEqual([message]);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});
