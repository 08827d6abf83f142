import { audit, type Actor } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { localDate } from "~/training/rollout/time";
import { visibleTeamIds } from "./access.server";
import type { AreaId, Band, Ratings } from "./self-assessment";
import { scoreSelfAssessment } from "./self-assessment";

// Stored self-assessments: one row per save, per team and date. Callers check the team is the
// user's (requireVisibleTeam) before saving or reading.

/** The teams this user oversees, by name, for the team selector. */
export async function teamsForSelfAssessment(user: SessionUser) {
  return prisma.team.findMany({
    where: { id: { in: await visibleTeamIds(user) }, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function teamExists(teamId: string) {
  return (await prisma.team.count({ where: { id: teamId } })) > 0;
}

/** Today in the user's own time zone: a date after it is in the future. */
export async function todayFor(userId: string, now = new Date()) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return localDate(now, user?.timeZone ?? "UTC");
}

/**
 * Save a team's self-assessment with its audit event. `actor` is null only for the demo seed,
 * which records history rather than a change someone made.
 */
export async function saveSelfAssessment(
  managerId: string,
  input: { teamId: string; assessedOn: string; ratings: Ratings },
  actor: Actor | null,
) {
  const score = scoreSelfAssessment(input.ratings);
  const team = await prisma.team.findUnique({
    where: { id: input.teamId },
    select: { name: true },
  });
  return prisma.$transaction(async (tx) => {
    const row = await tx.selfAssessment.create({
      data: {
        teamId: input.teamId,
        managerId,
        // Noon UTC keeps the calendar date the same in every zone it is read in.
        assessedOn: new Date(`${input.assessedOn}T12:00:00Z`),
        ratings: JSON.stringify(input.ratings),
        areaAverages: JSON.stringify(score.areaAverages),
        total: score.total,
        band: score.band,
      },
      select: { id: true },
    });
    if (actor)
      await audit(
        tx,
        actor,
        "self-assessment.record",
        { type: "team", id: input.teamId, label: team?.name ?? input.teamId },
        `${input.assessedOn}: total ${score.total}, band ${score.band}`,
      );
    return row;
  });
}

export type SavedAssessment = {
  id: string;
  assessedOn: string;
  total: number;
  band: Band;
  areaAverages: Record<AreaId, number>;
  managerName: string;
};

/** A team's assessments, oldest first (same date: in the order they were saved). */
export async function teamHistory(teamId: string): Promise<SavedAssessment[]> {
  const rows = await prisma.selfAssessment.findMany({
    where: { teamId },
    orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      assessedOn: true,
      total: true,
      band: true,
      areaAverages: true,
      manager: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    assessedOn: row.assessedOn.toISOString().slice(0, 10),
    total: row.total,
    band: row.band as Band,
    areaAverages: JSON.parse(row.areaAverages) as Record<AreaId, number>,
    managerName: row.manager.name,
  }));
}
