import { decodeBase64 } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loader as teamLoader } from "~/routes/team+/index";
import { action as securityAction, loader as securityLoader } from "~/routes/me+/security";
import { loader as trainingLoader } from "~/routes/training+/index";
import { settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";
import { postAs } from "../support/team";

// TWO_FACTOR_ROLES=manager: a manager without two-factor sign-in can open only the page that
// turns it on; once it is on, everything is as before. Other roles are not asked.

vi.hoisted(() => {
  process.env.TWO_FACTOR_ROLES = "manager";
});
afterAll(() => {
  delete process.env.TWO_FACTOR_ROLES;
});

describe("two-factor sign-in required for a role", () => {
  it("sends a manager without it to turn it on, and lets them on once it is", async () => {
    const before = await settle(teamLoader(await loaderArgs(demo.manager, "/team")));
    expect((before as Response).status).toBe(302);
    expect((before as Response).headers.get("Location")).toBe("/me/security?twoFactor=required");

    const page = (await securityLoader(await loaderArgs(demo.manager, "/me/security"))) as {
      twoFactorRequired: boolean;
      enrolment: { key: string };
    };
    expect(page.twoFactorRequired).toBe(true);
    const key = page.enrolment.key;
    await postAs(securityAction, demo.manager, "/me/security", {
      intent: "enrol-two-factor",
      key,
      code: generateTOTP(decodeBase64(key), 30, 6),
    });

    const after = await settle(teamLoader(await loaderArgs(demo.manager, "/team")));
    expect(after).not.toBeInstanceOf(Response);
    // Nor may they turn it off while their role requires it.
    const off = await postAs(securityAction, demo.manager, "/me/security", {
      intent: "disable-two-factor",
      code: "123456",
    });
    expect((off as { init: ResponseInit }).init.status).toBe(400);
  });

  it("does not ask other roles", async () => {
    const training = await settle(trainingLoader(await loaderArgs(demo.employee, "/training")));
    expect(training).not.toBeInstanceOf(Response);
  });
});
