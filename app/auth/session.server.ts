import { actorOf, audit, personTarget } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import { unlessStorageFull } from "~/utils/storage-full.server";
import { clearSessionCookie, readSessionCookie, serializeSessionCookie } from "./cookie.server";
import type { Role } from "./roles";
import { isRole } from "./roles";
import {
  absoluteExpiry,
  absoluteLifetimeMs,
  checkSessionLifetime,
  initialExpiry,
} from "./session-lifetime";
import {
  generateSessionToken,
  looksLikeSessionToken,
  sessionIdFromToken,
} from "./session-token.server";

// Sessions as described by Lucia's guide (lucia-auth.com/sessions): an opaque random token in the
// cookie, only its SHA-256 in the database. See docs/decisions/002-sessions-by-hand.md.

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** The name of the person's team, shown beside their role. */
  teamName?: string | null;
  /** The person's language (see app/i18n/config.ts) and IANA time zone. */
  locale: string;
  timeZone: string;
  /** Whether they sign in with an authenticator app's code too. */
  twoFactor?: boolean;
};

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  teamId: true,
  team: { select: { name: true } },
  locale: true,
  timeZone: true,
  active: true,
  twoFactor: { select: { userId: true } },
} as const;

/**
 * A new session's row and the Set-Cookie value that carries its token, for a caller that writes
 * the row itself (inside its own transaction).
 */
export function prepareSession(userId: string, now = new Date()) {
  const token = generateSessionToken();
  return {
    row: {
      id: sessionIdFromToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: initialExpiry(now),
    },
    setCookie: serializeSessionCookie(token, absoluteExpiry(now), now),
  };
}

/** Start a session for a user; returns the Set-Cookie header value. */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const { row, setCookie } = prepareSession(userId, now);
  await prisma.$transaction([
    prisma.session.create({ data: row, select: { id: true } }),
    // For the admin's "never signed in" and "last signed in".
    prisma.user.update({
      where: { id: userId },
      data: { lastSignInAt: now },
      select: { id: true },
    }),
  ]);
  return setCookie;
}

/** The user behind a session token, or null when the token is unknown, expired or the user inactive. */
export async function validateSessionToken(
  token: string,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!looksLikeSessionToken(token)) return null;
  const id = sessionIdFromToken(token);
  const session = await prisma.session.findUnique({
    where: { id },
    select: { createdAt: true, expiresAt: true, lastSeenAt: true, user: { select: userSelect } },
  });
  if (!session) return null;
  const decision = checkSessionLifetime(session, now);
  // Both writes are housekeeping: on a full disk, pages that only read must still open.
  if (!decision.valid || !session.user.active || !isRole(session.user.role)) {
    await unlessStorageFull(prisma.session.deleteMany({ where: { id } }), "session.end");
    return null;
  }
  if (decision.touch) {
    await unlessStorageFull(
      prisma.session.updateMany({ where: { id }, data: decision.touch }),
      "session.touch",
    );
  }
  const { active: _active, role, team, twoFactor, ...user } = session.user;
  return { ...user, role, teamName: team?.name ?? null, twoFactor: twoFactor !== null };
}

// Loaders of one request run in parallel; let them share one session lookup.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let lookup = perRequest.get(request);
  if (!lookup) {
    const token = readSessionCookie(request);
    lookup = token ? validateSessionToken(token) : Promise.resolve(null);
    perRequest.set(request, lookup);
  }
  return lookup;
}

/** End the session in the request's cookie (if any); returns the Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const token = readSessionCookie(request);
  if (token && looksLikeSessionToken(token)) {
    await prisma.session.deleteMany({ where: { id: sessionIdFromToken(token) } });
  }
  return clearSessionCookie();
}

/** The database id of the session in the request's cookie, or null when there is none. */
export function currentSessionId(request: Request): string | null {
  const token = readSessionCookie(request);
  return token && looksLikeSessionToken(token) ? sessionIdFromToken(token) : null;
}

/** A user's sessions that are still valid, most recently used first. */
export function listSessions(userId: string, now = new Date()) {
  return prisma.session.findMany({
    where: {
      userId,
      expiresAt: { gt: now },
      createdAt: { gt: new Date(now.getTime() - absoluteLifetimeMs) },
    },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, createdAt: true, lastSeenAt: true },
  });
}

/**
 * End every session of a user but the one with this id (the one making the request). An audit
 * event records it when any session ended.
 */
export async function endOtherSessions(
  user: { id: string; name: string; email: string },
  keepId: string | null,
  clientAddress: string | undefined,
): Promise<number> {
  const userId = user.id;
  const count = await prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({
      where: keepId ? { userId, id: { not: keepId } } : { userId },
    });
    if (count > 0)
      await audit(
        tx,
        actorOf(user, clientAddress),
        "sessions.end",
        personTarget(user),
        `${count} other sessions ended`,
      );
    return count;
  });
  log.info("sessions.others_ended", { userId, count });
  return count;
}
