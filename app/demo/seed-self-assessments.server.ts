import { prisma } from "~/db.server";
import { localDate } from "~/training/rollout/time";
import type { Ratings } from "~/team/self-assessment";
import { selfAssessmentAreas } from "~/team/self-assessment";
import { saveSelfAssessment } from "~/team/self-assessment.server";

// Demo self-assessments: each team's manager assessed the team three times, and the totals move
// (Front desk climbs into "asset", Call centre out of "losing", Online chat dips and recovers), so
// the history chart has something to show. Deterministic: the same ratings on every seed.

const day = 24 * 60 * 60 * 1000;
const daysAgo = [120, 60, 10];

/** Each team's base rating per area for its three assessments (1–5, one digit per area). */
const trajectories: Record<string, string[]> = {
  "Front desk": ["3434344", "4444444", "5454455"],
  "Call centre": ["2232322", "3332333", "3433343"],
  "Online chat": ["4444444", "3434343", "4544454"],
};

/** An area's ratings: the base for every statement, one point lower on every third one. */
function areaRatings(base: number, count: number, seed: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    (i + seed) % 3 === 2 ? Math.max(1, base - 1) : base,
  );
}

export async function seedDemoSelfAssessments(now = new Date()) {
  const teams = await prisma.team.findMany({
    select: { id: true, name: true, managers: { select: { userId: true }, take: 1 } },
  });
  for (const team of teams) {
    const plan = trajectories[team.name];
    const managerId = team.managers[0]?.userId;
    if (!plan || !managerId) continue;
    for (const [n, bases] of plan.entries()) {
      const ratings = Object.fromEntries(
        selfAssessmentAreas.map((area, a) => [
          area.id,
          areaRatings(Number(bases[a]), area.statements.length, a + n),
        ]),
      ) as Ratings;
      await saveSelfAssessment(
        managerId,
        {
          teamId: team.id,
          assessedOn: localDate(new Date(now.getTime() - daysAgo[n]! * day), "UTC"),
          ratings,
        },
        null,
      );
    }
  }
}
