import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { action as peopleAction } from "~/routes/admin+/people";
import { action as securityAction } from "~/routes/me+/security";
import { action as observeAction } from "~/routes/team+/observations.new";
import { action as recogniseAction } from "~/routes/team+/recognition";
import { action as moduleAction } from "~/routes/training+/$slug";
import { observationStandards } from "~/team/observations.server";
import { statusOf } from "../support/module-actions";
import { newPerson, removePeople, signIn, startingPassword } from "../support/people";
import { context, formRequest, settle } from "../support/requests";
import { demo } from "../support/sessions";
import { at, idOf, postAs, wall } from "../support/team";

// ASVS 15.3.3: every form is parsed by a zod object that keeps only its own fields, and the
// domain writes name each column, so fields a form never had (score, passed, userId, role,
// managerId, active…) are ignored. Each case sends them and checks what was stored.

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const made: string[] = [];
afterAll(() => removePeople(made));

// Grace Mensah (Call centre, managed by Sam Okafor) is left alone by the other tests.
const grace = at("grace.mensah");
const sam = at("sam.okafor");
let graceId = "";
let otherId = "";
beforeAll(async () => {
  graceId = await idOf(grace);
  otherId = await idOf(demo.employee);
});
const recent = () => new Date(Date.now() - 60 * 1000);

describe("fields a form does not have are ignored", () => {
  it("a quiz submission cannot set its score, result, owner or number", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const { cookie } = await signIn(robin.id);
    const result = await settle(
      moduleAction({
        request: formRequest(
          "/training/canary-module",
          {
            intent: "quiz-submit",
            quizId: "canary-quiz",
            attempt: "1",
            "answer:pick-one": "wrong",
            "answer:pick-many": ["first"],
            score: "100",
            passed: "true",
            userId: otherId,
            number: "7",
            moduleVersion: "9.9",
          },
          { Cookie: cookie },
        ),
        context: context(),
        params: { slug: "canary-module" },
      }),
    );
    expect(statusOf(result)).toBe(302);
    const attempts = await prisma.quizAttempt.findMany({
      where: { OR: [{ userId: robin.id }, { userId: otherId, moduleSlug: "canary-module" }] },
      select: { userId: true, score: true, passed: true, number: true, moduleVersion: true },
    });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ userId: robin.id, passed: false, number: 1 });
    expect(attempts[0]!.score).toBeLessThan(100);
    expect(attempts[0]!.moduleVersion).not.toBe("9.9");
  });

  it("an observation cannot name another manager or arrive already acknowledged", async () => {
    const standards = observationStandards();
    const result = await postAs(observeAction, sam, "/team/observations/new", {
      employeeId: graceId,
      observedAt: wall(new Date(Date.now() - 2 * 60 * 60 * 1000)),
      channel: "phone",
      notes: "Kept the caller informed while checking the order.",
      ...Object.fromEntries(standards.map((s) => [`ratings.${s.id}`, "4"])),
      managerId: otherId,
      acknowledgedAt: "2020-01-01T00:00:00Z",
      employeeComment: "I agree with everything",
      createdAt: "2020-01-01T00:00:00Z",
    });
    expect(statusOf(result)).toBe(302);
    const id = (result as Response).headers.get("Location")!.split("#observation-")[1]!;
    const row = await prisma.observation.findUniqueOrThrow({
      where: { id },
      select: { managerId: true, acknowledgedAt: true, employeeComment: true, createdAt: true },
    });
    expect(row).toMatchObject({
      managerId: await idOf(sam),
      acknowledgedAt: null,
      employeeComment: null,
    });
    expect(row.createdAt.getTime()).toBeGreaterThan(recent().getTime());
  });

  it("a recognition cannot be sent in someone else's name or back-dated", async () => {
    const result = await postAs(recogniseAction, sam, "/team/recognition", {
      employeeId: graceId,
      reason: "Calmed a customer whose parcel went missing twice.",
      points: "10",
      fromId: otherId,
      createdAt: "2020-01-01T00:00:00Z",
    });
    expect(statusOf(result)).toBe(200);
    const row = await prisma.recognition.findFirstOrThrow({
      where: { toId: graceId },
      orderBy: { createdAt: "desc" },
      select: { fromId: true, createdAt: true },
    });
    expect(row.fromId).toBe(await idOf(sam));
    expect(row.createdAt.getTime()).toBeGreaterThan(recent().getTime());
  });

  it("a new person cannot be given a chosen id, an inactive state or another creation date", async () => {
    const email = "wren.aldous@example.test";
    const result = await postAs(peopleAction, demo.admin, "/admin/people", {
      intent: "add-person",
      name: "Wren Aldous",
      email,
      role: "employee",
      password: "lanterns over the water",
      id: "chosen-id",
      active: "false",
      createdAt: "2000-01-01T00:00:00Z",
    });
    expect(statusOf(result)).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, active: true, createdAt: true, locale: true },
    });
    made.push(user.id);
    expect(user.id).not.toBe("chosen-id");
    expect(user).toMatchObject({ active: true, locale: "en" });
    expect(user.createdAt.getTime()).toBeGreaterThan(recent().getTime());
  });

  it("a new person's language is one Frontline serves, or nothing is written", async () => {
    const email = "ash.linden@example.test";
    const result = await postAs(peopleAction, demo.admin, "/admin/people", {
      intent: "add-person",
      name: "Ash Linden",
      email,
      role: "employee",
      password: "lanterns over the water",
      locale: "xx",
    });
    expect(statusOf(result)).toBe(400);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("a password change cannot pick whose password, or change the role", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const { cookie } = await signIn(robin.id);
    const victimHash = await prisma.password.findUniqueOrThrow({
      where: { userId: otherId },
      select: { hash: true },
    });
    const next = "lanterns over the water";
    const result = await settle(
      securityAction({
        request: formRequest(
          "/me/security",
          {
            intent: "change-password",
            currentPassword: startingPassword,
            newPassword: next,
            confirmPassword: next,
            userId: otherId,
            role: "admin",
          },
          { Cookie: cookie },
        ),
        context: context(),
        params: {},
      }),
    );
    expect(statusOf(result)).toBe(302);
    expect(
      await prisma.password.findUniqueOrThrow({
        where: { userId: otherId },
        select: { hash: true },
      }),
    ).toEqual(victimHash);
    expect(
      await prisma.user.findUniqueOrThrow({ where: { id: robin.id }, select: { role: true } }),
    ).toEqual({ role: "employee" });
  });
});
