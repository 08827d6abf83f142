import { beforeAll, describe, expect, it } from "vitest";
import { listModuleArtefacts } from "~/content/store.server";
import { syncModuleVersions } from "~/content/sync.server";
import { seedDemoProgress } from "~/demo/seed-progress.server";
import { prisma } from "~/db.server";
import { action as personAction } from "~/routes/team+/$userId";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { statusOf } from "../support/module-actions";
import { at, idOf, postAs } from "../support/team";

// A manager's "Remind" on a person's page: one e-mail listing the person's overdue modules,
// through the reminder outbox, at most one a day per person, audited; nothing for people outside
// the manager's teams, for people with nothing overdue, or for oneself.

const manager = at("manager"); // Maya, manages Front desk

// The template database has the demo people but not their progress: seeded as the first start
// does it, once per worker database.
beforeAll(async () => {
  if (await prisma.moduleCompletion.count()) return;
  const artefacts = await listModuleArtefacts();
  await syncModuleVersions(prisma, artefacts);
  await seedDemoProgress(artefacts);
}, 120_000);
const remind = (employeeId: string, as = manager) =>
  postAs(
    personAction,
    as,
    `/team/${employeeId}`,
    { intent: "remind", employeeId },
    { userId: employeeId },
  );
const nudges = (userId: string) =>
  prisma.reminderOutbox.findMany({
    where: { userId, kind: "nudge" },
    select: { subject: true, body: true, sentAt: true, slot: true },
  });
const errorOf = (result: unknown) => (result as { data: { remindError: string } }).data.remindError;

/** Someone in Front desk with overdue training, and their overdue modules. */
async function overduePerson() {
  const team = await prisma.team.findFirstOrThrow({
    where: { name: "Front desk" },
    select: { members: { where: { active: true }, select: { id: true, email: true } } },
  });
  const managerId = await idOf(manager);
  const people = team.members.filter((m) => m.id !== managerId);
  const enrollments = await listEnrollments(people.map((p) => p.id));
  for (const person of people) {
    const overdue = enrollments.filter((e) => e.userId === person.id && e.status === "overdue");
    if (overdue.length) return { ...person, overdue };
  }
  throw new Error("the demo has nobody overdue in Front desk");
}

describe("reminding someone about overdue training", () => {
  it("sends one e-mail naming every overdue module, once a day, with an audit event", async () => {
    const person = await overduePerson();
    const sent = await remind(person.id);
    expect(sent).toMatchObject({ reminded: { sent: true } });
    const [row, ...more] = await nudges(person.id);
    expect(more).toEqual([]);
    expect(row!.sentAt).not.toBeNull();
    expect(row!.subject).toContain("Maya Patel asks you to finish your overdue training");
    for (const e of person.overdue) expect(row!.body).toContain(`/training/${e.slug}`);
    const events = await prisma.auditEvent.findMany({
      where: { action: "reminders.nudge", targetId: person.id },
      select: { actorLabel: true, summary: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorLabel).toContain(manager);
    expect(events[0]!.summary).toBe(
      `${person.overdue.length} overdue: ${person.overdue.map((e) => e.slug).join(", ")}`,
    );

    // A second press the same day, by anyone allowed, is refused and writes nothing.
    const again = await remind(person.id, at("admin"));
    expect(statusOf(again)).toBe(400);
    expect(errorOf(again)).toBe("team:errors.remindedToday");
    expect(await nudges(person.id)).toHaveLength(1);
    expect(
      await prisma.auditEvent.count({ where: { action: "reminders.nudge", targetId: person.id } }),
    ).toBe(1);
  });

  it("refuses people outside the manager's teams, people with nothing overdue, and oneself", async () => {
    const daniel = await idOf(at("daniel.ek")); // Call centre
    expect(statusOf(await remind(daniel))).toBe(404);
    expect(await nudges(daniel)).toEqual([]);

    const self = await idOf(manager);
    const team = await prisma.team.findFirstOrThrow({
      where: { name: "Front desk" },
      select: { members: { where: { active: true }, select: { id: true } } },
    });
    const enrollments = await listEnrollments(team.members.map((m) => m.id));
    const upToDate = team.members.find(
      (m) => m.id !== self && !enrollments.some((e) => e.userId === m.id && e.status === "overdue"),
    );
    expect(upToDate).toBeDefined();
    const result = await remind(upToDate!.id);
    expect(statusOf(result)).toBe(400);
    expect(errorOf(result)).toBe("team:errors.nothingOverdue");
    expect(await nudges(upToDate!.id)).toEqual([]);

    expect(statusOf(await remind(self))).toBe(400);
    expect(await nudges(self)).toEqual([]);
  });
});
