// `npm run bench [-- --seconds 10 --connections 50 --database <url> --no-build]`: build, start the
// production server on the database `npm run bench:seed` filled, and drive load with autocannon.
// Every figure is set against baselines measured in the same run: the module page's own HTML as a
// static file (plain Node, and nginx when installed) and a trivial Remix route. Prints a table and
// writes bench/results.json. Targets are reported, never asserted in `npm test`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ModuleArtefact } from "~/content/compile.server";
import type { LoadOptions, LoadResult, RequestPlan } from "./load";
import { load, paced } from "./load";
import type { Running } from "./servers";
import { memory, startApp, startNginx, startStaticNode } from "./servers";
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
    // Run only the scenarios whose names contain one of these words (comma-separated).
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
  console.log("bench: building (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) process.exit(build.status ?? 1);
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
let nextSlReader = 0;
const slReaderRequest = (): RequestPlan => ({
  path: `/training/${readSlug}`,
  headers: { Cookie: cookies.get(slReaders[nextSlReader++ % slReaders.length]!.id)! },
});
const managerRequest = (pathname: string): RequestPlan => ({
  path: pathname,
  headers: { Cookie: staffCookies.get(managerId)! },
});

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
    ["remix-trivial-steady", () => ({ path: "/login" })],
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

// Baselines: the module page's own HTML as a static file.
const profileDir = values.profile ? path.join(workDir, "profiles") : undefined;
const app = await startApp(databaseUrl, 1, profileDir);
const compilesBefore = await compiles(app.origin);
await warmUp(app);
const html = await (await fetch(`${app.origin}/training/${readSlug}`, readerRequest())).text();
if (!html.includes("</html>")) throw new Error("the module page did not render");
mkdirSync(path.join(workDir, "static"), { recursive: true });
const staticFile = path.join(workDir, "static", "module.html");
writeFileSync(staticFile, html);
// Steps run in this order; --only picks some by name (baselines and the app's pages).
const only = values.only?.split(",").filter(Boolean);
const wanted = (name: string) => !only || only.some((word) => name.includes(word));
if (wanted("baseline-static")) {
  const staticNode = await startStaticNode(staticFile);
  record(await drive(staticNode, "baseline-static-node", { path: "/" }));
  await staticNode.stop();
  const nginx = await startNginx(staticFile);
  if (nginx) {
    record(await drive(nginx, "baseline-static-nginx", { path: "/" }));
    await nginx.stop();
  }
}
if (wanted("baseline-remix-trivial")) {
  record(await measured(app, () => drive(app, "baseline-remix-trivial", { path: "/login" })));
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
if (wanted("quiz-submit")) record(await quizRun(app, "quiz-submit"));
if (wanted("team-matrix")) {
  // One manager opening the page (the target), then five managers at once.
  for (const [name, matrixConnections] of [
    ["team-matrix", 1],
    ["team-matrix-5-managers", 5],
  ] as const) {
    record(await measured(app, () => drive(app, name, managerRequest("/team"), matrixConnections)));
  }
}
if (wanted("csv")) {
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
const note = (name: string, key: string) =>
  ((scenarios[name] as Scenario | undefined)?.notes?.[key] as number | undefined) ?? null;
function ratio(a: number | null, b: number | null) {
  return a !== null && b ? Math.round((a / b) * 1000) / 1000 : null;
}
const ratios = {
  modulePageToStaticNode: ratio(
    figure("module-page", "rps"),
    figure("baseline-static-node", "rps"),
  ),
  modulePageToStaticNginx: ratio(
    figure("module-page", "rps"),
    figure("baseline-static-nginx", "rps"),
  ),
  modulePageToRemixTrivial: ratio(
    figure("module-page", "rps"),
    figure("baseline-remix-trivial", "rps"),
  ),
  modulePageSlToEn: ratio(figure("module-page-sl", "rps"), figure("module-page", "rps")),
  modulePageP99DuringFlood: ratio(
    figure("module-page-steady-during-flood", "p99"),
    figure("module-page-steady", "p99"),
  ),
  remixTrivialP99DuringFlood: ratio(
    figure("remix-trivial-steady-during-flood", "p99"),
    figure("remix-trivial-steady", "p99"),
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
    "module page ≥ 1/15 of the static baseline (req/s ratio ≥ 0.067)",
    ratios.modulePageToStaticNode,
    (v) => v >= 1 / 15,
  ),
  target(
    `module page p99 ≤ 50 ms at ${connections} connections`,
    figure("module-page", "p99"),
    (v) => v <= 50,
  ),
  target(
    "Slovenian module page within 10% of the English one (req/s ratio ≥ 0.9)",
    ratios.modulePageSlToEn,
    (v) => v >= 0.9,
  ),
  target("0 MDX compiles during the run", compilesDuringRun, (v) => v === 0),
  target("≥ 500 quiz submissions/s", figure("quiz-submit", "rps"), (v) => v >= 500),
  target("0 busy errors during quiz submissions", figure("quiz-submit", "busy"), (v) => v === 0),
  target(
    "0 acknowledged quiz submissions lost (and no errors)",
    note("quiz-submit", "lost"),
    (v) => v === 0 && quizErrors === 0,
  ),
  target(
    "team matrix (1,000 people) p95 ≤ 150 ms, one manager at a time",
    figure("team-matrix", "p95"),
    (v) => v <= 150,
  ),
  target(
    "full CSV export ≥ 100,000 rows/s",
    note("csv-admin", "rowsPerSecond"),
    (v) => v >= 100_000,
  ),
  target(
    "module page p99 during a login flood ≤ 2× its baseline",
    ratios.modulePageP99DuringFlood,
    (v) => v <= 2,
  ),
  target(
    "trivial route p99 during a login flood ≤ 2× its baseline",
    ratios.remixTrivialP99DuringFlood,
    (v) => v <= 2,
  ),
];

console.log(`\nratios: ${JSON.stringify(ratios)}`);
console.log(`scale-out (2 processes / 1): ${JSON.stringify(scaleOut)}`);
console.log(`compiles during the run: ${compilesDuringRun}; server memory peak: ${peakMiB} MiB\n`);
for (const t of targets) {
  console.log(`  ${t.met ? "met   " : "MISSED"}  ${t.target}: ${t.value ?? "not measured"}`);
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
        scenarios,
        ratios,
        scaleOut,
        compilesDuringRun,
        serverPeakMiB: peakMiB,
        targets,
      },
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
