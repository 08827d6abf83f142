import { sha256 } from "@oslojs/crypto/sha2";
import {
  decodeBase64,
  encodeBase32UpperCaseNoPadding,
  encodeBase64,
  encodeHexLowerCase,
} from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { renderSVG } from "uqr";
import { actorOf, audit, personTarget, type Actor } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { env, secureCookies } from "~/env.server";
import { log } from "~/utils/log.server";
import type { Role } from "./roles";
import type { SessionUser } from "./session.server";
import { readCookie, serializeCookie } from "./cookie.server";
import { generateSessionToken, sessionIdFromToken } from "./session-token.server";

// Two-factor sign-in as Lucia's guide describes it (lucia-auth.com, "Two-factor authentication
// with TOTP"), with @oslojs/otp: a 20-byte key the authenticator app and the server share, six
// digits per 30 seconds, one step either side for clocks that drift. A code is accepted once
// (the step is remembered), ten recovery codes stand in for a lost phone, and an admin can reset
// it. Which roles must use it is a setting (TWO_FACTOR_ROLES).

const period = 30;
const digits = 6;
const recoveryCodeCount = 10;
const challengeMinutes = 5;
/** Wrong codes for one password sign-in before it has to start again. */
export const challengeFailuresAllowed = 5;

/** Whether people of this role must turn two-factor sign-in on before doing anything else. */
export const twoFactorRequired = (role: Role) => env().TWO_FACTOR_ROLES.includes(role);

/** A fresh key for enrolment, as the form carries it (base64) and as people type it (base32). */
export function newTwoFactorKey() {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return encodeBase64(key);
}

/** What an enrolment page shows: the key for typing and a QR code of its otpauth:// URI. */
export function enrolmentView(encodedKey: string, email: string) {
  const key = decodeBase64(encodedKey);
  const uri = createTOTPKeyURI("Frontline", email, key, period, digits);
  return {
    key: encodedKey,
    typed: encodeBase32UpperCaseNoPadding(key)
      .replace(/(.{4})/g, "$1 ")
      .trim(),
    qrSvg: renderSVG(uri, { pixelSize: 4 }),
  };
}

const currentStep = (now: Date) => Math.floor(now.getTime() / 1000 / period);

/** The step a code belongs to (this one or one either side), or null when it matches none. */
function stepOf(key: Uint8Array, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = currentStep(now);
  for (const candidate of [step, step - 1, step + 1]) {
    if (generateHOTP(key, BigInt(candidate), digits) === code) return candidate;
  }
  return null;
}

export const normaliseCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
const hashCode = (code: string) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseCode(code))));

function newRecoveryCodes() {
  return Array.from({ length: recoveryCodeCount }, () => {
    const raw = generateSessionToken().slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/**
 * Turn two-factor sign-in on with the key the form showed, once a code from the app proves the
 * app has it. Returns the recovery codes, to be shown this once; null for a wrong code.
 */
export async function enrolTwoFactor(
  user: SessionUser,
  encodedKey: string,
  code: string,
  clientAddress: string | undefined,
  now = new Date(),
): Promise<string[] | null> {
  let key: Uint8Array;
  try {
    key = decodeBase64(encodedKey);
  } catch {
    return null;
  }
  if (key.length !== 20) return null;
  const step = stepOf(key, code.trim(), now);
  if (step === null) return null;
  const codes = newRecoveryCodes();
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId: user.id } }),
    prisma.twoFactor.upsert({
      where: { userId: user.id },
      create: { userId: user.id, key: encodedKey, lastStep: step, createdAt: now },
      update: { key: encodedKey, lastStep: step, createdAt: now },
      select: { userId: true },
    }),
    prisma.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: user.id, codeHash: hashCode(c) })),
    }),
    audit(
      prisma,
      actorOf(user, clientAddress),
      "two-factor.enrol",
      personTarget(user),
      `authenticator app; ${codes.length} recovery codes`,
    ),
  ]);
  log.info("two_factor.enrolled", { userId: user.id });
  return codes;
}

/**
 * Check a code for someone with two-factor sign-in: a code from the app (each accepted once), or
 * an unused recovery code (used up by this). Concurrent uses of one code: one wins.
 */
export async function checkSecondFactor(userId: string, input: string, now = new Date()) {
  const code = input.trim();
  const row = await prisma.twoFactor.findUnique({
    where: { userId },
    select: { key: true, lastStep: true },
  });
  if (!row) return { ok: false as const };
  const step = stepOf(decodeBase64(row.key), code, now);
  if (step !== null) {
    const { count } = await prisma.twoFactor.updateMany({
      where: { userId, lastStep: { lt: step } },
      data: { lastStep: step },
    });
    if (count === 1) return { ok: true as const, recovery: false };
    log.warn("two_factor.replayed", { userId });
    return { ok: false as const };
  }
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashCode(code), usedAt: null },
    data: { usedAt: now },
  });
  if (count === 1) {
    log.info("two_factor.recovery_used", { userId });
    return { ok: true as const, recovery: true };
  }
  return { ok: false as const };
}

/**
 * Turn it off: the person with a current code, or an admin for someone who lost their phone.
 * False (and nothing written) when it was not on.
 */
export async function removeTwoFactor(
  actor: Actor,
  person: { id: string; name: string; email: string },
  by: "self" | "admin",
) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.twoFactor.deleteMany({ where: { userId: person.id } });
    if (count === 0) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: person.id } });
    await audit(
      tx,
      actor,
      by === "self" ? "two-factor.disable" : "two-factor.reset",
      personTarget(person),
      by === "self" ? "turned off by the person" : "reset by an admin",
    );
    return true;
  });
}

export async function twoFactorStatus(userId: string) {
  const [row, left] = await Promise.all([
    prisma.twoFactor.findUnique({ where: { userId }, select: { createdAt: true } }),
    prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return row ? { since: row.createdAt, recoveryCodesLeft: left } : null;
}

// The challenge between a right password and a right code.

export function challengeCookieName() {
  return secureCookies() ? "__Host-frontline_2fa" : "frontline_2fa";
}

const cookie = (value: string, maxAge: number) =>
  serializeCookie(challengeCookieName(), value, maxAge);

/** After the right password: a challenge for the code, and the cookie that carries it. */
export async function startChallenge(userId: string, redirectTo: string | null, now = new Date()) {
  const token = generateSessionToken();
  await prisma.$transaction([
    // One challenge per person at a time; old ones go.
    prisma.signInChallenge.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lt: now } }] } }),
    prisma.signInChallenge.create({
      data: {
        id: sessionIdFromToken(token),
        userId,
        redirectTo,
        expiresAt: new Date(now.getTime() + challengeMinutes * 60 * 1000),
      },
      select: { id: true },
    }),
  ]);
  return cookie(token, challengeMinutes * 60);
}

export const clearChallengeCookie = () => cookie("", 0);

/** The challenge this browser holds, if it is still open. */
export async function readChallenge(request: Request, now = new Date()) {
  const token = readCookie(request, challengeCookieName());
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return null;
  const challenge = await prisma.signInChallenge.findUnique({
    where: { id: sessionIdFromToken(token) },
    select: {
      id: true,
      userId: true,
      redirectTo: true,
      failures: true,
      expiresAt: true,
      user: { select: { email: true, role: true, active: true } },
    },
  });
  if (!challenge || challenge.expiresAt <= now) return null;
  const { user, ...rest } = challenge;
  return { ...rest, email: user.email, role: user.role, active: user.active };
}

/** A wrong code: counted, and the challenge ends after too many. Returns whether it goes on. */
export async function failChallenge(id: string) {
  const row = await prisma.signInChallenge.update({
    where: { id },
    data: { failures: { increment: 1 } },
    select: { failures: true },
  });
  if (row.failures < challengeFailuresAllowed) return true;
  await prisma.signInChallenge.deleteMany({ where: { id } });
  return false;
}

export async function endChallenge(id: string) {
  await prisma.signInChallenge.deleteMany({ where: { id } });
}
