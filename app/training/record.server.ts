import type { ModuleArtefact } from "~/content/compile.server";
import { getModuleArtefact } from "~/content/store.server";
import { prisma } from "~/db.server";
import { observationsOf } from "~/team/observations.server";
import { recognitionsOf, teamWallOf } from "~/team/recognition.server";
import { moduleTitle } from "./certificates.server";
import { localDate } from "./rollout/time";

// A person's own training record, every version kept: what /me shows. Titles of quizzes,
// role-plays and endings come from the module as it is now (the records hold only ids), so a
// part since removed shows by its id. A run's path and answers never leave the server.

/** Message keys of a run's status (training.json): the record's `status`, put into words with `t`. */
export const runStatusLabels: Record<string, string> = {
  active: "training:runStatus.active",
  finished: "training:runStatus.finished",
  abandoned: "training:runStatus.abandoned",
};

/** Titles for the modules, quizzes, role-plays and endings the records point to. */
async function namer(modules: { slug: string; version: string }[]) {
  const slugs = [...new Set(modules.map((m) => m.slug))];
  const artefacts = new Map<string, ModuleArtefact | null>(
    await Promise.all(slugs.map(async (slug) => [slug, await getModuleArtefact(slug)] as const)),
  );
  const titles = new Map<string, string>();
  for (const { slug, version } of modules) {
    const key = `${slug}@${version}`;
    if (!titles.has(key)) titles.set(key, await moduleTitle(slug, version));
  }
  const artefact = (slug: string) => artefacts.get(slug) ?? null;
  return {
    module: (slug: string, version: string) => titles.get(`${slug}@${version}`) ?? slug,
    quiz: (slug: string, id: string) =>
      artefact(slug)?.quizzes.find((q) => q.id === id)?.title ?? id,
    scenario: (slug: string, id: string) =>
      artefact(slug)?.scenarios.find((s) => s.id === id)?.title ?? id,
    ending: (slug: string, scenarioId: string, endingId: string) =>
      artefact(slug)
        ?.scenarios.find((s) => s.id === scenarioId)
        ?.endings.find((e) => e.id === endingId)?.title ?? null,
    /** Whether the ending is one where the customer was lost (a run ending there never passes). */
    lost: (slug: string, scenarioId: string, endingId: string) =>
      artefact(slug)
        ?.scenarios.find((s) => s.id === scenarioId)
        ?.endings.find((e) => e.id === endingId)?.rating === "bad",
  };
}

export async function myRecord(userId: string) {
  const where = { userId };
  const { timeZone } = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { timeZone: true },
  });
  const [completions, attempts, runs, attestations, observations, recognitions, wall] =
    await Promise.all([
      prisma.moduleCompletion.findMany({
        where,
        orderBy: { completedAt: "desc" },
        select: { id: true, moduleSlug: true, moduleVersion: true, completedAt: true },
      }),
      prisma.quizAttempt.findMany({
        where,
        orderBy: { submittedAt: "desc" },
        select: {
          id: true,
          moduleSlug: true,
          moduleVersion: true,
          quizId: true,
          number: true,
          score: true,
          passed: true,
          submittedAt: true,
        },
      }),
      prisma.scenarioRun.findMany({
        where,
        orderBy: { startedAt: "desc" },
        select: {
          id: true,
          moduleSlug: true,
          moduleVersion: true,
          scenarioId: true,
          number: true,
          status: true,
          score: true,
          maxScore: true,
          passed: true,
          endingId: true,
          startedAt: true,
          finishedAt: true,
        },
      }),
      prisma.attestation.findMany({
        where,
        orderBy: { signedAt: "desc" },
        select: {
          id: true,
          moduleSlug: true,
          moduleVersion: true,
          typedName: true,
          statement: true,
          signedAt: true,
        },
      }),
      // What managers observed and recognised: the person's own only, their team's wall besides.
      observationsOf(userId, timeZone),
      recognitionsOf(userId, timeZone),
      teamWallOf(userId, timeZone),
    ]);
  const day = (instant: Date) => localDate(instant, timeZone);
  const name = await namer(
    [...completions, ...attempts, ...runs, ...attestations].map((r) => ({
      slug: r.moduleSlug,
      version: r.moduleVersion,
    })),
  );
  // The certificate page shows a module's latest completion: link it from that row only.
  const certified = new Set<string>();
  return {
    completions: completions.map((c) => {
      const latest = !certified.has(c.moduleSlug);
      certified.add(c.moduleSlug);
      return {
        id: c.id,
        slug: c.moduleSlug,
        module: name.module(c.moduleSlug, c.moduleVersion),
        version: c.moduleVersion,
        completedOn: day(c.completedAt),
        hasCertificate: latest,
      };
    }),
    attempts: attempts.map((a) => ({
      id: a.id,
      slug: a.moduleSlug,
      module: name.module(a.moduleSlug, a.moduleVersion),
      version: a.moduleVersion,
      quiz: name.quiz(a.moduleSlug, a.quizId),
      number: a.number,
      score: a.score,
      passed: a.passed,
      submittedOn: day(a.submittedAt),
    })),
    runs: runs.map((r) => {
      const finished = r.status === "finished";
      return {
        id: r.id,
        slug: r.moduleSlug,
        module: name.module(r.moduleSlug, r.moduleVersion),
        version: r.moduleVersion,
        scenario: name.scenario(r.moduleSlug, r.scenarioId),
        number: r.number,
        status: runStatusLabels[r.status] ?? r.status,
        result:
          finished && r.endingId
            ? {
                score: r.score,
                maxScore: r.maxScore,
                passed: r.passed ?? true,
                ending: name.ending(r.moduleSlug, r.scenarioId, r.endingId),
                lost: name.lost(r.moduleSlug, r.scenarioId, r.endingId),
              }
            : null,
        on: day(r.finishedAt ?? r.startedAt),
      };
    }),
    attestations: attestations.map((a) => ({
      id: a.id,
      slug: a.moduleSlug,
      module: name.module(a.moduleSlug, a.moduleVersion),
      version: a.moduleVersion,
      typedName: a.typedName,
      statement: a.statement,
      signedOn: day(a.signedAt),
    })),
    observations: observations.map((o) => ({
      id: o.id,
      observedOn: o.observedOn,
      channel: o.channel,
      by: o.by,
      notes: o.notes,
      rated: o.rated,
      acknowledgedOn: o.acknowledgedOn,
      comment: o.comment,
    })),
    recognitions: recognitions.items,
    recognitionPoints: recognitions.totalPoints,
    teamWall: wall,
  };
}

export type MyRecord = Awaited<ReturnType<typeof myRecord>>;
