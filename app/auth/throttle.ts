// Failed-login throttle: at most `limit` failures per key inside a sliding window. Pure, so the
// rule is unit-tested; app/auth/throttle.server.ts keeps the failures in the database.
// Also the rule for state-changing requests per user (app/auth/write-limit.server.ts).

const fifteenMinutes = 15 * 60 * 1000;

export type ThrottleRule = { limit: number; windowMs: number };
export type ThrottleDecision =
  | { allowed: true }
  /** `slowed`: the account is under guessing from many places; a short wait, not a lockout. */
  | { allowed: false; retryAfterSeconds: number; slowed?: boolean };

export const loginThrottle = {
  /** Guessing one account's password from one address: refused there, and only there. */
  pair: { limit: 10, windowMs: fifteenMinutes },
  /** One address trying many accounts (credential stuffing); higher, since an office shares one. */
  client: { limit: 100, windowMs: fifteenMinutes },
  /** One account guessed from many addresses: slowed for browsers it has not signed in from. */
  account: { limit: 10, windowMs: fifteenMinutes },
} as const satisfies Record<string, ThrottleRule>;

/** While an account is slowed, a browser it does not know waits this long after its latest failure. */
export const accountSlowdownMs = 30 * 1000;

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

/**
 * An account with `rule.limit` failures in the window is slowed, not locked: another attempt may
 * go ahead once `slowdownMs` have passed since its latest failure, so a guesser spread over many
 * addresses gets one guess per `slowdownMs` and the account's owner gets in after a short wait.
 */
export function decideSlowdown(
  failures: readonly Date[],
  now: Date,
  rule: ThrottleRule,
  slowdownMs: number,
): ThrottleDecision {
  const windowStart = now.getTime() - rule.windowMs;
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > windowStart && t <= now.getTime());
  if (inWindow.length < rule.limit) return { allowed: true };
  const waitMs = Math.max(...inWindow) + slowdownMs - now.getTime();
  if (waitMs <= 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), slowed: true };
}

export const clientKeyPrefix = "client:";
export const pairKeyPrefix = "pair:";
export const accountKeyPrefix = "account:";

/** The keys failed sign-ins are counted under: the account from this address, the address, the account. */
export type ThrottleKeys = { pair: string; client: string | null; account: string };

export function throttleKeys(email: string, clientAddress: string | undefined): ThrottleKeys {
  const account = email.trim().toLowerCase();
  const address = clientAddress ?? "unknown";
  return {
    pair: `${pairKeyPrefix}${account}|${address}`,
    client: clientAddress ? `${clientKeyPrefix}${clientAddress}` : null,
    account: `${accountKeyPrefix}${account}`,
  };
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
