import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { action as trainingAction } from "~/routes/training+/$slug";
import { action as observationAction } from "~/routes/team+/observations.new";
import { observationStandards } from "~/team/observations.server";
import { answeringStorageFull, storageFullStatus } from "~/utils/storage-full.server";
import { isPostgres } from "../support/dialect";
import { statusOf } from "../support/module-actions";
import { context, formRequest, settle } from "../support/requests";
import { demo, requestAs } from "../support/sessions";
import { at, idOf, wall } from "../support/team";

// A full disk, simulated with SQLite's max_page_count: the database may not grow past its current
// size, so the next write that needs a new page fails with SQLITE_FULL, exactly as when the disk
// has no room left. The actions are wrapped as server/index.ts wraps every route's.
// scripts/chaos/disk-full.ts does the same with a real full file system and a real server.

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const observe = answeringStorageFull(observationAction);
const submit = answeringStorageFull(trainingAction);
// Nobody else's test depends on this Front desk employee's records.
const ravi = at("ravi.menon");
const slug = "canary-module";
const hour = 60 * 60 * 1000;

async function pragma(statement: string): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<Record<string, bigint | number>[]>(statement);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

/** A poster for one signed-in user; the session is written now, while there is room. */
async function signedIn(email: string) {
  const cookie = (await requestAs(email, "/")).headers.get("Cookie")!;
  return (
    handler: (args: Parameters<typeof observationAction>[0]) => Promise<unknown>,
    path: string,
    fields: Record<string, string | string[]>,
  ) =>
    settle(
      handler({
        request: formRequest(path, fields, { Cookie: cookie }),
        context: context(),
        params: { slug },
      }),
    );
}

let roomy = 0;
/** From now on the database cannot grow: no free pages, and no new ones. */
async function fillTheDisk() {
  roomy ||= await pragma("PRAGMA max_page_count");
  await prisma.$executeRawUnsafe("VACUUM");
  await pragma(`PRAGMA max_page_count = ${await pragma("PRAGMA page_count")}`);
}
const freeTheDisk = async () => {
  if (roomy) await pragma(`PRAGMA max_page_count = ${roomy}`);
};
afterEach(freeTheDisk);

/** Submit until the database has no room left (a few tries fill the last page); the refusal. */
async function untilRefused(send: () => Promise<unknown>, count: () => Promise<number>) {
  for (let tries = 0; tries < 100; tries += 1) {
    const before = await count();
    const result = await send();
    if (statusOf(result) !== 302) return { result, before, after: await count() };
  }
  throw new Error("the database never filled up");
}

function observationForm(employeeId: string, notes: string) {
  const standards = observationStandards();
  return {
    employeeId,
    observedAt: wall(new Date(Date.now() - hour)),
    channel: "chat",
    // The longest notes allowed, so the last page fills in a few submissions.
    notes: notes.padEnd(2000, "."),
    ...Object.fromEntries(standards.map((s) => [`ratings.${s.id}`, "na"])),
    [`ratings.${standards[0]!.id}`]: "5",
  };
}

async function integrity() {
  return prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
}

// VACUUM and a few synced commits per test: slow on a busy machine, so a longer timeout.
describe.skipIf(isPostgres)("a full disk", { timeout: 30_000 }, () => {
  it("refuses an observation with 507 and saves nothing; the next one after space is freed is saved", async () => {
    const raviId = await idOf(ravi);
    const count = () => prisma.observation.count({ where: { employeeId: raviId } });
    const post = await signedIn(demo.manager);
    await fillTheDisk();
    const refused = await untilRefused(
      () => post(observe, "/team/observations/new", observationForm(raviId, "full")),
      count,
    );
    expect(statusOf(refused.result)).toBe(storageFullStatus);
    expect(refused.after).toBe(refused.before);

    await freeTheDisk();
    const saved = await post(
      observe,
      "/team/observations/new",
      observationForm(raviId, "after space came back"),
    );
    expect(statusOf(saved)).toBe(302);
    const id = (saved as Response).headers.get("Location")!.split("#observation-")[1]!;
    const row = await prisma.observation.findUniqueOrThrow({ where: { id } });
    expect(row.notes).toMatch(/^after space came back/);
    expect(await count()).toBe(refused.after + 1);
    expect(await integrity()).toEqual([{ integrity_check: "ok" }]);
  });

  it("refuses a quiz answer with 507 and records no attempt; the same attempt goes through later", async () => {
    const raviId = await idOf(ravi);
    const attempts = () =>
      prisma.quizAttempt.count({ where: { userId: raviId, moduleSlug: slug } });
    const answer = async () => ({
      intent: "quiz-submit",
      quizId: "canary-quiz",
      attempt: String((await attempts()) + 1),
      "answer:pick-one": "right",
      "answer:pick-many": ["first", "second"],
    });
    const post = await signedIn(ravi);
    await fillTheDisk();
    const refused = await untilRefused(
      async () => post(submit, `/training/${slug}`, await answer()),
      attempts,
    );
    expect(statusOf(refused.result)).toBe(storageFullStatus);
    expect(refused.after).toBe(refused.before);

    await freeTheDisk();
    const saved = await post(submit, `/training/${slug}`, await answer());
    expect(statusOf(saved)).toBe(302);
    expect(await attempts()).toBe(refused.after + 1);
    expect(await integrity()).toEqual([{ integrity_check: "ok" }]);
  });
});
