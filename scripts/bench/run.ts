// `npm run bench [-- --seconds 10 --connections 50 --database <url> --no-build]`: build, start the
// production server on the database `npm run bench:seed` filled, and drive load with autocannon.
// Every figure is set against the framework's own floor measured in the same run: a bare Remix
// app (bench/bare: a document with no data, a static page as large as the Frontline page it is
// compared with, a form post inserting one row), served the same way on the same database kind.
// Prints a table and writes bench/results.json. Targets are reported, never asserted in `npm test`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ModuleArtefact } from "~/content/compile.server";
import type { LoadOptions, LoadResult, RequestPlan } from "./load";
import { load, paced } from "./load";
import type { Running } from "./servers";
import { bareBuildDir, memory, startApp, startBare } from "./servers";
import {
  benchDir,
  compileBenchContent,
  defaultDatabaseUrl,
  prepareServerDir,
  readSeedMeta,
  workDir,
} from "./workspace";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    database: { type: "string", default: defaultDatabaseUrl },
    "no-build": { type: "boolean", default: false },
    "no-scale-out": { type: "boolean", default: false },
    // Write V8 CPU profiles of the server to bench/.work/profiles.
    profile: { type: "boolean", default: false },
    // Run only the scenarios whose names contain one of these words (comma-separated); a
    // Frontline scenario brings its bare baseline along (module-page runs bare-page too).
    only: { type: "string" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const databaseUrl = values.database!;
const dialect = /^postgres/.test(databaseUrl) ? "postgres" : "sqlite";
const seed = readSeedMeta(databaseUrl);
if (!seed || seed.databaseUrl !== databaseUrl) {
  console.error(`No seeded bench database at ${databaseUrl}: run npm run bench:seed first.`);
  process.exit(1);
}

// The app's modules read these when imported below: the bench's sessions must match the server's.
process.env.DATABASE_URL = databaseUrl;
process.env.COOKIE_SECURE = "true";
process.env.LOG_LEVEL = "warn";

if (!values["no-build"]) {
  for (const script of ["build", "bench:build-bare"]) {
    console.log(`bench: building (npm run ${script})…`);
    const build = spawnSync("npm", ["run", script], { stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
} else if (!existsSync(path.join(bareBuildDir, "server", "index.js"))) {
  console.error("No build of the bare app: run npm run bench:build-bare, or drop --no-build.");
  process.exit(1);
}
const modules = (await compileBenchContent()).filter(
  (m): m is ModuleArtefact & { frontmatter: NonNullable<ModuleArtefact["frontmatter"]> } =>
    m.frontmatter !== null && !m.frontmatter.draft,
);
prepareServerDir(modules);

const { prisma } = await import("~/db.server");
const { generateSessionToken, sessionIdFromToken } = await import("~/auth/session-token.server");
const { initialExpiry } = await import("~/auth/session-lifetime");
const { sessionCookieName } = await import("~/auth/cookie.server");

/** Sessions for many users at once, as the login form would make them; returns Cookie headers. */
async function cookiesFor(userIds: string[]) {
  const now = new Date();
  const tokens = userIds.map(() => generateSessionToken());
  const rows = userIds.map((userId, i) => ({
    id: sessionIdFromToken(tokens[i]!),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: initialExpiry(now),
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await prisma.session.createMany({ data: rows.slice(start, start + 500) });
  }
  return new Map(userIds.map((id, i) => [id, `${sessionCookieName()}=${tokens[i]}`]));
}

const emailOf = (local: string) => `${local}@bench.frontline.test`;
const idOf = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

// Who the load is made of.
const employees = await prisma.user.findMany({
  where: { role: "employee", active: true },
  orderBy: { email: "asc" },
  select: { id: true, email: true },
});
const manager = seed.managers[0]!;
const readers = employees.filter((_, i) => i % Math.ceil(employees.length / 200) === 0);
// Slovenian readers of the same module page: its translation against the English one.
const slReaders = employees.filter((_, i) => i % Math.ceil(employees.length / 200) === 1);
await prisma.user.updateMany({
  where: { id: { in: slReaders.map((r) => r.id) } },
  data: { locale: "sl" },
});
const quizModules = modules.slice(0, 10).filter((m) => m.quizzes.length);
const taken = new Set(
  (
    await prisma.quizAttempt.findMany({
      where: { moduleSlug: { in: quizModules.map((m) => m.slug) } },
      select: { userId: true, moduleSlug: true, quizId: true },
    })
  ).map((a) => `${a.userId} ${a.moduleSlug} ${a.quizId}`),
);
// Quiz submissions: first attempts by people who have not tried that quiz, one person after
// another, so consecutive requests come from different users.
const quizItems = quizModules.flatMap((module) => {
  const quiz = module.quizzes[0]!;
  const body = new URLSearchParams({ intent: "quiz-submit", quizId: quiz.id, attempt: "1" });
  for (const q of quiz.questions) {
    for (const o of q.options.filter((o) => o.correct)) body.append(`answer:${q.id}`, o.id);
  }
  return employees
    .filter((e) => !taken.has(`${e.id} ${module.slug} ${quiz.id}`))
    .map((e) => ({ userId: e.id, slug: module.slug, quizId: quiz.id, body: body.toString() }));
});
const cookies = await cookiesFor([
  ...new Set([
    ...readers.map((r) => r.id),
    ...slReaders.map((r) => r.id),
    ...quizItems.map((q) => q.userId),
  ]),
]);
const [managerId, adminId] = await Promise.all([idOf(manager.email), idOf(emailOf("admin"))]);
const staffCookies = await cookiesFor([managerId, adminId]);
const readSlug = modules[0]!.slug;
// The login flood starts from an address the throttle has not seen, as a new attacker's would:
// its first guesses are checked (hashed) before it is refused. Earlier runs' failures go.
await prisma.loginFailure.deleteMany({});
await prisma.$disconnect();

let nextQuiz = 0;
const quizLedger = new Map<number, "sent" | "acknowledged" | "refused">();

function quizRequest(origin: string) {
  return () => {
    const index = nextQuiz++;
    const item = quizItems[index];
    if (!item) throw new Error("the quiz pool ran out: seed more employees or shorten the run");
    quizLedger.set(index, "sent");
    return {
      method: "POST" as const,
      path: `/training/${item.slug}`,
      headers: {
        Cookie: cookies.get(item.userId)!,
        Origin: origin,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: item.body,
      onAnswer: (status: number) =>
        quizLedger.set(index, status < 400 ? "acknowledged" : "refused"),
    };
  };
}

let nextReader = 0;
const readerRequest = (): RequestPlan => ({
  path: `/training/${readSlug}`,
  headers: { Cookie: cookies.get(readers[nextReader++ % readers.length]!.id)! },
});
let nextTrainingReader = 0;
const trainingRequest = (): RequestPlan => ({
  path: "/training",
  headers: { Cookie: cookies.get(readers[nextTrainingReader++ % readers.length]!.id)! },
});
let nextSlReader = 0;
const slReaderRequest = (): RequestPlan => ({
  path: `/training/${readSlug}`,
  headers: { Cookie: cookies.get(slReaders[nextSlReader++ % slReaders.length]!.id)! },
});
const managerRequest = (pathname: string): RequestPlan => ({
  path: pathname,
  headers: { Cookie: staffCookies.get(managerId)! },
});

// Bare inserts: one row each, numbered, tagged with this run, so every acknowledged one can be
// looked up afterwards.
const bareRun = `run-${Date.now()}`;
let nextInsert = 0;
const insertLedger = new Map<number, "sent" | "acknowledged" | "refused">();
function bareInsertRequest(origin: string) {
  return () => {
    const n = nextInsert++;
    insertLedger.set(n, "sent");
    return {
      method: "POST" as const,
      path: "/insert",
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ run: bareRun, n: String(n), note: "bench" }).toString(),
      onAnswer: (status: number) => insertLedger.set(n, status < 400 ? "acknowledged" : "refused"),
    };
  };
}

async function compiles(origin: string) {
  const health = (await (await fetch(`${origin}/healthz`)).json()) as {
    content: { compiles: number };
  };
  return health.content.compiles;
}

const busyPattern = /SQLITE_BUSY|database is locked|could not serialize|deadlock/i;
type Scenario = LoadResult & { peakMiB: number; busy: number; notes?: Record<string, unknown> };

/** A load run against the app, with the server's memory peak and busy errors during it. */
async function measured(app: Running, run: () => Promise<LoadResult>): Promise<Scenario> {
  const logFrom = app.output.length;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory(app.pids()).rssMiB);
  }, 200);
  const result = await run();
  clearInterval(sampler);
  const busy = app.output.slice(logFrom).filter((line) => busyPattern.test(line)).length;
  return { ...result, peakMiB: Math.max(peak, memory(app.pids()).rssMiB), busy };
}

/** One autocannon run against a server at the run's settings (`connections`, `seconds`). */
function drive(
  server: Running,
  name: string,
  request: LoadOptions["request"],
  runConnections = connections,
) {
  return load({ name, origin: server.origin, connections: runConnections, seconds, request });
}

/** Quiz submissions from distinct users, then every acknowledged one looked up in the database. */
async function quizRun(app: Running, name: string): Promise<Scenario> {
  const first = nextQuiz;
  const result = await measured(app, () => drive(app, name, quizRequest(app.origin)));
  const sent = quizItems.slice(first, nextQuiz).map((item, i) => ({
    item,
    state: quizLedger.get(first + i)!,
  }));
  const { createPrismaClient } = await import("~/db.server");
  const db = createPrismaClient(databaseUrl);
  const stored = new Set<string>();
  const users = [...new Set(sent.map((s) => s.item.userId))];
  for (let start = 0; start < users.length; start += 500) {
    const rows = await db.quizAttempt.findMany({
      where: { userId: { in: users.slice(start, start + 500) }, number: 1 },
      select: { userId: true, moduleSlug: true, quizId: true },
    });
    for (const r of rows) stored.add(`${r.userId} ${r.moduleSlug} ${r.quizId}`);
  }
  await db.$disconnect();
  const has = (s: (typeof sent)[number]) =>
    stored.has(`${s.item.userId} ${s.item.slug} ${s.item.quizId}`);
  const acknowledged = sent.filter((s) => s.state === "acknowledged");
  return {
    ...result,
    notes: {
      acknowledged: acknowledged.length,
      storedOfAcknowledged: acknowledged.filter(has).length,
      lost: acknowledged.filter((s) => !has(s)).length,
      refused: sent.filter((s) => s.state === "refused").length,
      // Sent when the run's clock stopped, so never answered: stored or not, nobody was told.
      unansweredButStored: sent.filter((s) => s.state === "sent" && has(s)).length,
    },
  };
}

/** Inserts into the bare app, then every acknowledged one looked up in its database. */
async function bareInsertRun(bare: Running & { databaseUrl: string }): Promise<Scenario> {
  const first = nextInsert;
  const result = await measured(bare, () =>
    drive(bare, "bare-insert", bareInsertRequest(bare.origin)),
  );
  const { createPrismaClient } = await import("~/db.server");
  const db = createPrismaClient(bare.databaseUrl);
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT n FROM bare_row WHERE run = ${bareRun}`;
  await db.$disconnect();
  const stored = new Set(rows.map((r) => Number(r.n)));
  const sent = [...insertLedger].filter(([n]) => n >= first);
  const acknowledged = sent.filter(([, state]) => state === "acknowledged");
  const lost = acknowledged.filter(([n]) => !stored.has(n)).length;
  if (lost) console.error(`bench: the bare app lost ${lost} acknowledged inserts`);
  return {
    ...result,
    notes: {
      acknowledged: acknowledged.length,
      storedOfAcknowledged: acknowledged.length - lost,
      lost,
      refused: sent.filter(([, state]) => state === "refused").length,
      rowsStored: stored.size,
    },
  };
}

/**
 * The admin's people import: a 10,000-row file (8,000 people already here, most moving to another
 * team, and 2,000 new ones) uploaded and previewed, three times one after another.
 */
async function importPreviewRun(app: Running): Promise<Scenario> {
  const teamCount = Math.ceil(seed!.employees / 20);
  const team = (i: number) => `Store ${String((i % teamCount) + 1).padStart(4, "0")}`;
  const lines = ["email,name,team"];
  for (let i = 1; i <= 8000; i++)
    lines.push(`${emailOf(`e${String(i).padStart(6, "0")}`)},,${team(i * 7)}`);
  for (let i = 1; i <= 2000; i++)
    lines.push(`${emailOf(`imported-${i}`)},Imported Person ${i},${team(i)}`);
  const file = `${lines.join("\r\n")}\r\n`;
  const cookie = staffCookies.get(adminId)!;
  const latencies: number[] = [];
  const result = await measured(app, async () => {
    const started = performance.now();
    for (let run = 0; run < 3; run++) {
      const form = new FormData();
      form.set("file", new File([file], "staff.csv", { type: "text/csv" }));
      const t = performance.now();
      const response = await fetch(`${app.origin}/admin/people/import`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: app.origin },
        body: form,
      });
      const text = await response.text();
      if (!response.ok || !text.includes("unchanged"))
        throw new Error(`the import preview answered ${response.status}`);
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    const total = (performance.now() - started) / 1000;
    return {
      name: "import-preview",
      connections: 1,
      seconds: Math.round(total * 10) / 10,
      requests: latencies.length,
      rps: Math.round((latencies.length / total) * 100) / 100,
      p50: Math.round(latencies[1]!),
      p95: Math.round(latencies.at(-1)!),
      p99: Math.round(latencies.at(-1)!),
      max: Math.round(latencies.at(-1)!),
      errors: 0,
      statuses: { 200: latencies.length },
    };
  });
  return { ...result, notes: { rows: 10_000, fileBytes: Buffer.byteLength(file) } };
}

/** Whole CSV downloads one after another: rows per second of a full export. */
async function csvRun(app: Running, who: "admin" | "manager"): Promise<Scenario> {
  const cookie = staffCookies.get(who === "admin" ? adminId : managerId)!;
  const runs: { rows: number; seconds: number }[] = [];
  const result = await measured(app, async () => {
    const started = performance.now();
    const latencies: number[] = [];
    while (runs.length < 3 || performance.now() - started < 3000) {
      const t = performance.now();
      const response = await fetch(`${app.origin}/team/export.csv`, {
        headers: { Cookie: cookie },
      });
      if (!response.ok) throw new Error(`CSV export answered ${response.status}`);
      const text = await response.text();
      const elapsed = (performance.now() - t) / 1000;
      latencies.push(elapsed * 1000);
      runs.push({ rows: text.split("\r\n").filter(Boolean).length - 1, seconds: elapsed });
      if (runs.length >= 10) break;
    }
    latencies.sort((a, b) => a - b);
    const total = (performance.now() - started) / 1000;
    return {
      name: `csv-${who}`,
      connections: 1,
      seconds: Math.round(total * 10) / 10,
      requests: runs.length,
      rps: Math.round((runs.length / total) * 10) / 10,
      p50: Math.round(latencies[Math.floor(latencies.length / 2)]!),
      p95: Math.round(latencies.at(-1)!),
      p99: Math.round(latencies.at(-1)!),
      max: Math.round(latencies.at(-1)!),
      errors: 0,
      statuses: { 200: runs.length },
    };
  });
  const rows = runs[0]!.rows;
  const best = Math.min(...runs.map((r) => r.seconds));
  const median = runs.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return {
    ...result,
    notes: {
      rows,
      rowsPerSecond: Math.round(rows / median),
      bestRowsPerSecond: Math.round(rows / best),
      // The first export works out every enrollment afresh; later ones reuse what it remembered.
      firstRowsPerSecond: Math.round(rows / runs[0]!.seconds),
    },
  };
}

// Pages other people use while a login flood runs, arriving one by one at a steady rate that
// leaves room to spare (paced: autocannon's rate option sends in bursts).
const steadyRate = 25;
async function steadyPages(app: Running, label: string) {
  const pages: [string, () => RequestPlan][] = [
    ["module-page-steady", readerRequest],
    ["login-steady", () => ({ path: "/login" })],
  ];
  return Promise.all(
    pages.map(([name, request]) =>
      measured(app, () =>
        paced({ name: `${name}${label}`, origin: app.origin, seconds, rate: steadyRate, request }),
      ),
    ),
  );
}

function loginFlood(app: Running) {
  let n = 0;
  return drive(app, "login-flood", () => {
    const person = employees[(n++ * 7919) % employees.length]!;
    return {
      method: "POST",
      path: "/login",
      headers: { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: person.email, password: `wrong-${n}` }).toString(),
    };
  });
}

async function warmUp(app: Running) {
  await load({
    name: "warm-up",
    origin: app.origin,
    connections: 10,
    seconds: 3,
    request: readerRequest,
  });
  await load({
    name: "warm-up",
    origin: app.origin,
    connections: 10,
    seconds: 2,
    request: { path: "/login" },
  });
  for (let i = 0; i < 3; i++) await fetch(`${app.origin}/team`, managerRequest("/team"));
  for (let i = 0; i < 5; i++)
    await (await fetch(`${app.origin}/training`, trainingRequest())).text();
}

async function warmUpBare(bare: Running, pageBytes: number[]) {
  const requests: LoadOptions["request"][] = [
    { path: "/" },
    ...pageBytes.map((bytes) => ({ path: `/page?bytes=${bytes}` })),
  ];
  for (const request of requests) {
    await load({ name: "warm-up", origin: bare.origin, connections: 10, seconds: 2, request });
  }
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${bare.origin}/insert`, {
      method: "POST",
      headers: { Origin: bare.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ run: "warm-up", n: String(i), note: "bench" }),
      redirect: "manual",
    });
    await response.arrayBuffer();
  }
}

/**
 * One whole-organisation CSV export from a freshly started server, so nothing earlier runs left
 * in its memory counts: the process's peak resident memory (VmHWM), start-up included.
 */
async function csvPeakRun(): Promise<Scenario> {
  const fresh = await startApp(databaseUrl, 1);
  const before = memory(fresh.pids());
  let rows = 0;
  const result = await measured(fresh, async () => {
    const started = performance.now();
    const response = await fetch(`${fresh.origin}/team/export.csv`, {
      headers: { Cookie: staffCookies.get(adminId)! },
    });
    if (!response.ok) throw new Error(`CSV export answered ${response.status}`);
    rows = (await response.text()).split("\r\n").filter(Boolean).length - 1;
    const ms = Math.round(performance.now() - started);
    return {
      name: "csv-peak",
      connections: 1,
      seconds: Math.round(ms / 100) / 10,
      requests: 1,
      rps: Math.round((1000 / ms) * 10) / 10,
      p50: ms,
      p95: ms,
      p99: ms,
      max: ms,
      errors: 0,
      statuses: { 200: 1 },
    };
  });
  const after = memory(fresh.pids());
  await fresh.stop();
  return {
    ...result,
    notes: {
      rows,
      rssBeforeMiB: before.rssMiB,
      peakBeforeMiB: before.peakMiB,
      peakMiB: after.peakMiB,
    },
  };
}

const scenarios: Record<string, Scenario | LoadResult> = {};
const record = (s: Scenario | LoadResult) => {
  scenarios[s.name] = s;
  const extra = "notes" in s && s.notes ? `  ${JSON.stringify(s.notes)}` : "";
  console.log(
    `  ${s.name.padEnd(30)} ${String(s.rps).padStart(7)} req/s  p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  errors ${s.errors}${extra}`,
  );
};

console.log(
  `bench: ${dialect}, ${seed.employees} employees, ${modules.length} modules, ${connections} connections, ${seconds} s per run`,
);

const profileDir = values.profile ? path.join(workDir, "profiles") : undefined;
const app = await startApp(databaseUrl, 1, profileDir);
const compilesBefore = await compiles(app.origin);
await warmUp(app);

// The pages' sizes as their readers get them: each bare page is rendered as large.
const pageHtml = async (request: RequestPlan) => {
  const response = await fetch(`${app.origin}${request.path}`, { headers: request.headers });
  const text = await response.text();
  if (!response.ok || !text.includes("</html>")) throw new Error(`${request.path} did not render`);
  return Buffer.byteLength(text);
};
const pageBytes = {
  modulePage: await pageHtml(readerRequest()),
  training: await pageHtml(trainingRequest()),
};

// The bare app runs alongside, idle while the app is measured and the other way round, so each
// pair of runs (bare-trivial and login, bare-page and module-page, …) is measured back to back.
const bare = await startBare(databaseUrl);
const barePagePath = async (bytes: number) => {
  const actual = Buffer.byteLength(
    await (await fetch(`${bare.origin}/page?bytes=${bytes}`)).text(),
  );
  // bench/bare/app/routes/page.tsx knows the size of its document around the content.
  if (Math.abs(actual - bytes) > bytes * 0.03) {
    throw new Error(
      `the bare page asked for ${bytes} bytes has ${actual}: update shellBytes in bench/bare/app/routes/page.tsx`,
    );
  }
  return { path: `/page?bytes=${bytes}` };
};
const barePage = await barePagePath(pageBytes.modulePage);
const barePageTraining = await barePagePath(pageBytes.training);
await warmUpBare(bare, [pageBytes.modulePage, pageBytes.training]);

// Steps run in this order; --only picks some by name.
const only = values.only?.split(",").filter(Boolean);
const wanted = (...names: string[]) =>
  !only || names.some((name) => only.some((word) => name.includes(word)));
if (wanted("bare-trivial", "login")) {
  record(await measured(bare, () => drive(bare, "bare-trivial", { path: "/" })));
}
if (wanted("login")) {
  record(await measured(app, () => drive(app, "login", { path: "/login" })));
}
if (wanted("bare-page", "module-page")) {
  record(await measured(bare, () => drive(bare, "bare-page", barePage)));
}
if (wanted("module-page")) {
  record(await measured(app, () => drive(app, "module-page", readerRequest)));
  const slHtml = await (
    await fetch(`${app.origin}/training/${readSlug}`, slReaderRequest())
  ).text();
  if (!slHtml.includes('<html lang="sl"'))
    throw new Error("the Slovenian module page is not in sl");
  record(await measured(app, () => drive(app, "module-page-sl", slReaderRequest)));
}
if (wanted("bare-page-training", "training")) {
  record(await measured(bare, () => drive(bare, "bare-page-training", barePageTraining)));
}
if (wanted("training")) {
  record(await measured(app, () => drive(app, "training", trainingRequest)));
}
if (wanted("bare-insert", "quiz-submit")) record(await bareInsertRun(bare));
if (wanted("quiz-submit")) record(await quizRun(app, "quiz-submit"));
await bare.stop();
if (wanted("team-matrix", "team-matrix-5-managers")) {
  // One manager opening the page (the target), then five managers at once.
  for (const [name, matrixConnections] of [
    ["team-matrix", 1],
    ["team-matrix-5-managers", 5],
  ] as const) {
    record(await measured(app, () => drive(app, name, managerRequest("/team"), matrixConnections)));
  }
}
if (wanted("admin-people", "admin-people-search")) {
  // The admin's list of everyone: the first page, then a search that sorts, filters and pages.
  const adminRequest = (pathname: string): RequestPlan => ({
    path: pathname,
    headers: { Cookie: staffCookies.get(adminId)! },
  });
  record(await measured(app, () => drive(app, "admin-people", adminRequest("/admin/people"), 1)));
  record(
    await measured(app, () =>
      drive(
        app,
        "admin-people-search",
        adminRequest("/admin/people?q=an&status=all&sort=lastSignIn&dir=desc&page=2"),
        1,
      ),
    ),
  );
}
if (wanted("import-preview")) record(await importPreviewRun(app));
if (wanted("csv-manager", "csv-admin")) {
  record(await csvRun(app, "manager"));
  record(await csvRun(app, "admin"));
}
if (wanted("login-flood")) {
  for (const s of await steadyPages(app, "")) record(s);
  const [floodResult, steadyDuring] = await Promise.all([
    measured(app, () => loginFlood(app)),
    steadyPages(app, "-during-flood"),
  ]);
  record(floodResult);
  for (const s of steadyDuring) record(s);
}
const compilesDuringRun = (await compiles(app.origin)) - compilesBefore;
const peakMiB = memory(app.pids()).peakMiB;
await app.stop();

// Memory of a whole-organisation export, in a server that has done nothing else.
if (wanted("csv-peak")) record(await csvPeakRun());

// Scale-out: the same module page and quiz runs with two app processes.
if (!values["no-scale-out"] && wanted("2-processes")) {
  const two = await startApp(databaseUrl, 2);
  await warmUp(two);
  record(await measured(two, () => drive(two, "module-page-2-processes", readerRequest)));
  record(await quizRun(two, "quiz-submit-2-processes"));
  await two.stop();
}

/** A figure of a scenario that ran and answered; null when it did not run or nothing came back. */
function figure(name: string, field: "rps" | "p95" | "p99" | "busy" | "errors") {
  const s = scenarios[name] as Scenario | undefined;
  return s && s.requests > 0 ? ((s as Record<string, unknown>)[field] as number) : null;
}
/** The larger of two figures; null unless both were measured. */
const slowerOf = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.max(a, b);
const note = (name: string, key: string) =>
  ((scenarios[name] as Scenario | undefined)?.notes?.[key] as number | undefined) ?? null;
function ratio(a: number | null, b: number | null) {
  return a !== null && b ? Math.round((a / b) * 1000) / 1000 : null;
}
const csvExportPeakMiB = note("csv-peak", "peakMiB");
const ratios = {
  loginToBareTrivial: ratio(figure("login", "rps"), figure("bare-trivial", "rps")),
  modulePageToBarePage: ratio(figure("module-page", "rps"), figure("bare-page", "rps")),
  trainingToBarePage: ratio(figure("training", "rps"), figure("bare-page-training", "rps")),
  quizSubmitToBareInsert: ratio(figure("quiz-submit", "rps"), figure("bare-insert", "rps")),
  modulePageToLogin: ratio(figure("module-page", "rps"), figure("login", "rps")),
  modulePageSlToEn: ratio(figure("module-page-sl", "rps"), figure("module-page", "rps")),
  modulePageP99DuringFlood: ratio(
    figure("module-page-steady-during-flood", "p99"),
    figure("module-page-steady", "p99"),
  ),
  loginP99DuringFlood: ratio(
    figure("login-steady-during-flood", "p99"),
    figure("login-steady", "p99"),
  ),
};
const scaleOut = {
  modulePage: ratio(figure("module-page-2-processes", "rps"), figure("module-page", "rps")),
  quizSubmit: ratio(figure("quiz-submit-2-processes", "rps"), figure("quiz-submit", "rps")),
};

type Target = { target: string; value: number | null; met: boolean };
const target = (text: string, value: number | null, met: (v: number) => boolean): Target => ({
  target: text,
  value,
  met: value !== null && met(value),
});
const quizErrors = figure("quiz-submit", "errors");
const targets: Target[] = [
  target(
    "signed-out /login ≥ 0.8 of the bare trivial route (req/s)",
    ratios.loginToBareTrivial,
    (v) => v >= 0.8,
  ),
  target(
    "module page ≥ 0.5 of a bare page of the same size (req/s)",
    ratios.modulePageToBarePage,
    (v) => v >= 0.5,
  ),
  target(
    "/training ≥ 0.5 of a bare page of its size (req/s)",
    ratios.trainingToBarePage,
    (v) => v >= 0.5,
  ),
  target(
    "quiz submissions ≥ 0.5 of bare inserts (req/s)",
    ratios.quizSubmitToBareInsert,
    (v) => v >= 0.5,
  ),
  target("0 busy errors during quiz submissions", figure("quiz-submit", "busy"), (v) => v === 0),
  target(
    "0 acknowledged quiz submissions lost (and no errors)",
    note("quiz-submit", "lost"),
    (v) => v === 0 && quizErrors === 0,
  ),
  target(
    `team matrix (${manager.people.toLocaleString("en")} people) p95 ≤ 100 ms, one manager at a time`,
    figure("team-matrix", "p95"),
    (v) => v <= 100,
  ),
  target(
    `admin's people list (${seed.employees.toLocaleString("en")} people) p95 ≤ 150 ms, plain and searched`,
    slowerOf(figure("admin-people", "p95"), figure("admin-people-search", "p95")),
    (v) => v <= 150,
  ),
  target(
    "a 10,000-row people import previewed in under 10 s (slowest of three, upload included)",
    figure("import-preview", "p95"),
    (v) => v < 10_000,
  ),
  target(
    `peak RSS during a whole-organisation CSV export (${seed.employees.toLocaleString("en")} people) ≤ 300 MiB`,
    csvExportPeakMiB,
    (v) => v <= 300,
  ),
  target(
    "Slovenian module page within 10% of the English one (req/s ratio ≥ 0.9)",
    ratios.modulePageSlToEn,
    (v) => v >= 0.9,
  ),
  target("0 MDX compiles during the run", compilesDuringRun, (v) => v === 0),
  target(
    "module page p99 during a login flood ≤ 2× its baseline",
    ratios.modulePageP99DuringFlood,
    (v) => v <= 2,
  ),
  target(
    "/login p99 during a login flood ≤ 2× its baseline",
    ratios.loginP99DuringFlood,
    (v) => v <= 2,
  ),
];

console.log(`\nratios: ${JSON.stringify(ratios)}`);
console.log(`scale-out (2 processes / 1): ${JSON.stringify(scaleOut)}`);
console.log(`page sizes (bytes of HTML): ${JSON.stringify(pageBytes)}`);
console.log(
  `compiles during the run: ${compilesDuringRun}; server memory peak: ${peakMiB} MiB; peak of a fresh server over a whole CSV export: ${csvExportPeakMiB ?? "not measured"} MiB\n`,
);
for (const t of targets) {
  const mark = t.value === null ? "–     " : t.met ? "met   " : "MISSED";
  console.log(`  ${mark}  ${t.target}: ${t.value ?? "not measured"}`);
}

const resultsFile = path.join(benchDir, "results.json");
const previous = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, unknown>)
  : {};
writeFileSync(
  resultsFile,
  JSON.stringify(
    {
      ...previous,
      [dialect]: {
        measuredAt: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryGiB: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          platform: `${os.platform()} ${os.release()}`,
        },
        seed: { employees: seed.employees, modules: seed.modules, rows: seed.rows },
        settings: { seconds, connections, steadyRate, matrixConnections: [1, 5] },
        pageBytes,
        scenarios,
        ratios,
        scaleOut,
        compilesDuringRun,
        serverPeakMiB: peakMiB,
        csvExportPeakMiB,
        targets,
      },
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
