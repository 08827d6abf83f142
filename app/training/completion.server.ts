import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import type { ReadableModule } from "./module-key";
import { moduleKey } from "./module-key";

/** Where a user stands in a module at its current version. */
export async function moduleProgress(userId: string, module: ReadableModule) {
  const version = { userId, moduleSlug: module.slug, moduleVersion: module.frontmatter.version };
  const [passedQuizzes, finishedRuns, attestation, completion] = await Promise.all([
    prisma.quizAttempt.findMany({
      where: { ...version, passed: true },
      distinct: ["quizId"],
      select: { quizId: true },
    }),
    prisma.scenarioRun.findMany({
      where: { ...version, status: "finished", passed: true },
      distinct: ["scenarioId"],
      select: { scenarioId: true },
    }),
    prisma.attestation.findUnique({
      where: { userId_moduleSlug_moduleVersion: version },
      select: { typedName: true, signedAt: true, statement: true },
    }),
    prisma.moduleCompletion.findUnique({
      where: { userId_moduleSlug_moduleVersion: version },
      select: { completedAt: true, moduleVersion: true },
    }),
  ]);
  const quizzesPassed = module.quizzes.filter((q) =>
    passedQuizzes.some((p) => p.quizId === q.id),
  ).length;
  const scenariosFinished = module.scenarios.filter((s) =>
    finishedRuns.some((r) => r.scenarioId === s.id),
  ).length;
  const practiceDone =
    quizzesPassed === module.quizzes.length && scenariosFinished === module.scenarios.length;
  const needsAttestation = Boolean(module.frontmatter.attestation);
  return {
    quizzesPassed,
    quizzes: module.quizzes.length,
    scenariosFinished,
    scenarios: module.scenarios.length,
    practiceDone,
    needsAttestation,
    attestation: attestation
      ? {
          typedName: attestation.typedName,
          signedAt: attestation.signedAt.toISOString(),
          statement: attestation.statement,
        }
      : null,
    complete: practiceDone && (!needsAttestation || attestation !== null),
    completion: completion
      ? { completedAt: completion.completedAt.toISOString(), version: completion.moduleVersion }
      : null,
  };
}

export type ModuleProgress = Awaited<ReturnType<typeof moduleProgress>>;

/** Record the completion the moment everything is done; once per user and version. */
export async function completeIfDone(userId: string, module: ReadableModule) {
  const progress = await moduleProgress(userId, module);
  if (!progress.complete || progress.completion) return progress;
  const key = moduleKey(module);
  const { count } = await prisma.moduleCompletion
    .createMany({ data: [{ userId, ...key }] })
    .catch((error: unknown) => {
      // Completed by a concurrent request in the meantime: that record stands.
      if ((error as { code?: string }).code === "P2002") return { count: 0 };
      throw error;
    });
  if (count)
    log.info("module.completed", { userId, module: key.moduleSlug, version: key.moduleVersion });
  return moduleProgress(userId, module);
}
