import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { dueDeadline } from "~/training/rollout/due";
import { listEnrollments } from "~/training/rollout/enrollments.server";

// Each person's enrollments are remembered between requests (enrollments.server.ts). What they
// were worked out from may still change without a write to the person's records: time passes a
// due date, or the person moves to another team. Neither may be answered from memory.

/** A team of its own with these modules assigned to it only. */
async function teamWith(modules: string[]) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const team = await prisma.team.create({
    data: { name: `Memo ${stamp}`, slug: `memo-${stamp}` },
  });
  await prisma.assignment.createMany({
    data: modules.map((moduleSlug) => ({
      moduleSlug,
      teamIds: JSON.stringify([team.id]),
      dueDays: 30,
    })),
  });
  return team.id;
}

async function personIn(teamId: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return (
    await prisma.user.create({
      data: {
        email: `memo-${stamp}@demo.frontline.test`,
        name: "Memo Tester",
        role: "employee",
        teamId,
      },
      select: { id: true },
    })
  ).id;
}

const onlyTeamSlugs = async (id: string, modules: string[]) =>
  (await listEnrollments([id]))
    .map((e) => e.slug)
    .filter((s) => modules.includes(s))
    .sort();

describe("remembered enrollments", () => {
  it("turn overdue the moment a due date passes, and not before", async () => {
    const id = await personIn(await teamWith(["handling-a-complaint"]));
    const [open] = (await listEnrollments([id])).filter((e) => e.slug === "handling-a-complaint");
    expect(open!.status).toBe("not-started");
    const { timeZone } = await prisma.user.findUniqueOrThrow({
      where: { id },
      select: { timeZone: true },
    });
    const deadline = dueDeadline(open!.dueDate, timeZone).getTime();
    const statusAt = async (ms: number) =>
      (await listEnrollments([id], new Date(ms))).find((e) => e.slug === "handling-a-complaint")!
        .status;

    expect(await statusAt(deadline - 1)).toBe("not-started");
    expect(await statusAt(deadline)).toBe("overdue");
    // Asked about an earlier moment again, the answer is worked out again.
    expect(await statusAt(deadline - 60_000)).toBe("not-started");
  });

  it("follow a person to another team at once", async () => {
    const first = ["our-service-policy"];
    const second = ["handling-a-complaint"];
    const id = await personIn(await teamWith(first));
    const other = await teamWith(second);
    expect(await onlyTeamSlugs(id, [...first, ...second])).toEqual(first);
    await prisma.user.update({ where: { id }, data: { teamId: other } });
    expect(await onlyTeamSlugs(id, [...first, ...second])).toEqual(second);
  });
});
