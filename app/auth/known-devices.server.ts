import { prisma } from "~/db.server";
import { secureCookies } from "~/env.server";
import { readCookie, serializeCookie } from "./cookie.server";
import {
  generateSessionToken,
  looksLikeSessionToken,
  sessionIdFromToken,
} from "./session-token.server";

// Browsers a person has signed in from (OWASP's "device cookies"): after a password sign-in the
// browser keeps a random token for a year, stored here hashed. While an account is slowed because
// it is being guessed from many addresses, a browser it knows signs in without the wait, so the
// guessing never locks the owner out (docs/security.md, 6.3.1). The token proves nothing else: a
// password is still needed, and it opens no session.

const year = 365 * 24 * 60 * 60;

export function deviceCookieName() {
  return secureCookies() ? "__Host-frontline_device" : "frontline_device";
}

function readDeviceToken(request: Request): string | null {
  const value = readCookie(request, deviceCookieName());
  return value && looksLikeSessionToken(value) ? value : null;
}

/** Whether this browser has signed in to the account with this e-mail before. */
export async function isKnownDevice(request: Request, email: string): Promise<boolean> {
  const token = readDeviceToken(request);
  if (!token) return false;
  const device = await prisma.knownDevice.findUnique({
    where: { tokenHash: sessionIdFromToken(token) },
    select: { user: { select: { email: true } } },
  });
  return device?.user.email === email.trim().toLowerCase();
}

/**
 * After a password sign-in: this browser is known to the person from now on. Its token is kept if
 * it is already theirs, else a new one is issued (a shared computer knows its latest person).
 */
export async function rememberDevice(request: Request, userId: string, now = new Date()) {
  const existing = readDeviceToken(request);
  if (existing) {
    const { count } = await prisma.knownDevice.updateMany({
      where: { tokenHash: sessionIdFromToken(existing), userId },
      data: { lastSeenAt: now },
    });
    if (count === 1) return serializeDeviceCookie(existing);
  }
  const token = generateSessionToken();
  await prisma.knownDevice.create({
    data: { tokenHash: sessionIdFromToken(token), userId, createdAt: now, lastSeenAt: now },
    select: { tokenHash: true },
  });
  return serializeDeviceCookie(token);
}

const serializeDeviceCookie = (token: string) => serializeCookie(deviceCookieName(), token, year);
