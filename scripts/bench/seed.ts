// `npm run bench:seed -- --employees 10000 --modules 50 [--database <url>]`: a large organisation
// in its own database for `npm run bench`: teams of about 20, area managers of 50 teams (1,000
// people each), a course of N modules and a spread of progress, attempts, role-play runs,
// signatures, completions, observations and recognition, written in batches.
import { randomBytes, randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ModuleArtefact } from "~/content/compile.server";
import { readStandards } from "~/content/standards.server";
import {
  benchContentDir,
  compileBenchContent,
  defaultDatabaseUrl,
  writeBenchContent,
  writeSeedMeta,
} from "./workspace";

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "10000" },
    modules: { type: "string", default: "50" },
    database: { type: "string", default: defaultDatabaseUrl },
  },
});
const employeeCount = Number(values.employees);
const moduleCount = Number(values.modules);
const databaseUrl = values.database!;
if (!Number.isInteger(employeeCount) || employeeCount < 20 || employeeCount > 1_000_000) {
  throw new Error("--employees must be a whole number from 20 to 1,000,000");
}
if (!Number.isInteger(moduleCount) || moduleCount < 1 || moduleCount > 99) {
  throw new Error("--modules must be a whole number from 1 to 99");
}

const teamSize = 20;
const teamsPerManager = 50;
export const benchDomain = "bench.frontline.test";
export const benchPassword = "bench-password-not-secret";
const day = 24 * 60 * 60 * 1000;
const started = Date.now();
process.env.LOG_LEVEL ??= "warn";
const now = new Date();

// A seeded generator, so two seeds of the same size give the same organisation.
let state = 0x2f6b1d3;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const daysAgo = (days: number) => new Date(now.getTime() - days * day);

// Names with accents, so search and sorting work on real-looking data.
const firstNames = (
  "Ana Luka Maja Jakob Zoë Nikola Eva Mateo Ines Tomáš Amélie Søren Chiara Oğuz Priya Kwame Mei " +
  "Jonas Zofia Émile Hana Diego Aino Rafael Leila Björn Noor Pavel Sara Yusuf"
).split(" ");
const lastNames = (
  "Novak Horvat Kovačič Müller Rossi García Nowak Dubois Jensen Öztürk Okafor Chen Silva " +
  "Kowalski Virtanen Costa Petrović Larsen Moreau Mensah Tanaka Fischer Duarte Brennan Haddad " +
  "Ivanova Nyström Russo"
).split(" ");
const zones = [
  "Europe/Ljubljana",
  "Europe/London",
  "Europe/Lisbon",
  "America/New_York",
  "Asia/Tokyo",
];
const channels = ["phone", "email", "chat", "in-person"];

type Row = Record<string, unknown>;
const rowCounts: Record<string, number> = {};

const { migrate } = await import("~/db/migrate.server");
const { createPrismaClient, sqlitePath, isPostgresUrl } = await import("~/db.server");

if (!isPostgresUrl(databaseUrl)) {
  const file = sqlitePath(databaseUrl);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}
await migrate(databaseUrl, { log: () => {} });
const db = createPrismaClient(databaseUrl);
if (isPostgresUrl(databaseUrl)) {
  // A database reused for a second seed: start from nothing, like the SQLite file.
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length) {
    await db.$executeRawUnsafe(
      `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`,
    );
  }
}

/** createMany in batches; SQLite and PostgreSQL both take a few thousand values per statement. */
async function insert(model: string, rows: Row[], batch = 500) {
  const delegate = (
    db as unknown as Record<string, { createMany(a: { data: Row[] }): Promise<unknown> }>
  )[model]!;
  for (let start = 0; start < rows.length; start += batch) {
    await delegate.createMany({ data: rows.slice(start, start + batch) });
  }
  rowCounts[model] = (rowCounts[model] ?? 0) + rows.length;
}

console.log(`bench:seed: ${employeeCount} employees, ${moduleCount} modules → ${databaseUrl}`);
await writeBenchContent(moduleCount);
const artefacts = await compileBenchContent();
const modules = artefacts.filter((m) => m.frontmatter && !m.frontmatter.draft);
console.log(`  course: ${modules.length} modules compiled (${benchContentDir})`);

const { syncModuleVersions } = await import("~/content/sync.server");
await syncModuleVersions(db, artefacts, daysAgo(120));

// People.
const { hashPassword } = await import("~/auth/password.server");
const { searchKeyOf } = await import("~/utils/search-key");
const passwordHash = await hashPassword(benchPassword);
const teamCount = Math.ceil(employeeCount / teamSize);
const managerCount = Math.ceil(teamCount / teamsPerManager);
const teams = Array.from({ length: teamCount }, (_, i) => ({
  id: randomUUID(),
  name: `Store ${String(i + 1).padStart(4, "0")}`,
  slug: `store-${i + 1}`,
  managerId: null as string | null,
}));
const managers = Array.from({ length: managerCount }, (_, i) => ({
  id: randomUUID(),
  email: `manager-${String(i + 1).padStart(3, "0")}@${benchDomain}`,
  name: `${pick(firstNames)} ${pick(lastNames)}`,
  role: "manager",
  timeZone: pick(zones),
  hiredAt: daysAgo(between(400, 3000)),
  createdAt: daysAgo(400),
}));
teams.forEach((team, i) => (team.managerId = managers[Math.floor(i / teamsPerManager)]!.id));
const staff = [
  { email: `admin@${benchDomain}`, name: "Bench Admin", role: "admin" },
  { email: `trainer@${benchDomain}`, name: "Bench Trainer", role: "trainer" },
].map((u) => ({ ...u, id: randomUUID(), timeZone: "Europe/Ljubljana", createdAt: daysAgo(400) }));
const employees = Array.from({ length: employeeCount }, (_, i) => {
  const joined = between(0, 420);
  return {
    id: randomUUID(),
    email: `e${String(i + 1).padStart(6, "0")}@${benchDomain}`,
    name: `${pick(firstNames)} ${pick(lastNames)}`,
    role: "employee",
    timeZone: pick(zones),
    hiredAt: daysAgo(joined + between(0, 30)),
    createdAt: daysAgo(joined),
    teamId: teams[Math.floor(i / teamSize)]!.id,
  };
});
// Found by the admin's search as the app would store them.
const searchable = <T extends { name: string }>(people: T[]) =>
  people.map((p) => ({ ...p, searchKey: searchKeyOf(p.name) }));
await insert("user", searchable([...staff, ...managers]));
await insert(
  "team",
  teams.map(({ managerId: _, ...team }) => team),
);
await insert(
  "teamManager",
  teams.map((team) => ({ teamId: team.id, userId: team.managerId! })),
);
await insert("user", searchable(employees));
await insert(
  "password",
  [...staff, ...managers, ...employees].map((u) => ({ userId: u.id, hash: passwordHash })),
  1000,
);

// Assignments: the first ten modules for everyone, each later one for about a fifth of the teams.
const assignments = modules.map((m, i) => ({
  id: randomUUID(),
  moduleSlug: m.slug,
  roles: "[]",
  teamIds: JSON.stringify(i < 10 ? [] : teams.filter(() => random() < 0.2).map((t) => t.id)),
  dueDays: pick([14, 21, 30]),
  createdAt: daysAgo(between(5, 90)),
  createdById: staff[0]!.id,
}));
await insert("assignment", assignments);

// Progress per person and assigned module: about half completed, a fifth under way.
type Readable = ModuleArtefact & { frontmatter: NonNullable<ModuleArtefact["frontmatter"]> };
const key = (m: Readable) => ({
  moduleSlug: m.slug,
  moduleVersion: m.frontmatter.version,
  contentHash: m.hash,
});
const answersFor = (quiz: Readable["quizzes"][number], right: boolean) =>
  JSON.stringify(
    Object.fromEntries(
      quiz.questions.map((q) => [
        q.id,
        right
          ? q.options.filter((o) => o.correct).map((o) => o.id)
          : [(q.options.find((o) => !o.correct) ?? q.options[0]!).id],
      ]),
    ),
  );
const maxScore = (s: Readable["scenarios"][number]) =>
  s.nodes.reduce((sum, n) => sum + Math.max(0, ...n.choices.map((c) => c.score)), 0);

const buffers: Record<string, Row[]> = {};
const push = (model: string, row: Row) => (buffers[model] ??= []).push(row);
async function flush(force = false) {
  for (const [model, rows] of Object.entries(buffers)) {
    if (rows.length && (force || rows.length >= 5000)) {
      buffers[model] = [];
      await insert(model, rows);
    }
  }
}

const standards = readStandards(benchContentDir).standards.map((s) => s.id);
const managerOfTeam = new Map(teams.map((t) => [t.id, t.managerId!]));
const teamsOfAssignment = assignments.map((a) => new Set(JSON.parse(a.teamIds) as string[]));
for (const [index, person] of employees.entries()) {
  for (const [i, module] of (modules as Readable[]).entries()) {
    const teamIds = teamsOfAssignment[i]!;
    if (teamIds.size && !teamIds.has(person.teamId)) continue;
    const roll = random();
    if (roll > 0.72) continue; // not started
    const done = roll < 0.52;
    const at = daysAgo(between(1, 60));
    const sections = done ? module.sections : module.sections.slice(0, between(0, 3));
    for (const section of sections) {
      push("sectionRead", {
        userId: person.id,
        moduleSlug: module.slug,
        moduleVersion: module.frontmatter.version,
        sectionId: section.id,
        readAt: at,
      });
    }
    for (const quiz of module.quizzes) {
      const failedFirst = random() < 0.25;
      if (!done && !failedFirst) continue;
      const attempts = failedFirst ? (done ? [false, true] : [false]) : [true];
      attempts.forEach((passed, n) => {
        const questionCount = quiz.questions.length;
        const correctCount = passed ? questionCount : 0;
        push("quizAttempt", {
          id: randomUUID(),
          userId: person.id,
          ...key(module),
          quizId: quiz.id,
          number: n + 1,
          answers: answersFor(quiz, passed),
          correctCount,
          questionCount,
          score: Math.round((correctCount / questionCount) * 100),
          passed,
          submittedAt: at,
        });
      });
    }
    if (done) {
      for (const scenario of module.scenarios) {
        const score = maxScore(scenario);
        push("scenarioRun", {
          id: randomUUID(),
          userId: person.id,
          ...key(module),
          scenarioId: scenario.id,
          number: 1,
          status: "finished",
          path: "[]",
          steps: scenario.nodes.length,
          score,
          maxScore: score,
          endingId: scenario.endings.find((e) => e.rating === "good")?.id ?? null,
          passed: true,
          startedAt: at,
          finishedAt: at,
        });
      }
      if (module.frontmatter.attestation) {
        push("attestation", {
          id: randomUUID(),
          userId: person.id,
          ...key(module),
          statement: module.frontmatter.attestation,
          typedName: person.name,
          signedAt: at,
        });
      }
      push("moduleCompletion", {
        id: randomUUID(),
        userId: person.id,
        ...key(module),
        completedAt: at,
        certificateCode: randomBytes(8).toString("hex").toUpperCase(),
      });
    }
  }

  // A third of the people have been observed once to three times by their manager.
  if (random() < 0.33) {
    const managerId = managerOfTeam.get(person.teamId)!;
    for (let n = between(1, 3); n > 0; n--) {
      const observationId = randomUUID();
      const ratings = Object.fromEntries(
        standards.map((s) => [s, random() < 0.1 ? null : between(2, 5)]),
      );
      push("observation", {
        id: observationId,
        managerId,
        employeeId: person.id,
        observedAt: daysAgo(between(1, 120)),
        channel: pick(channels),
        ratings: JSON.stringify(ratings),
        notes: "Handled the customer calmly and confirmed the next step.",
        acknowledgedAt: random() < 0.6 ? daysAgo(between(0, 10)) : null,
      });
      if (random() < 0.3) {
        push("recognition", {
          id: randomUUID(),
          fromId: managerId,
          toId: person.id,
          reason: "Turned an angry caller into a thank-you e-mail.",
          points: pick([5, 10, 25]),
          badge: pick(["listener", "problem-solver", null]),
          observationId,
          createdAt: daysAgo(between(0, 60)),
        });
      }
    }
  }
  if (index % 1000 === 999) await flush();
}
await flush(true);

const seconds = Math.round((Date.now() - started) / 100) / 10;
const peoplePerManager = managers.map((m) => ({
  email: m.email,
  people: employees.filter((e) => managerOfTeam.get(e.teamId) === m.id).length,
}));
writeSeedMeta({
  databaseUrl,
  employees: employeeCount,
  modules: modules.length,
  managers: peoplePerManager,
  seededAt: now.toISOString(),
  seconds,
  rows: rowCounts,
});
await db.$disconnect();
const total = Object.values(rowCounts).reduce((a, b) => a + b, 0);
console.log(
  `  ${total.toLocaleString("en")} rows in ${seconds} s: ` +
    Object.entries(rowCounts)
      .map(([model, n]) => `${model} ${n.toLocaleString("en")}`)
      .join(", "),
);
