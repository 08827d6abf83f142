import type { Algorithm } from "@node-rs/argon2";
import { hash, verify } from "@node-rs/argon2";
import { availableParallelism } from "node:os";
import { semaphore } from "~/utils/semaphore";

// OWASP's argon2id minimum: m=19456 KiB, t=2, p=1 (about 20 ms a hash here).
const argon2id = 2 as Algorithm;
export const argon2Options = {
  algorithm: argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

// Hashes take turns, leaving a core free for pages: a burst of sign-ins (or guesses, before the
// throttle refuses them) queues here instead of holding every core for its duration.
const hashing = semaphore(Math.max(1, availableParallelism() - 1));

export function hashPassword(password: string): Promise<string> {
  return hashing.run(() => hash(password, argon2Options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing.run(() => verify(passwordHash, password));
  } catch {
    // A malformed stored hash must read as a wrong password, never as a server error.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the same time as a real check when the account does not exist, so response times do not
 * reveal which e-mail addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("frontline-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
