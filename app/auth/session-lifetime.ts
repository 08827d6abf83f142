// How long a session lives. Pure functions so the rules are unit-tested without a database.

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

/** Idle limit: a session unused for this long ends. */
export const slidingLifetimeMs = 30 * day;
/** Absolute cap: no session outlives this, however active (ASVS 7.3.2). */
export const absoluteLifetimeMs = 90 * day;
/** Activity is written back at most this often, so a busy user does not cost a write per request. */
export const touchIntervalMs = hour;

export type SessionTimes = { createdAt: Date; expiresAt: Date; lastSeenAt: Date };

export function initialExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + slidingLifetimeMs);
}

/** When the cookie should expire: the absolute cap; the database decides validity before that. */
export function absoluteExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + absoluteLifetimeMs);
}

export type LifetimeDecision =
  | { valid: false }
  | { valid: true; touch: null }
  | { valid: true; touch: { expiresAt: Date; lastSeenAt: Date } };

/** Is the session still valid at `now`, and should its sliding expiry be moved forward? */
export function checkSessionLifetime(session: SessionTimes, now: Date): LifetimeDecision {
  const cap = absoluteExpiry(session.createdAt).getTime();
  if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= cap) {
    return { valid: false };
  }
  if (now.getTime() - session.lastSeenAt.getTime() < touchIntervalMs) {
    return { valid: true, touch: null };
  }
  const slid = Math.min(now.getTime() + slidingLifetimeMs, cap);
  return { valid: true, touch: { expiresAt: new Date(slid), lastSeenAt: now } };
}
