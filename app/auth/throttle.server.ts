import { audit, type Actor } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { ThrottleDecision, ThrottleKeys } from "./throttle";
import {
  accountKeyPrefix,
  accountSlowdownMs,
  clientKeyPrefix,
  decideSlowdown,
  decideThrottle,
  loginThrottle,
  pairKeyPrefix,
} from "./throttle";
import { forgetThrottledClient, rememberThrottledClient } from "./throttled-clients";

// Failures live in the database so every app process behind a load balancer sees the same count.
// Three counts, three answers (docs/security.md, 6.3.1): an account guessed from one address is
// refused there only; an address guessing many accounts is refused; an account guessed from many
// addresses is slowed for browsers it has not signed in from, never locked.

const windowMs = Math.max(...Object.values(loginThrottle).map((rule) => rule.windowMs));

const later = (a: ThrottleDecision, b: ThrottleDecision) =>
  b.allowed || (!a.allowed && a.retryAfterSeconds >= b.retryAfterSeconds) ? a : b;

/**
 * Whether a sign-in attempt may be checked now. `knownDevice`: the browser has signed in to this
 * account before (app/auth/known-devices.server.ts), or holds one of its sessions; the account's
 * slowdown does not apply to it. Refused when any count says so; the longest wait wins.
 */
export async function checkLoginThrottle(
  keys: ThrottleKeys,
  { knownDevice }: { knownDevice: boolean },
  now = new Date(),
): Promise<ThrottleDecision> {
  const rows = await prisma.loginFailure.findMany({
    where: {
      key: { in: [keys.pair, keys.account, ...(keys.client ? [keys.client] : [])] },
      at: { gt: new Date(now.getTime() - windowMs) },
    },
    select: { key: true, at: true },
  });
  const failuresOf = (key: string) => rows.filter((row) => row.key === key).map((row) => row.at);
  let decision = decideThrottle(failuresOf(keys.pair), now, loginThrottle.pair);
  if (keys.client) {
    const client = decideThrottle(failuresOf(keys.client), now, loginThrottle.client);
    // An address over its limit is turned away by the HTTP server until its wait is over.
    if (!client.allowed) {
      rememberThrottledClient(keys.client.slice(clientKeyPrefix.length), client.retryAfterSeconds);
    }
    decision = later(decision, client);
  }
  if (!knownDevice) {
    const slowed = decideSlowdown(
      failuresOf(keys.account),
      now,
      loginThrottle.account,
      accountSlowdownMs,
    );
    // A refusal's longer wait wins over a slowdown's few seconds.
    if (decision.allowed) decision = slowed;
  }
  return decision;
}

export async function recordLoginFailure(keys: ThrottleKeys, now = new Date()) {
  const counted = [keys.pair, keys.account, ...(keys.client ? [keys.client] : [])];
  await prisma.$transaction([
    prisma.loginFailure.createMany({ data: counted.map((key) => ({ key, at: now })) }),
    // Forget failures that no longer count anywhere, so the table stays small.
    prisma.loginFailure.deleteMany({ where: { at: { lte: new Date(now.getTime() - windowMs) } } }),
  ]);
}

/**
 * A successful sign-in clears the account's failures and its failures from this address (not
 * the address's own: one address, many accounts).
 */
export async function clearAfterSignIn(keys: ThrottleKeys) {
  await prisma.loginFailure.deleteMany({ where: { key: { in: [keys.pair, keys.account] } } });
}

export type ThrottleRow = {
  key: string;
  kind: "account" | "client" | "pair";
  /** The e-mail, the address, or both. */
  account: string | null;
  address: string | null;
  failures: number;
  latest: Date;
  /** Refused (or, for an account, slowed) right now, and for how many seconds more. */
  decision: ThrottleDecision;
};

function describeKey(key: string) {
  if (key.startsWith(pairKeyPrefix)) {
    const rest = key.slice(pairKeyPrefix.length);
    const bar = rest.lastIndexOf("|");
    return {
      kind: "pair" as const,
      account: rest.slice(0, bar),
      address: rest.slice(bar + 1),
      rule: loginThrottle.pair,
    };
  }
  if (key.startsWith(clientKeyPrefix)) {
    return {
      kind: "client" as const,
      account: null,
      address: key.slice(clientKeyPrefix.length),
      rule: loginThrottle.client,
    };
  }
  return {
    kind: "account" as const,
    account: key.slice(accountKeyPrefix.length),
    address: null,
    rule: loginThrottle.account,
  };
}

/** The counts with failures in the window, most failures first (for admins: see and clear). */
export async function listThrottles(now = new Date(), limit = 50): Promise<ThrottleRow[]> {
  const groups = await prisma.loginFailure.groupBy({
    by: ["key"],
    where: { at: { gt: new Date(now.getTime() - windowMs) } },
    _count: { _all: true },
    _max: { at: true },
    orderBy: [{ _count: { key: "desc" } }, { key: "asc" }],
    take: limit,
  });
  const rows = await prisma.loginFailure.findMany({
    where: {
      key: { in: groups.map((g) => g.key) },
      at: { gt: new Date(now.getTime() - windowMs) },
    },
    select: { key: true, at: true },
  });
  return groups.map((group) => {
    const { kind, account, address, rule } = describeKey(group.key);
    const failures = rows.filter((r) => r.key === group.key).map((r) => r.at);
    return {
      key: group.key,
      kind,
      account,
      address,
      failures: group._count._all,
      latest: group._max.at!,
      decision:
        kind === "account"
          ? decideSlowdown(failures, now, rule, accountSlowdownMs)
          : decideThrottle(failures, now, rule),
    };
  });
}

/**
 * An admin clears a count: an account's clears its failures from every address too, an address's
 * its failures on every account (and this process lets it through again at once). Recorded in
 * the audit log with the number of failures forgotten.
 */
export async function clearThrottle(actor: Actor, key: string) {
  const { kind, account, address } = describeKey(key);
  const keys =
    kind === "account"
      ? { OR: [{ key }, { key: { startsWith: `${pairKeyPrefix}${account}|` } }] }
      : kind === "client"
        ? {
            OR: [
              { key },
              {
                AND: [{ key: { startsWith: pairKeyPrefix } }, { key: { endsWith: `|${address}` } }],
              },
            ],
          }
        : { key };
  const label = kind === "pair" ? `${account} from ${address}` : (account ?? address ?? key);
  const [{ count }] = await prisma.$transaction([
    prisma.loginFailure.deleteMany({ where: keys }),
    audit(prisma, actor, "throttle.clear", { type: "throttle", id: key, label }, `${kind} cleared`),
  ]);
  if (kind === "client" && address) forgetThrottledClient(address);
  return count;
}
