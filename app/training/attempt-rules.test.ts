import { describe, expect, it } from "vitest";
import type { Frontmatter } from "~/content/frontmatter";
import { noRules } from "~/content/types";
import { attemptRules, attemptState, minutesUntil } from "./attempt-rules";

const now = new Date("2026-12-04T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const rules = { maxAttempts: 3, waitMinutes: 30, showAnswers: false };

describe("attempt rules", () => {
  it("take the component's own rule first, then the module's, then none", () => {
    const fm = { attempts: { max: 2, waitMinutes: 10 } } as Frontmatter;
    expect(attemptRules({ rules: noRules }, fm)).toEqual({
      maxAttempts: 2,
      waitMinutes: 10,
      showAnswers: false,
    });
    expect(attemptRules({ rules: { ...noRules, maxAttempts: 5, showAnswers: true } }, fm)).toEqual({
      maxAttempts: 5,
      waitMinutes: 10,
      showAnswers: true,
    });
    expect(attemptRules({ rules: noRules }, {} as Frontmatter)).toEqual({
      maxAttempts: null,
      waitMinutes: 0,
      showAnswers: false,
    });
  });

  it("leave a learner without rules free", () => {
    const free = { maxAttempts: null, waitMinutes: 0, showAnswers: false };
    expect(attemptState(free, { used: 40, lastFailedAt: now, grants: [] }, now)).toEqual({
      allowed: null,
      left: null,
      blocked: null,
      nextAt: null,
    });
  });

  it("make a failed learner wait, counted from the failure", () => {
    const history = { used: 1, lastFailedAt: minutesAgo(10), grants: [] };
    expect(attemptState(rules, history, now)).toEqual({
      allowed: 3,
      left: 2,
      blocked: "wait",
      nextAt: minutesAgo(-20),
    });
    expect(attemptState(rules, { ...history, lastFailedAt: minutesAgo(30) }, now).blocked).toBe(
      null,
    );
    // A pass (no failure last) never waits.
    expect(attemptState(rules, { ...history, lastFailedAt: null }, now).blocked).toBe(null);
  });

  it("stop at the limit, each extra attempt adding one, and one allowed after the failure lifting the wait", () => {
    expect(attemptState(rules, { used: 3, lastFailedAt: null, grants: [] }, now)).toMatchObject({
      left: 0,
      blocked: "used-up",
    });
    const granted = { used: 3, lastFailedAt: minutesAgo(5), grants: [minutesAgo(1)] };
    expect(attemptState(rules, granted, now)).toMatchObject({
      allowed: 4,
      left: 1,
      blocked: null,
    });
    // An extra attempt allowed before the latest failure does not lift its wait.
    const older = { used: 3, lastFailedAt: minutesAgo(5), grants: [minutesAgo(6)] };
    expect(attemptState(rules, older, now).blocked).toBe("wait");
  });

  it("round the wait up to whole minutes, at least one", () => {
    expect(minutesUntil(new Date(now.getTime() + 61_000), now)).toBe(2);
    expect(minutesUntil(new Date(now.getTime() + 1), now)).toBe(1);
  });
});
