import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import type { Role } from "~/auth/roles";

export type NewAssignment = {
  moduleSlug: string;
  roles: Role[];
  teamIds: string[];
  dueRule: "after_assignment" | "after_hire";
  dueDays: number;
};

export async function createAssignment(actorId: string, input: NewAssignment) {
  const assignment = await prisma.assignment.create({
    data: {
      moduleSlug: input.moduleSlug,
      roles: JSON.stringify(input.roles),
      teamIds: JSON.stringify(input.teamIds),
      dueRule: input.dueRule,
      dueDays: input.dueDays,
      createdById: actorId,
    },
    select: { id: true },
  });
  log.info("assignment.created", {
    actorId,
    assignmentId: assignment.id,
    module: input.moduleSlug,
  });
  return assignment.id;
}

/** Ending an assignment keeps its row (and everyone's records); it just stops applying. */
export async function endAssignment(actorId: string, assignmentId: string) {
  const { count } = await prisma.assignment.updateMany({
    where: { id: assignmentId, active: true },
    data: { active: false },
  });
  if (count) log.info("assignment.ended", { actorId, assignmentId });
  return count === 1;
}

export async function listAssignmentRows() {
  const rows = await prisma.assignment.findMany({
    where: { active: true },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      moduleSlug: true,
      roles: true,
      teamIds: true,
      dueRule: true,
      dueDays: true,
      createdAt: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    roles: JSON.parse(r.roles) as string[],
    teamIds: JSON.parse(r.teamIds) as string[],
    createdAt: r.createdAt.toISOString(),
  }));
}
