import { actorOf, audit, personTarget } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { publishedModules } from "~/content/modules.server";
import { inLanguage } from "~/content/translation";
import type { QuizDef } from "~/content/types";
import { prisma } from "~/db.server";
import { createOnce } from "~/db/form-keys.server";
import { errorKey } from "~/i18n/errors";
import { log } from "~/utils/log.server";
import type { AttemptRules, AttemptState } from "./attempt-rules";
import {
  attemptRules,
  attemptState,
  limits,
  minutesUntil,
  quizHistory,
  runHistory,
} from "./attempt-rules";
import type { ReadableModule } from "./module-key";
import { currentMajor, majorOf, UserInputError } from "./module-key";

// Attempt limits on the server: the refusal when a learner has no attempt left or must wait, and
// the extra attempt a manager or admin allows (AttemptGrant). Rules are in ./attempt-rules.ts.

type Item = { kind: "quiz" | "scenario"; id: string; title: string; rules: AttemptRules };

function itemsOf(module: ReadableModule): Item[] {
  return [
    ...module.quizzes.map((q) => ({ kind: "quiz" as const, id: q.id, title: q.title, q })),
    ...module.scenarios.map((s) => ({ kind: "scenario" as const, id: s.id, title: s.title, q: s })),
  ].map(({ q, ...item }) => ({ ...item, rules: attemptRules(q, module.frontmatter) }));
}

/** Whether any quiz or role-play of the module has a limit or a wait (else nothing is read). */
export const hasLimits = (module: ReadableModule) => itemsOf(module).some((i) => limits(i.rules));

const majorKey = (userId: string, module: ReadableModule) => ({
  userId,
  moduleSlug: module.slug,
  moduleMajor: majorOf(module.frontmatter.version),
});

/** The extra attempts allowed to this learner at the module's MAJOR version, by item id. */
export async function grantsOf(userId: string, module: ReadableModule) {
  const byItem = new Map<string, Date[]>();
  if (!hasLimits(module)) return byItem;
  const rows = await prisma.attemptGrant.findMany({
    where: majorKey(userId, module),
    orderBy: { createdAt: "asc" },
    select: { itemId: true, createdAt: true },
  });
  for (const row of rows)
    byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row.createdAt]);
  return byItem;
}

/** Refuses the next attempt when the rules say it cannot start now; otherwise returns nothing. */
export function enforce(state: AttemptState, now: Date) {
  if (state.blocked === "used-up")
    throw new UserInputError(errorKey("training:errors.noAttemptsLeft", { count: state.allowed }));
  if (state.blocked === "wait")
    throw new UserInputError(
      errorKey("training:errors.waitToRetry", { count: minutesUntil(state.nextAt!, now) }),
    );
}

/**
 * Refuses the next attempt at `item` when its rules say it cannot start now: `last` is the latest
 * attempt (or run) as the caller read it. Reads the grants only when the item has a rule.
 */
export async function checkNextAttempt(
  userId: string,
  module: ReadableModule,
  item: { id: string; rules: QuizDef["rules"] },
  history: { used: number; lastFailedAt: Date | null },
) {
  const rules = attemptRules(item, module.frontmatter);
  if (!limits(rules)) return;
  const now = new Date();
  const grants = (await grantsOf(userId, module)).get(item.id) ?? [];
  enforce(attemptState(rules, { ...history, grants }, now), now);
}

/** A quiz's attempts so far, for its rules: how many, and whether the latest failed and when. */
async function readQuizHistory(userId: string, module: ReadableModule, quizId: string) {
  const last = await prisma.quizAttempt.findFirst({
    where: { userId, ...currentMajor(module), quizId },
    orderBy: { number: "desc" },
    select: { number: true, passed: true, submittedAt: true },
  });
  return quizHistory(last);
}

/** A role-play's runs so far: every run started counts, abandoned ones too. */
async function readRunHistory(userId: string, module: ReadableModule, scenarioId: string) {
  const last = await prisma.scenarioRun.findFirst({
    where: { userId, ...currentMajor(module), scenarioId },
    orderBy: { number: "desc" },
    select: { number: true, status: true, passed: true, finishedAt: true },
  });
  return runHistory(last);
}

/** Where one learner stands against one item's rules (two small reads, only when it has rules). */
export async function itemState(
  userId: string,
  module: ReadableModule,
  kind: Item["kind"],
  itemId: string,
  now = new Date(),
): Promise<AttemptState & { passed: boolean }> {
  const item = itemsOf(module).find((i) => i.kind === kind && i.id === itemId);
  if (!item) throw new UserInputError(errorKey("training:errors.noItem", { id: itemId }));
  const [history, grants, passed] = await Promise.all([
    kind === "quiz"
      ? readQuizHistory(userId, module, itemId)
      : readRunHistory(userId, module, itemId),
    limits(item.rules) ? grantsOf(userId, module) : new Map<string, Date[]>(),
    everPassed(userId, module, kind, itemId),
  ]);
  return {
    ...attemptState(item.rules, { ...history, grants: grants.get(itemId) ?? [] }, now),
    passed,
  };
}

async function everPassed(userId: string, module: ReadableModule, kind: Item["kind"], id: string) {
  const where = { userId, ...currentMajor(module) };
  const found =
    kind === "quiz"
      ? await prisma.quizAttempt.findFirst({
          where: { ...where, quizId: id, passed: true },
          select: { id: true },
        })
      : await prisma.scenarioRun.findFirst({
          where: { ...where, scenarioId: id, status: "finished", passed: true },
          select: { id: true },
        });
  return Boolean(found);
}

export type OutOfAttempts = {
  slug: string;
  module: string;
  kind: Item["kind"];
  itemId: string;
  title: string;
  used: number;
  allowed: number;
};

/**
 * The quizzes and role-plays this learner has used every attempt at without passing, in the
 * published course, titled in `locale`: what their manager can allow one more attempt at.
 */
export async function outOfAttempts(userId: string, locale: string): Promise<OutOfAttempts[]> {
  const modules = (await publishedModules()).filter((m) =>
    itemsOf(m).some((i) => i.rules.maxAttempts !== null),
  );
  if (!modules.length) return [];
  const [attempts, runs, grants] = await Promise.all([
    prisma.quizAttempt.groupBy({
      by: ["moduleSlug", "moduleVersion", "quizId", "passed"],
      where: { userId, moduleSlug: { in: modules.map((m) => m.slug) } },
      _max: { number: true },
    }),
    prisma.scenarioRun.groupBy({
      by: ["moduleSlug", "moduleVersion", "scenarioId", "status", "passed"],
      where: { userId, moduleSlug: { in: modules.map((m) => m.slug) } },
      _max: { number: true },
    }),
    prisma.attemptGrant.groupBy({
      by: ["moduleSlug", "moduleMajor", "itemId"],
      where: { userId, moduleSlug: { in: modules.map((m) => m.slug) } },
      _count: { _all: true },
    }),
  ]);
  const result: OutOfAttempts[] = [];
  for (const source of modules) {
    const module = inLanguage(source, locale);
    const major = majorOf(module.frontmatter.version);
    const atMajor = (row: { moduleSlug: string; moduleVersion: string }) =>
      row.moduleSlug === module.slug && majorOf(row.moduleVersion) === major;
    for (const item of itemsOf(module)) {
      if (item.rules.maxAttempts === null) continue;
      const rows =
        item.kind === "quiz"
          ? attempts
              .filter((a) => atMajor(a) && a.quizId === item.id)
              .map((a) => ({ passed: a.passed, number: a._max.number ?? 0 }))
          : runs
              .filter((r) => atMajor(r) && r.scenarioId === item.id)
              .map((r) => ({
                passed: r.status === "finished" && r.passed === true,
                number: r._max.number ?? 0,
              }));
      if (rows.some((r) => r.passed)) continue;
      const used = Math.max(0, ...rows.map((r) => r.number));
      const granted =
        grants.find(
          (g) => g.moduleSlug === module.slug && g.moduleMajor === major && g.itemId === item.id,
        )?._count._all ?? 0;
      const allowed = item.rules.maxAttempts + granted;
      if (used >= allowed)
        result.push({
          slug: module.slug,
          module: module.frontmatter.title,
          kind: item.kind,
          itemId: item.id,
          title: item.title,
          used,
          allowed,
        });
    }
  }
  return result;
}

/**
 * Allows one more attempt at a quiz or role-play the learner has used up without passing; once
 * per form (a double submit allows one). Refused when they still have attempts or have passed.
 */
export async function grantAttempt(
  actor: SessionUser,
  learner: { id: string; name: string; email: string },
  module: ReadableModule,
  input: { kind: Item["kind"]; itemId: string; formKey: string },
  clientAddress: string | undefined,
) {
  const state = await itemState(learner.id, module, input.kind, input.itemId);
  if (state.passed || state.blocked !== "used-up")
    throw new UserInputError("team:errors.attemptsLeft");
  const allowed = state.allowed ?? 0;
  const row = await createOnce(
    { userId: actor.id, key: input.formKey, kind: "attempt-grant" },
    async (tx) => {
      const created = await tx.attemptGrant.create({
        data: {
          ...majorKey(learner.id, module),
          kind: input.kind,
          itemId: input.itemId,
          forAttempt: allowed + 1,
          grantedById: actor.id,
        },
        select: { id: true },
      });
      await audit(
        tx,
        actorOf(actor, clientAddress),
        "attempts.grant",
        personTarget(learner),
        `${module.slug} ${input.kind} ${input.itemId}: ${allowed} → ${allowed + 1} attempts`,
      );
      return created;
    },
  ).catch((error: unknown) => {
    // Someone else allowed this very attempt a moment ago (the key on forAttempt): one grant.
    if ((error as { code?: string } | null)?.code === "P2002")
      throw new UserInputError("team:errors.attemptJustAllowed");
    throw error;
  });
  log.info(row.repeated ? "attempts.grant_repeated" : "attempts.granted", {
    by: actor.id,
    userId: learner.id,
    module: module.slug,
    itemId: input.itemId,
  });
  return row;
}
