import type { HeadersFunction } from "@remix-run/node";
import { prisma } from "~/db.server";
import { isLocale } from "~/i18n/config";
import { fixedT } from "~/i18n/i18n.server";
import { log } from "~/utils/log.server";
import { fixedWindow, writeThrottle } from "./throttle";

// Anti-automation for everything a signed-in user can post (ASVS 2.4.1): each action counts the
// request against its user before doing any work. Per user, so a crowd of people working at once
// never slows anyone down.
//
// The count is shared through the database (WriteCount) so every app process sees it, but not
// written on every request: with SQLite syncing every commit to disk, a counter write per request
// would double the cost of each save. Each process reads a user's count once per window, counts
// locally, and adds its tally to the database every `flushEvery` requests. One process is exact;
// N processes can let a user through at most N × (flushEvery − 1) requests past the limit.

const flushEvery = 10;

type Tally = { bucket: number; known: number; unflushed: number; warned: boolean };
const tallies = new Map<string, Tally>();
let newestBucket = 0;

/** Forget finished windows, here and (once a window per process) in the database. */
async function startWindow(bucket: number) {
  if (bucket <= newestBucket) return;
  newestBucket = bucket;
  for (const [key, tally] of tallies) if (tally.bucket < bucket) tallies.delete(key);
  await prisma.writeCount.deleteMany({ where: { bucket: { lt: bucket } } });
}

async function tallyFor(key: string, bucket: number): Promise<Tally> {
  const cached = tallies.get(key);
  if (cached?.bucket === bucket) return cached;
  const row = await prisma.writeCount.findUnique({
    where: { key_bucket: { key, bucket } },
    select: { count: true },
  });
  // A concurrent request of the same user may have started the tally meanwhile.
  const raced = tallies.get(key);
  if (raced?.bucket === bucket) return raced;
  const tally = { bucket, known: row?.count ?? 0, unflushed: 0, warned: false };
  tallies.set(key, tally);
  return tally;
}

async function flush(key: string, tally: Tally) {
  const amount = tally.unflushed;
  tally.unflushed = 0;
  tally.known += amount;
  const { count } = await prisma.writeCount.upsert({
    where: { key_bucket: { key, bucket: tally.bucket } },
    create: { key, bucket: tally.bucket, count: amount },
    update: { count: { increment: amount } },
    select: { count: true },
  });
  // Other processes' flushes show up here.
  tally.known = Math.max(tally.known, count);
}

/** Count one state-changing request of this user; throws 429 with Retry-After once over the limit. */
export async function requireWriteAllowance(userId: string, now = new Date()): Promise<void> {
  const { bucket, retryAfterSeconds } = fixedWindow(now, writeThrottle.windowMs);
  const key = `user:${userId}`;
  await startWindow(bucket);
  const tally = await tallyFor(key, bucket);
  tally.unflushed += 1;
  if (tally.unflushed >= flushEvery) await flush(key, tally);
  if (tally.known + tally.unflushed <= writeThrottle.limit) return;

  // One line per user and window, not one per refused request.
  if (!tally.warned) log.warn("write.throttled", { userId, retryAfterSeconds });
  tally.warned = true;
  // A Response rather than data(): a resource route passes a thrown Response on unchanged. The
  // message is in the person's own words, for a page and for a background call alike (one
  // lookup, on refusals only).
  const person = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
  const locale = isLocale(person?.locale) ? person.locale : "en";
  const message = fixedT(locale)("common:errors.tooManyWrites", { count: retryAfterSeconds });
  throw Response.json(
    { message },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * The `headers` export of every route with an action: Remix passes an error's headers to the
 * response only through it, and a refused write's Retry-After must reach the client.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
