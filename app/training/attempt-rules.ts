import type { Frontmatter } from "~/content/frontmatter";
import type { RuleProps } from "~/content/types";

// Attempt rules for a quiz or role-play (docs/authoring.md, "Attempt rules"): how many attempts
// a learner has at a MAJOR version, how long they wait after a failed one, and whether a failed
// attempt's feedback names the right answers. Pure: the server decides with it, the page shows
// what it decided.

export type AttemptRules = {
  /** Attempts at the module's MAJOR version; null: as many as the learner likes. */
  maxAttempts: number | null;
  /** Minutes between a failed attempt and the next; 0: none. */
  waitMinutes: number;
  /** Whether a failed attempt's feedback names the right answers (a pass always does). */
  showAnswers: boolean;
};

/** The component's own rules, else the module's `attempts` frontmatter, else no rule. */
export function attemptRules(item: { rules: RuleProps }, frontmatter: Frontmatter): AttemptRules {
  const module = frontmatter.attempts;
  return {
    maxAttempts: item.rules.maxAttempts ?? module?.max ?? null,
    waitMinutes: item.rules.waitMinutes ?? module?.waitMinutes ?? 0,
    showAnswers: item.rules.showAnswers ?? module?.showAnswers ?? false,
  };
}

/** Whether any rule asks the server to look at more than the attempts themselves. */
export const limits = (rules: AttemptRules) => rules.maxAttempts !== null || rules.waitMinutes > 0;

export type AttemptHistory = {
  /** Attempts made (a quiz) or runs started (a role-play) at this MAJOR version. */
  used: number;
  /** When the latest attempt failed; null when it passed, is unfinished or there is none. */
  lastFailedAt: Date | null;
  /** When a manager or admin allowed one more attempt, one entry each. */
  grants: Date[];
};

/** A quiz's history from its latest attempt (by number). */
export const quizHistory = (
  last: { number: number; passed: boolean; submittedAt: Date } | null | undefined,
) => ({ used: last?.number ?? 0, lastFailedAt: last && !last.passed ? last.submittedAt : null });

/**
 * A role-play's history from its latest run (by number; runs are numbered as they start, so the
 * newest is never an abandoned one, and every run started counts).
 */
export const runHistory = (
  last:
    | { number: number; status: string; passed: boolean | null; finishedAt: Date | null }
    | null
    | undefined,
) => ({
  used: last?.number ?? 0,
  lastFailedAt: last?.status === "finished" && !last.passed ? last.finishedAt : null,
});

export type AttemptState = {
  /** The limit with the extra attempts allowed; null: no limit. */
  allowed: number | null;
  left: number | null;
  /** Why the next attempt cannot start now, if it cannot. */
  blocked: null | "used-up" | "wait";
  /** When the wait ends (blocked: "wait"). */
  nextAt: Date | null;
};

export function attemptState(
  rules: AttemptRules,
  history: AttemptHistory,
  now: Date,
): AttemptState {
  const allowed = rules.maxAttempts === null ? null : rules.maxAttempts + history.grants.length;
  const left = allowed === null ? null : Math.max(0, allowed - history.used);
  if (left === 0) return { allowed, left, blocked: "used-up", nextAt: null };
  const failedAt = history.lastFailedAt;
  // An attempt allowed after the failure is meant to be taken now.
  const lifted = failedAt !== null && history.grants.some((g) => g > failedAt);
  if (failedAt && rules.waitMinutes > 0 && !lifted) {
    const nextAt = new Date(failedAt.getTime() + rules.waitMinutes * 60_000);
    if (nextAt > now) return { allowed, left, blocked: "wait", nextAt };
  }
  return { allowed, left, blocked: null, nextAt: null };
}

/** Whole minutes until `at`, at least 1: what a refusal tells the learner. */
export const minutesUntil = (at: Date, now: Date) =>
  Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));

/** What the page shows of the rules: attempts allowed and left, and what stops the next one. */
export function attemptsView(state: AttemptState) {
  return {
    allowed: state.allowed,
    left: state.left,
    blocked: state.blocked,
    nextAt: state.nextAt?.toISOString() ?? null,
  };
}

export type AttemptsView = ReturnType<typeof attemptsView>;
