import { prisma } from "~/db.server";
import type { ThrottleDecision, ThrottleKey } from "./throttle";
import { clientKeyPrefix, decideThrottle } from "./throttle";
import { rememberThrottledClient } from "./throttled-clients";

// Failures live in the database so every app process behind a load balancer sees the same count.

const longestWindowMs = (keys: ThrottleKey[]) => Math.max(...keys.map((k) => k.rule.windowMs));

/** Refused when any key is over its limit; the longest wait wins. */
export async function checkLoginThrottle(
  keys: ThrottleKey[],
  now = new Date(),
): Promise<ThrottleDecision> {
  const rows = await prisma.loginFailure.findMany({
    where: {
      key: { in: keys.map((k) => k.key) },
      at: { gt: new Date(now.getTime() - longestWindowMs(keys)) },
    },
    select: { key: true, at: true },
  });
  let worst: ThrottleDecision = { allowed: true };
  for (const { key, rule } of keys) {
    const failures = rows.filter((row) => row.key === key).map((row) => row.at);
    const decision = decideThrottle(failures, now, rule);
    // An address over its limit is turned away by the HTTP server until its wait is over.
    if (!decision.allowed && key.startsWith(clientKeyPrefix)) {
      rememberThrottledClient(key.slice(clientKeyPrefix.length), decision.retryAfterSeconds);
    }
    if (
      !decision.allowed &&
      (worst.allowed || decision.retryAfterSeconds > worst.retryAfterSeconds)
    ) {
      worst = decision;
    }
  }
  return worst;
}

export async function recordLoginFailure(keys: ThrottleKey[], now = new Date()) {
  await prisma.$transaction([
    prisma.loginFailure.createMany({ data: keys.map(({ key }) => ({ key, at: now })) }),
    // Forget failures that no longer count anywhere, so the table stays small.
    prisma.loginFailure.deleteMany({
      where: { at: { lte: new Date(now.getTime() - longestWindowMs(keys)) } },
    }),
  ]);
}

/** A successful login clears its account's failures (not the client's: one address, many accounts). */
export async function clearAccountFailures(accountKey: string) {
  await prisma.loginFailure.deleteMany({ where: { key: accountKey } });
}
