import { describe, expect, it } from "vitest";
import { publishedModules } from "~/content/modules.server";
import { prisma } from "~/db.server";
import { majorOf } from "~/training/module-key";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { isPostgres } from "../support/dialect";

// Progress is remembered per process; a change written by anyone (another app process, a
// script) must show at once, because the database counts the person's records version up.

/** A person in a team of their own with two modules assigned to that team only. */
async function newcomer() {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const team = await prisma.team.create({
    data: { name: `Cache ${stamp}`, slug: `cache-${stamp}` },
  });
  await prisma.assignment.createMany({
    data: ["our-service-policy", "handling-a-complaint"].map((moduleSlug) => ({
      moduleSlug,
      teamIds: JSON.stringify([team.id]),
      dueDays: 30,
    })),
  });
  return prisma.user.create({
    data: {
      email: `cache-${stamp}@demo.frontline.test`,
      name: "Cache Tester",
      role: "employee",
      teamId: team.id,
    },
    select: { id: true },
  });
}

describe("remembered progress", () => {
  it("shows a completion written behind the app's back at once", async () => {
    const person = await newcomer();
    const before = await listEnrollments([person.id]);
    const target = before.find((e) => e.status !== "completed")!;
    expect(target).toBeDefined();

    await prisma.moduleCompletion.create({
      data: {
        userId: person.id,
        moduleSlug: target.slug,
        moduleVersion: target.version,
        contentHash: "written-elsewhere",
        certificateCode: `CACHE${Date.now()}`,
      },
    });
    const after = await listEnrollments([person.id]);
    expect(after.find((e) => e.slug === target.slug)?.status).toBe("completed");

    const { version } = await prisma.recordsVersion.findUniqueOrThrow({
      where: { userId: person.id },
    });
    expect(version).toBeGreaterThan(0);
  });

  it("counts a section read and a quiz attempt as starting the module", async () => {
    const person = await newcomer();
    const [first] = await listEnrollments([person.id]);
    expect(first!.status).not.toBe("in-progress");
    await prisma.quizAttempt.create({
      data: {
        userId: person.id,
        moduleSlug: first!.slug,
        moduleVersion: first!.version,
        contentHash: "x",
        quizId: "any-quiz",
        number: 1,
        answers: "{}",
        correctCount: 0,
        questionCount: 1,
        score: 0,
        passed: false,
      },
    });
    const again = await listEnrollments([person.id]);
    expect(["in-progress", "overdue"]).toContain(again.find((e) => e.slug === first!.slug)?.status);
  });
});

describe("sections read", () => {
  it("count once across the versions of the module's MAJOR, and never another MAJOR's or person's", async () => {
    const person = await newcomer();
    const other = await newcomer();
    const module = (await publishedModules()).find((m) => m.slug === "our-service-policy")!;
    const version = module.frontmatter.version;
    const major = majorOf(version);
    const [a, b, c] = module.sections.map((s) => s.id);
    const read = (userId: string, moduleVersion: string, sectionId: string) => ({
      userId,
      moduleSlug: module.slug,
      moduleVersion,
      sectionId,
    });
    await prisma.sectionRead.createMany({
      data: [
        // An earlier version of this MAJOR and the current one: a and b, a read twice.
        read(person.id, `${major}.0.0-earlier`, a!),
        read(person.id, version, a!),
        read(person.id, version, b!),
        // An older MAJOR, and a section the module no longer has: neither counts.
        read(person.id, `${major - 1}.0.0`, c!),
        read(person.id, version, "a-section-since-removed"),
        // Someone else's reading is theirs.
        read(other.id, version, c!),
      ],
    });
    const mine = (await listEnrollments([person.id])).find((e) => e.slug === module.slug)!;
    expect(mine.progress.done).toBe(2);
    expect(mine.status).not.toBe("not-started");
    const theirs = (await listEnrollments([other.id])).find((e) => e.slug === module.slug)!;
    expect(theirs.progress.done).toBe(1);
  });
});

describe("the remembered rollout", () => {
  it("follows assignments and module versions written behind the app's back at once", async () => {
    const person = await newcomer();
    const slugs = async () => (await listEnrollments([person.id])).map((e) => e.slug).sort();
    const before = await slugs();
    const extra = (await publishedModules()).map((m) => m.slug).find((s) => !before.includes(s))!;
    expect(extra).toBeDefined();
    const { teamId } = await prisma.user.findUniqueOrThrow({
      where: { id: person.id },
      select: { teamId: true },
    });
    const written = await prisma.assignment.create({
      data: {
        moduleSlug: extra,
        teamIds: JSON.stringify([teamId]),
        dueDays: 30,
      },
    });
    expect(await slugs()).toEqual([...before, extra].sort());
    await prisma.assignment.update({ where: { id: written.id }, data: { active: false } });
    expect(await slugs()).toEqual(before);
    // A database whose counter row went (emptied and filled again): the next change makes it.
    await prisma.rolloutVersion.deleteMany({});
    expect(await slugs()).toEqual(before);
    await prisma.assignment.update({ where: { id: written.id }, data: { active: true } });
    expect(await prisma.rolloutVersion.count()).toBe(1);
    expect(await slugs()).toEqual([...before, extra].sort());
  });
});

describe("the triggers behind it", () => {
  // A later migration that rebuilds one of these tables drops its triggers with it.
  const expected = {
    QuizAttempt: ["insert", "update", "delete"],
    ScenarioRun: ["insert", "update", "delete"],
    SectionRead: ["insert", "update", "delete"],
    Attestation: ["insert"],
    ModuleCompletion: ["insert", "update", "delete"],
  };

  const expectedRollout = {
    Assignment: ["insert", "update", "delete"],
    ModuleVersion: ["insert", "update", "delete"],
  };

  async function triggers(counter: string, tables: Record<string, string[]>) {
    // SQLite: one trigger per table and event; PostgreSQL: one per table for all its events.
    const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
      isPostgres
        ? `SELECT tgname AS name FROM pg_trigger WHERE tgname LIKE '%${counter}%'`
        : `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%${counter}%'`,
    );
    const names = rows.map((r) => r.name).sort();
    const wanted = Object.entries(tables)
      .flatMap(([table, events]) =>
        isPostgres ? [`${table}_${counter}`] : events.map((e) => `${table}_${counter}_${e}`),
      )
      .sort();
    expect(names).toEqual(wanted);
  }

  it("are all in place", async () => {
    await triggers("records_version", expected);
    await triggers("rollout_version", expectedRollout);
  });
});
