import { decodeBase64 } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { checkSecondFactor } from "~/auth/two-factor.server";
import { prisma } from "~/db.server";
import { action as personAction } from "~/routes/admin+/people.$userId";
import { action as loginAction } from "~/routes/_auth+/login";
import { action as codeAction, loader as codeLoader } from "~/routes/_auth+/two-factor";
import { action as securityAction, loader as securityLoader } from "~/routes/me+/security";
import { statusOf } from "../support/module-actions";
import { context, formRequest, freshClientAddress, getRequest, settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";
import { postAs } from "../support/team";

// Two-factor sign-in end to end through the routes: enrolment with an authenticator app's code,
// sign-in in two steps (no session before the code), a wrong code, a replayed code, recovery
// codes, turning it off and an admin's reset.

const password = "frontline-demo";
const email = "grace.mensah@demo.frontline.test";
const totp = (key: string) => generateTOTP(decodeBase64(key), 30, 6);
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");

async function enrol() {
  const page = (await securityLoader(await loaderArgs(email, "/me/security"))) as {
    enrolment: { key: string; typed: string; qrSvg: string };
  };
  expect(page.enrolment.qrSvg).toMatch(/^<svg/);
  expect(page.enrolment.typed).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
  const wrong = await postAs(securityAction, email, "/me/security", {
    intent: "enrol-two-factor",
    key: page.enrolment.key,
    code: totp(page.enrolment.key) === "000000" ? "111111" : "000000",
  });
  expect(statusOf(wrong)).toBe(400);
  expect(await prisma.twoFactor.count({ where: { user: { email } } })).toBe(0);
  const right = (await postAs(securityAction, email, "/me/security", {
    intent: "enrol-two-factor",
    key: page.enrolment.key,
    code: totp(page.enrolment.key),
  })) as { recoveryCodes: string[] };
  expect(right.recoveryCodes).toHaveLength(10);
  expect(right.recoveryCodes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  return { key: page.enrolment.key, recoveryCodes: right.recoveryCodes };
}

async function passwordStep(address?: string) {
  const response = (await loginAction({
    request: formRequest("/login", { email, password, redirectTo: "/me" }),
    context: context(address),
    params: {},
  })) as Response;
  return response;
}

const codeStep = (cookie: string, code: string, address?: string) =>
  settle(
    codeAction({
      request: formRequest("/login/two-factor", { code }, { Cookie: cookie }),
      context: context(address),
      params: {},
    }),
  );

const sessions = () => prisma.session.count({ where: { user: { email } } });

describe("two-factor sign-in", () => {
  it("is turned on with a code from the app, then asks for a code after the password, once per code", async () => {
    const { key, recoveryCodes } = await enrol();
    // The codes are kept hashed only.
    const stored = await prisma.recoveryCode.findMany({ where: { user: { email } } });
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);

    await prisma.session.deleteMany({ where: { user: { email } } });
    const first = await passwordStep();
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/login/two-factor");
    expect(await sessions()).toBe(0);
    const challenge = cookiesOf(first);
    expect(challenge).toMatch(/^frontline_2fa=[a-z2-7]{32}$/);
    expect(
      statusOf(
        await settle(
          codeLoader({
            request: getRequest("/login/two-factor", challenge),
            context: context(),
            params: {},
          }),
        ),
      ),
    ).toBe(200);

    const wrong = await codeStep(challenge, "12345x");
    expect(statusOf(wrong)).toBe(401);
    expect(await sessions()).toBe(0);

    // The code can arrive from a replay of a form the app's code was used in before: the step
    // enrolment accepted is not accepted again.
    const replayedFromEnrolment = await codeStep(challenge, totp(key));
    expect(statusOf(replayedFromEnrolment)).toBe(401);

    // A recovery code signs in once, and lands where the person was going.
    const signedIn = (await codeStep(challenge, recoveryCodes[0]!.toUpperCase())) as Response;
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/me");
    expect(await sessions()).toBe(1);
    expect(cookiesOf(signedIn)).toMatch(/frontline_session=/);
    // The challenge is over: its cookie opens nothing any more.
    expect(statusOf(await codeStep(challenge, recoveryCodes[1]!))).toBe(302);
    expect(
      ((await codeStep(challenge, recoveryCodes[1]!)) as Response).headers.get("Location"),
    ).toBe("/login?twoFactor=expired");

    // The used recovery code is used up.
    const again = cookiesOf(await passwordStep());
    expect(statusOf(await codeStep(again, recoveryCodes[0]!))).toBe(401);
  });

  it("accepts the app's next code once: the same code a second time is refused", async () => {
    const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { email } });
    const { key } = await prisma.twoFactor.findUniqueOrThrow({ where: { userId } });
    const inThirtySeconds = new Date(Date.now() + 30_000);
    const step = BigInt(Math.floor(inThirtySeconds.getTime() / 30_000));
    const code = generateHOTP(decodeBase64(key), step, 6);
    expect(await checkSecondFactor(userId, code, inThirtySeconds)).toEqual({
      ok: true,
      recovery: false,
    });
    expect(await checkSecondFactor(userId, code, inThirtySeconds)).toEqual({ ok: false });
  });

  it("ends the code step after five wrong codes; the password is needed again", async () => {
    const challenge = cookiesOf(await passwordStep());
    for (let i = 0; i < 4; i++) expect(statusOf(await codeStep(challenge, `99999${i}`))).toBe(401);
    const fifth = (await codeStep(challenge, "999995")) as Response;
    expect(fifth.headers.get("Location")).toBe("/login?twoFactor=tooMany");
    expect(await prisma.signInChallenge.count({ where: { user: { email } } })).toBe(0);
  });

  it("counts wrong codes as failed sign-ins: with the password known, codes cannot be guessed challenge after challenge", async () => {
    await prisma.loginFailure.deleteMany();
    const address = freshClientAddress();
    for (let round = 0; round < 2; round++) {
      const challenge = cookiesOf(await passwordStep(address));
      for (let i = 0; i < 5; i++) await codeStep(challenge, `88888${i}`, address);
    }
    // Ten wrong codes from this address: the right password is refused here now.
    const refused = (await passwordStep(address)) as unknown as { init: ResponseInit };
    expect(refused.init.status).toBe(429);
    await prisma.loginFailure.deleteMany();
  });

  it("is reset by an admin for someone who lost their phone, in the audit log", async () => {
    const person = await prisma.user.findUniqueOrThrow({ where: { email } });
    const result = await postAs(
      personAction,
      demo.admin,
      `/admin/people/${person.id}`,
      { intent: "reset-two-factor" },
      { userId: person.id },
    );
    expect(statusOf(result)).toBe(200);
    expect(await prisma.twoFactor.count({ where: { userId: person.id } })).toBe(0);
    expect(await prisma.recoveryCode.count({ where: { userId: person.id } })).toBe(0);
    expect(
      await prisma.auditEvent.count({ where: { action: "two-factor.reset", targetId: person.id } }),
    ).toBe(1);
    // Signing in is one step again.
    expect((await passwordStep()).headers.get("Location")).toBe("/me");
    // Resetting it again: nothing to reset.
    const again = await postAs(
      personAction,
      demo.admin,
      `/admin/people/${person.id}`,
      { intent: "reset-two-factor" },
      { userId: person.id },
    );
    expect(statusOf(again)).toBe(400);
  });
});
