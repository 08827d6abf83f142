// `npm run bench:caches`: what each remembered layer of the team matrix's work saves, measured on
// the bench's database (`npm run bench:seed` first) for one area manager's 1,000 people. Each
// layer is timed cold (nothing remembered) and warm (remembered), median of five, in one run;
// docs/performance.md ("What is remembered") quotes the figures.
import { performance } from "node:perf_hooks";
import { defaultDatabaseUrl, benchContentDir, readSeedMeta } from "./workspace";

process.env.DATABASE_URL ??= defaultDatabaseUrl;
process.env.CONTENT_DIR ??= benchContentDir;
const { prisma } = await import("~/db.server");
const { trainingRecords } = await import("~/training/rollout/records-cache.server");
const { listEnrollments, loadRollout } = await import("~/training/rollout/enrollments.server");
const { dueDate, dueDeadline } = await import("~/training/rollout/due");
const { addDays } = await import("~/training/rollout/time");

const meta = readSeedMeta(process.env.DATABASE_URL);
if (!meta) throw new Error("no bench database: run npm run bench:seed first");
const manager = await prisma.user.findUniqueOrThrow({
  where: { email: meta.managers[0]!.email },
  select: { managedTeams: { select: { teamId: true } } },
});
const people = await prisma.user.findMany({
  where: { teamId: { in: manager.managedTeams.map((t) => t.teamId) } },
  select: { id: true },
});
const ids = people.map((p) => p.id);
// Another manager's people: never remembered below, so every read of them is cold.
const second = await prisma.user.findUniqueOrThrow({
  where: { email: meta.managers[1]!.email },
  select: { managedTeams: { select: { teamId: true } } },
});
const others = await prisma.user.findMany({
  where: { teamId: { in: second.managedTeams.map((t) => t.teamId) } },
  select: { id: true },
});
const otherIds = others.map((p) => p.id);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(run: () => unknown, before?: () => unknown, times = 5) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    await before?.();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
const rows: [string, number, number][] = [];

// 1. Per-person records (lru-cache, keyed by RecordsVersion): read from the database, or a
// version check and memory.
const rollout = await loadRollout();
await listEnrollments(ids, new Date(), rollout); // compiles the course once, fills the caches
rows.push([
  "records of 1,000 people",
  await time(() => trainingRecords(otherIds, { remember: false })),
  await time(() => trainingRecords(ids)),
]);

// 2. Enrollments remembered per person against their records and the rollout: worked out again
// (a fresh rollout object each time) or taken as they are.
rows.push([
  "enrollments of 1,000 people (records warm)",
  await time(async () => listEnrollments(ids, new Date(), { ...rollout })),
  await time(() => listEnrollments(ids, new Date(), rollout)),
]);

// 3. Due dates and deadlines (bounded caches over Intl's time-zone arithmetic): the matrix's
// 18,000 enrollments with everyone's own start dates, computed fresh or remembered.
const zones = ["Europe/Ljubljana", "Europe/Bratislava", "Europe/Copenhagen", "Europe/Vilnius"];
const inputs = Array.from({ length: 18_000 }, (_, i) => ({
  start: new Date(Date.UTC(2026, 9, 1) + (i % 300) * 3_600_000 * 7),
  timeZone: zones[i % zones.length]!,
  dueDays: 7 + (i % 4) * 7,
}));
// One formatter per zone, as the app keeps them: what the caches save is reading the clock.
const formatters = new Map(
  zones.map((timeZone) => [
    timeZone,
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }),
  ]),
);
const exact = (instant: Date, timeZone: string) =>
  formatters.get(timeZone)!.format(instant).slice(0, 10);
rows.push([
  "18,000 due dates and deadlines",
  await time(() => {
    for (const x of inputs) {
      const date = addDays(exact(x.start, x.timeZone), x.dueDays);
      // The deadline: local midnight after the due date, found by reading the zone's clock.
      exact(new Date(`${addDays(date, 1)}T00:00:00Z`), x.timeZone);
    }
  }),
  await time(() => {
    for (const x of inputs) {
      const date = dueDate({
        rule: "after_assignment",
        dueDays: x.dueDays,
        assignedAt: x.start,
        hiredAt: null,
        reopenedAt: null,
        timeZone: x.timeZone,
      });
      dueDeadline(date, x.timeZone);
    }
  }),
]);

console.log("layer | cold ms | warm ms | saved per call");
for (const [name, cold, warm] of rows)
  console.log(`${name} | ${cold.toFixed(1)} | ${warm.toFixed(1)} | ${(cold - warm).toFixed(1)} ms`);
await prisma.$disconnect();
