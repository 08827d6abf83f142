import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import { passwordSignIn } from "./oidc-settings.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import type { Role } from "./roles";
import { isRole } from "./roles";
import { checkLoginThrottle, clearAfterSignIn, recordLoginFailure } from "./throttle.server";
import { throttleKeys } from "./throttle";

export type LoginResult =
  /** `secondFactor`: the password was right, and a code is needed before a session. */
  | { ok: true; userId: string; role: Role; secondFactor: boolean }
  | { ok: false; reason: "invalid" }
  /** The password was right, but PASSWORD_SIGN_IN=admins: this person uses company sign-in. */
  | { ok: false; reason: "sso-only" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number; slowed: boolean };

/**
 * Check an e-mail and password. The throttle is consulted before any hashing; the answer for an
 * unknown account, an inactive one and a wrong password is the same, in about the same time.
 */
export async function attemptLogin(
  email: string,
  password: string,
  clientAddress: string | undefined,
  { knownDevice }: { knownDevice: boolean },
): Promise<LoginResult> {
  const keys = throttleKeys(email, clientAddress);
  const throttle = await checkLoginThrottle(keys, { knownDevice });
  if (!throttle.allowed) {
    const slowed = Boolean(throttle.slowed);
    log.warn(slowed ? "login.slowed" : "login.throttled", {
      email,
      clientAddress,
      retryAfterSeconds: throttle.retryAfterSeconds,
    });
    return {
      ok: false,
      reason: "throttled",
      retryAfterSeconds: throttle.retryAfterSeconds,
      slowed,
    };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      role: true,
      active: true,
      password: { select: { hash: true } },
      twoFactor: { select: { userId: true } },
    },
  });
  const passwordHash = user?.active ? user.password?.hash : undefined;
  const valid = passwordHash
    ? await verifyPassword(passwordHash, password)
    : await verifyAgainstDummy(password);

  if (!valid || !user || !isRole(user.role)) {
    await recordLoginFailure(keys);
    log.warn("login.failed", { email, clientAddress, knownAccount: Boolean(user) });
    return { ok: false, reason: "invalid" };
  }

  // Checked only after the password, so the answer reveals nothing to someone who lacks it.
  if (passwordSignIn() === "admins" && user.role !== "admin") {
    log.warn("login.password_not_allowed", { userId: user.id, role: user.role, clientAddress });
    return { ok: false, reason: "sso-only" };
  }

  // With a second factor the failures stay counted until the code is right too: wrong codes count
  // as failed sign-ins, and a right password must not wipe them between tries.
  const secondFactor = user.twoFactor !== null;
  if (secondFactor) {
    log.info("login.password_accepted", { userId: user.id, clientAddress });
  } else {
    await clearAfterSignIn(keys);
    log.info("login.succeeded", { userId: user.id, role: user.role, clientAddress });
  }
  return { ok: true, userId: user.id, role: user.role, secondFactor };
}

type DemoHint = { email: string; password: string } | null;
let demoHintLookup: Promise<DemoHint> | null = null;

/**
 * The login page's hint for the demo organisation: its employee account and password, shown only
 * while that account exists and is active (an empty or real organisation shows no hint). Looked
 * up once per process, not for every signed-out visitor; seeding and (de)activating people forget
 * it. Another process learns of a deactivation when it restarts: the hint is only a hint, and
 * signing in still checks the account.
 */
export function demoHint(): Promise<DemoHint> {
  demoHintLookup ??= (async () => {
    const email = "employee@demo.frontline.test";
    const found = await prisma.user.count({ where: { email, active: true } });
    return found ? { email, password: "frontline-demo" } : null;
  })().catch((error: unknown) => {
    demoHintLookup = null;
    throw error;
  });
  return demoHintLookup;
}

/** Look the demo hint up again on its next use (people were added or (de)activated). */
export function forgetDemoHint() {
  demoHintLookup = null;
}
