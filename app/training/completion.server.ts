import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import type { ReadableModule } from "./module-key";
import { currentMajor, moduleKey, servedLocale } from "./module-key";

/** Where a user stands in a module at its current version. */
export async function moduleProgress(userId: string, module: ReadableModule) {
  const version = { userId, ...currentMajor(module) };
  const [passedQuizzes, finishedRuns, attestation, completion, sectionsRead] = await Promise.all([
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
    prisma.attestation.findFirst({
      where: version,
      orderBy: { signedAt: "desc" },
      select: { typedName: true, signedAt: true, statement: true },
    }),
    prisma.moduleCompletion.findFirst({
      where: version,
      orderBy: { completedAt: "desc" },
      select: { completedAt: true, moduleVersion: true, certificateCode: true },
    }),
    prisma.sectionRead.findMany({
      where: version,
      distinct: ["sectionId"],
      select: { sectionId: true },
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
  const sectionIds = new Set(module.sections.map((s) => s.id));
  return {
    readSectionIds: sectionsRead.map((r) => r.sectionId).filter((id) => sectionIds.has(id)),
    sectionsRead: sectionsRead.filter((r) => sectionIds.has(r.sectionId)).length,
    sections: module.sections.length,
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

/** 80 random bits, base32: printed on the certificate, checked at /verify/<code>. */
export function newCertificateCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Record the completion the moment everything is done; once per user and version. */
export async function completeIfDone(userId: string, module: ReadableModule) {
  const progress = await moduleProgress(userId, module);
  if (!progress.complete || progress.completion) return progress;
  const key = moduleKey(module);
  const { count } = await prisma.moduleCompletion
    .createMany({
      data: [
        { userId, ...key, certificateCode: newCertificateCode(), locale: servedLocale(module) },
      ],
    })
    .catch((error: unknown) => {
      // Completed by a concurrent request in the meantime: that record stands.
      if ((error as { code?: string }).code === "P2002") return { count: 0 };
      throw error;
    });
  if (count)
    log.info("module.completed", { userId, module: key.moduleSlug, version: key.moduleVersion });
  return moduleProgress(userId, module);
}
