import { audit, type Actor } from "~/audit/audit.server";
import type { Role } from "~/auth/roles";
import { createOnce } from "~/db/form-keys.server";
import { prisma } from "~/db.server";
import { activeAssignments } from "~/training/rollout/enrollments.server";
import { log } from "~/utils/log.server";

export type NewAssignment = {
  moduleSlug: string;
  roles: Role[];
  teamIds: string[];
  dueRule: "after_assignment" | "after_hire";
  dueDays: number;
  /** The form's one-time key: a repeat of it creates nothing. */
  formKey: string;
};

const describe = (input: NewAssignment, teamNames: string[]) =>
  [
    input.moduleSlug,
    `roles: ${input.roles.join(", ") || "any"}`,
    `teams: ${teamNames.join(", ") || "any"}`,
    `due ${input.dueDays} days after ${input.dueRule === "after_hire" ? "hire" : "assignment"}`,
  ].join("; ");

export async function createAssignment(actor: Actor, input: NewAssignment) {
  const teams = await prisma.team.findMany({
    where: { id: { in: input.teamIds } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  const assignment = await createOnce(
    { userId: actor.id!, key: input.formKey, kind: "assignment" },
    async (tx) => {
      const row = await tx.assignment.create({
        data: {
          moduleSlug: input.moduleSlug,
          roles: JSON.stringify(input.roles),
          teamIds: JSON.stringify(input.teamIds),
          dueRule: input.dueRule,
          dueDays: input.dueDays,
          createdById: actor.id!,
        },
        select: { id: true },
      });
      await audit(
        tx,
        actor,
        "assignment.add",
        { type: "assignment", id: row.id, label: input.moduleSlug },
        describe(
          input,
          teams.map((t) => t.name),
        ),
      );
      return row;
    },
  );
  log.info(assignment.repeated ? "assignment.repeated" : "assignment.created", {
    actorId: actor.id,
    assignmentId: assignment.id,
    module: input.moduleSlug,
  });
  return assignment.id;
}

/** Ending an assignment keeps its row (and everyone's records); it just stops applying. */
export async function endAssignment(actor: Actor, assignmentId: string) {
  // The conditional update comes first: a second click ends nothing and writes no event.
  const ended = await prisma.$transaction(async (tx) => {
    const { count } = await tx.assignment.updateMany({
      where: { id: assignmentId, active: true },
      data: { active: false },
    });
    if (count !== 1) return false;
    const row = await tx.assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { moduleSlug: true },
    });
    await audit(
      tx,
      actor,
      "assignment.end",
      { type: "assignment", id: assignmentId, label: row.moduleSlug },
      "active → ended",
    );
    return true;
  });
  if (ended) log.info("assignment.ended", { actorId: actor.id, assignmentId });
  return ended;
}

/** The assignments in force, oldest first, as the admin page lists them. */
export async function listAssignmentRows() {
  return (await activeAssignments()).map((a) => ({
    ...a,
    roles: [...a.roles],
    teamIds: [...a.teamIds],
    createdAt: a.createdAt.toISOString(),
  }));
}
