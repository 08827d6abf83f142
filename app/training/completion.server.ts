import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import type { ReadableModule } from "./module-key";
import { attemptFields } from "./quiz/attempts.server";
import { runFields, shownRuns } from "./scenario/runs.server";
import { grantsOf } from "./attempt-limits.server";
import { currentMajor, moduleKey, servedLocale } from "./module-key";

/** What progress is worked out from: the learner's records at the module's MAJOR version. */
type ProgressFacts = {
  passedQuizIds: string[];
  passedScenarioIds: string[];
  attestation: { typedName: string; signedAt: Date; statement: string } | null;
  completion: { completedAt: Date; moduleVersion: string } | null;
  readSectionIds: string[];
};

const attestationFields = { typedName: true, signedAt: true, statement: true } as const;
const completionFields = { completedAt: true, moduleVersion: true, certificateCode: true } as const;

/** Where a user stands in a module at its current version (five small reads). */
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
    latestAttestation(version),
    latestCompletion(version),
    readSections(version),
  ]);
  return progressOf(module, {
    passedQuizIds: passedQuizzes.map((q) => q.quizId),
    passedScenarioIds: finishedRuns.map((r) => r.scenarioId),
    attestation,
    completion,
    readSectionIds: sectionsRead.map((r) => r.sectionId),
  });
}

type VersionWhere = ReturnType<typeof currentMajor> & { userId: string };
const latestAttestation = (where: VersionWhere) =>
  prisma.attestation.findFirst({ where, orderBy: { signedAt: "desc" }, select: attestationFields });
const latestCompletion = (where: VersionWhere) =>
  prisma.moduleCompletion.findFirst({
    where,
    orderBy: { completedAt: "desc" },
    select: completionFields,
  });
const readSections = (where: VersionWhere) =>
  prisma.sectionRead.findMany({ where, distinct: ["sectionId"], select: { sectionId: true } });

/**
 * Everything the module page shows of one learner, read once: their attempts and runs (whole,
 * for the quiz and role-play panels), signature, completion and sections read, at the module's
 * current MAJOR version. Five queries side by side (a sixth for extra attempts where a quiz or
 * role-play has a limit); progress comes from the same rows.
 */
export async function moduleRecords(userId: string, module: ReadableModule) {
  const version = { userId, ...currentMajor(module) };
  const [attempts, runs, attestation, completion, sectionsRead, grants] = await Promise.all([
    prisma.quizAttempt.findMany({
      where: version,
      orderBy: { number: "asc" },
      select: attemptFields,
    }),
    prisma.scenarioRun.findMany({
      where: { ...version, ...shownRuns },
      orderBy: { number: "asc" },
      select: runFields,
    }),
    latestAttestation(version),
    latestCompletion(version),
    readSections(version),
    grantsOf(userId, module),
  ]);
  const progress = progressOf(module, {
    passedQuizIds: [...new Set(attempts.filter((a) => a.passed).map((a) => a.quizId))],
    passedScenarioIds: [
      ...new Set(runs.filter((r) => r.status === "finished" && r.passed).map((r) => r.scenarioId)),
    ],
    attestation,
    completion,
    readSectionIds: [...new Set(sectionsRead.map((r) => r.sectionId))],
  });
  return { attempts, runs, grants, progress };
}

function progressOf(module: ReadableModule, facts: ProgressFacts) {
  const quizzesPassed = module.quizzes.filter((q) => facts.passedQuizIds.includes(q.id)).length;
  const scenariosFinished = module.scenarios.filter((s) =>
    facts.passedScenarioIds.includes(s.id),
  ).length;
  const practiceDone =
    quizzesPassed === module.quizzes.length && scenariosFinished === module.scenarios.length;
  const needsAttestation = Boolean(module.frontmatter.attestation);
  const sectionIds = new Set(module.sections.map((s) => s.id));
  const { attestation, completion } = facts;
  const readSectionIds = facts.readSectionIds.filter((id) => sectionIds.has(id));
  return {
    readSectionIds,
    sectionsRead: readSectionIds.length,
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

/**
 * Record the completion the moment everything is done; once per user and version. `known` is
 * progress the caller has just read (the module page), saving a second read.
 */
export async function completeIfDone(
  userId: string,
  module: ReadableModule,
  known?: ModuleProgress,
): Promise<ModuleProgress & { justCompleted?: true }> {
  const progress = known ?? (await moduleProgress(userId, module));
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
  const now = await moduleProgress(userId, module);
  // Whether this call recorded it: the page then opens at the completion moment.
  return count ? { ...now, justCompleted: true as const } : now;
}

/** The person's latest completion of this module at an earlier MAJOR version, if any. */
export async function earlierCompletion(userId: string, module: ReadableModule) {
  const last = await prisma.moduleCompletion.findFirst({
    where: {
      userId,
      moduleSlug: module.slug,
      NOT: { moduleVersion: currentMajor(module).moduleVersion },
    },
    orderBy: { completedAt: "desc" },
    select: { moduleVersion: true, completedAt: true },
  });
  return last ? { version: last.moduleVersion, completedAt: last.completedAt.toISOString() } : null;
}
