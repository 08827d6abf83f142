import { publishedModules } from "~/content/modules.server";
import { inLanguage } from "~/content/translation";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import { runPeriodically } from "~/utils/periodic.server";
import { completeIfDone } from "./completion.server";
import { majorOf } from "./module-key";

// A completion is recorded by the request that makes it due (the module page's action). If that
// request is cut off after the answer was saved and before the completion was (a crash, a full
// disk), the completion is owed: this pass finds and records it, at start-up and every few
// minutes after, so no page view has to write.

type Pair = { userId: string; moduleSlug: string; moduleVersion: string };

/**
 * Records every completion owed to someone whose passing attempt, finished run or signature is
 * at or after `since` and who has no completion at that module's current MAJOR version. Returns
 * how many it recorded.
 */
export async function repairCompletions(since: Date): Promise<number> {
  const recent = { userId: true, moduleSlug: true, moduleVersion: true } as const;
  const [attempts, runs, signatures] = await Promise.all([
    prisma.quizAttempt.findMany({
      where: { passed: true, submittedAt: { gte: since } },
      distinct: ["userId", "moduleSlug", "moduleVersion"],
      select: recent,
    }),
    prisma.scenarioRun.findMany({
      where: { status: "finished", passed: true, finishedAt: { gte: since } },
      distinct: ["userId", "moduleSlug", "moduleVersion"],
      select: recent,
    }),
    prisma.attestation.findMany({
      where: { signedAt: { gte: since } },
      distinct: ["userId", "moduleSlug", "moduleVersion"],
      select: recent,
    }),
  ]);
  const modules = new Map((await publishedModules()).map((m) => [m.slug, m]));
  const pairs = new Map<string, Pair>();
  for (const row of [...attempts, ...runs, ...signatures]) {
    const module = modules.get(row.moduleSlug);
    // Only records at the module's current MAJOR version can complete it.
    if (!module || majorOf(row.moduleVersion) !== majorOf(module.frontmatter.version)) continue;
    pairs.set(`${row.userId}\0${row.moduleSlug}`, row);
  }
  if (!pairs.size) return 0;
  const [completed, people] = await Promise.all([
    prisma.moduleCompletion.findMany({
      where: { userId: { in: [...new Set([...pairs.values()].map((p) => p.userId))] } },
      select: { userId: true, moduleSlug: true, moduleVersion: true },
    }),
    prisma.user.findMany({
      where: { id: { in: [...new Set([...pairs.values()].map((p) => p.userId))] } },
      select: { id: true, locale: true },
    }),
  ]);
  const locales = new Map(people.map((p) => [p.id, p.locale]));
  let recorded = 0;
  for (const pair of pairs.values()) {
    const module = modules.get(pair.moduleSlug)!;
    const major = majorOf(module.frontmatter.version);
    const done = completed.some(
      (c) =>
        c.userId === pair.userId &&
        c.moduleSlug === pair.moduleSlug &&
        majorOf(c.moduleVersion) === major,
    );
    if (done) continue;
    // In the person's language, as the page would have recorded it.
    const local = inLanguage(module, locales.get(pair.userId) ?? "en");
    const progress = await completeIfDone(pair.userId, local);
    if (progress.completion) recorded += 1;
  }
  if (recorded) log.info("completion.repaired", { recorded, since: since.toISOString() });
  return recorded;
}

/**
 * Repairs at start (looking back a day) and then every `intervalMs` (looking back to the previous
 * pass, with a minute's overlap); passes never overlap (app/utils/periodic.server.ts). Returns a
 * stop function.
 */
export function startCompletionRepair(intervalMs = 5 * 60_000, lookBackMs = 86_400_000) {
  let since = new Date(Date.now() - lookBackMs);
  return runPeriodically(
    intervalMs,
    async () => {
      const started = new Date();
      await repairCompletions(since);
      since = new Date(started.getTime() - 60_000);
    },
    "completion.repair_failed",
  );
}
