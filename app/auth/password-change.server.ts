import { actorOf, audit, personTarget } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import { hashPassword, verifyPassword } from "./password.server";
import type { SessionUser } from "./session.server";
import { prepareSession } from "./session.server";
import { checkLoginThrottle, clearAfterSignIn, recordLoginFailure } from "./throttle.server";
import { throttleKeys } from "./throttle";

export type PasswordChangeResult =
  | { ok: true; setCookie: string; otherSessionsEnded: number }
  | { ok: false; reason: "wrong-current" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Change a signed-in user's password after checking the current one. A wrong current password
 * counts as a failed login (someone holding an unlocked session must not get unlimited guesses).
 * On success, in one transaction: the new hash is stored, every other session of the user ends
 * (ASVS 7.4.3) and the current one is replaced by a new session (7.2.4).
 */
export async function changePassword(
  user: SessionUser,
  passwords: { current: string; next: string },
  currentSessionId: string | null,
  clientAddress: string | undefined,
  now = new Date(),
): Promise<PasswordChangeResult> {
  const keys = throttleKeys(user.email, clientAddress);
  // A session does not exempt from the account's slowdown: whoever holds one could otherwise
  // guess the current password from address after address.
  const throttle = await checkLoginThrottle(keys, { knownDevice: false }, now);
  if (!throttle.allowed) {
    log.warn("password.change_throttled", { userId: user.id, clientAddress });
    return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const stored = await prisma.password.findUnique({
    where: { userId: user.id },
    select: { hash: true },
  });
  if (!stored || !(await verifyPassword(stored.hash, passwords.current))) {
    await recordLoginFailure(keys, now);
    log.warn("password.change_failed", { userId: user.id, reason: "wrong current password" });
    return { ok: false, reason: "wrong-current" };
  }

  const hash = await hashPassword(passwords.next);
  const session = prepareSession(user.id, now);
  const [, others] = await prisma.$transaction([
    prisma.password.update({
      where: { userId: user.id },
      data: { hash },
      select: { userId: true },
    }),
    // The other sessions first, so the log can say how many there were; then this one.
    prisma.session.deleteMany({
      where: currentSessionId
        ? { userId: user.id, id: { not: currentSessionId } }
        : { userId: user.id },
    }),
    prisma.session.deleteMany({ where: { userId: user.id } }),
    prisma.session.create({ data: session.row, select: { id: true } }),
    audit(
      prisma,
      actorOf(user, clientAddress),
      "password.change",
      personTarget(user),
      "password changed; every other session ended",
    ),
  ]);
  await clearAfterSignIn(keys);
  log.info("password.changed", {
    userId: user.id,
    otherSessionsEnded: others.count,
    clientAddress,
  });
  return { ok: true, setCookie: session.setCookie, otherSessionsEnded: others.count };
}

/** When the user's password was last set, or null for an account without one. */
export async function passwordChangedAt(userId: string): Promise<Date | null> {
  const row = await prisma.password.findUnique({ where: { userId }, select: { updatedAt: true } });
  return row?.updatedAt ?? null;
}
