// Failed-login throttle: at most `limit` failures per key inside a sliding window. Pure, so the
// rule is unit-tested; app/auth/throttle.server.ts keeps the failures in the database.
// Also the rule for state-changing requests per user (app/auth/write-limit.server.ts).

const fifteenMinutes = 15 * 60 * 1000;

export type ThrottleRule = { limit: number; windowMs: number };
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const loginThrottle = {
  /** Guessing one account's password. */
  account: { limit: 10, windowMs: fifteenMinutes },
  /** One address trying many accounts; higher, since a whole office may share one address. */
  client: { limit: 100, windowMs: fifteenMinutes },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKey = { key: string; rule: ThrottleRule };

/**
 * Given the times of recent failures (any order) for one key, may another attempt go ahead now?
 * When refused, retryAfterSeconds is when the failure that tips the count leaves the window.
 */
export function decideThrottle(
  failures: readonly Date[],
  now: Date,
  rule: ThrottleRule,
): ThrottleDecision {
  const windowStart = now.getTime() - rule.windowMs;
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > windowStart && t <= now.getTime())
    .sort((a, b) => b - a);
  if (inWindow.length < rule.limit) return { allowed: true };
  const freeingFailure = inWindow[rule.limit - 1]!;
  const retryAfterMs = freeingFailure + rule.windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

export const clientKeyPrefix = "client:";

/** Throttle keys: one per account and one per client address, each with its own rule. */
export function throttleKeys(email: string, clientAddress: string | undefined): ThrottleKey[] {
  const keys: ThrottleKey[] = [
    { key: `account:${email.trim().toLowerCase()}`, rule: loginThrottle.account },
  ];
  if (clientAddress) {
    keys.push({ key: `${clientKeyPrefix}${clientAddress}`, rule: loginThrottle.client });
  }
  return keys;
}

/**
 * State-changing requests (form posts) per signed-in user, in fixed one-minute windows. A person
 * clicking through a module sends a few a minute; a script sends hundreds.
 */
export const writeThrottle = { limit: 120, windowMs: 60 * 1000 } as const satisfies ThrottleRule;

/** The number of the fixed window `now` falls in, and the whole seconds left of it (at least 1). */
export function fixedWindow(now: Date, windowMs: number) {
  const bucket = Math.floor(now.getTime() / windowMs);
  const endsAt = (bucket + 1) * windowMs;
  return { bucket, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}
