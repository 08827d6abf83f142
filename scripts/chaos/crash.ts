// Crash safety (`npm run test:chaos`; this part alone: `npx tsx scripts/chaos/crash.ts --cycles N`).
// Runs the production server on a fresh SQLite file, drives real HTTP traffic as several demo
// users (quiz answers, observations, logins), kills the server with SIGKILL at a random moment,
// restarts it and checks that every write it acknowledged is there, that no row is half-written
// and that SQLite finds the file sound. Exits 1 on any failure, keeping the run's folder (server
// log and database) for a look; see docs/reliability.md.
import Database from "better-sqlite3";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Quiz } from "./lib/course";
import {
  observationForm,
  quizForm,
  randomAnswers,
  randomObservation,
  readQuizzes,
  readStandardIds,
  wallClock,
} from "./lib/course";
import { fileProblems, halfWritten } from "./lib/invariants";
import { Ledger } from "./lib/ledger";
import { AppServer } from "./lib/server";
import type { Answer } from "./lib/visitor";
import { Visitor } from "./lib/visitor";
import { createWorkspace, freePort } from "./lib/workspace";

function cyclesFromArgs(args: string[]): number {
  const at = args.indexOf("--cycles");
  const value = at === -1 ? "100" : args[at + 1];
  const cycles = Number(value);
  if (!Number.isInteger(cycles) || cycles < 1) throw new Error(`--cycles wants a whole number ≥ 1`);
  return cycles;
}

const cycles = cyclesFromArgs(process.argv.slice(2));
// The server is killed this long after the traffic starts: mid-request, at a random point.
const killAfterMs = { min: 200, max: 2000 };
// Each person sends at most one request per gap: well under the app's limit of writes per
// person and minute (app/auth/write-limit.server.ts), which would otherwise answer 429.
const requestGapMs = 300;
const learnerEmails = [
  "employee",
  "nora.lindqvist",
  "amara.okoye",
  "jonas.berg",
  "ines.duarte",
  "piotr.nowak",
].map((local) => `${local}@demo.frontline.test`);
const managerEmails = ["manager", "sam.okafor"].map((local) => `${local}@demo.frontline.test`);

type Person = { id: string; email: string; timeZone: string; teamId: string | null };

const workspace = createWorkspace("crash");
const databaseFile = path.join(workspace.dir, "crash.db");
const logFile = path.join(workspace.dir, "server.log");
const server = new AppServer({
  appDir: workspace.appDir,
  databaseFile,
  port: await freePort(),
  logFile,
});
const quizzes = readQuizzes(workspace.appDir);
const standardIds = readStandardIds(workspace.appDir);
const ledger = new Ledger();
const failures: string[] = [];
const restartMs: number[] = [];
let stopping = false;

/** A short-lived connection of our own: opened after the server has recovered, closed before the next kill. */
function withDatabase<T>(work: (db: Database.Database) => T): T {
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const people: Person[] = [];
const byEmail = (email: string) => people.find((p) => p.email === email)!;

/** The answer was not the "saved" redirect we expect: a failure unless the server was being killed. */
function unexpected(who: string, what: string, answer: Answer | Error) {
  if (stopping) return;
  const detail =
    answer instanceof Error
      ? answer.message
      : `${answer.status} ${answer.location ?? ""} ${answer.body.slice(0, 200)}`;
  failures.push(`${who}: ${what}: ${detail}`);
}

// --- The traffic ---------------------------------------------------------------------------------

const nextAttempt = new Map<string, number>();
const attemptKey = (userId: string, quiz: Quiz) =>
  `${userId}/${quiz.slug}@${quiz.version.split(".")[0]}/${quiz.def.id}`;

/** Attempt numbers as the database has them: a request cut off by a kill may have used one. */
function syncAttemptNumbers() {
  nextAttempt.clear();
  const rows = withDatabase(
    (db) =>
      db
        .prepare("SELECT userId, moduleSlug, moduleVersion, quizId, number FROM QuizAttempt")
        .all() as {
        userId: string;
        moduleSlug: string;
        moduleVersion: string;
        quizId: string;
        number: number;
      }[],
  );
  for (const row of rows) {
    const key = `${row.userId}/${row.moduleSlug}@${row.moduleVersion.split(".")[0]}/${row.quizId}`;
    nextAttempt.set(key, Math.max(nextAttempt.get(key) ?? 1, row.number + 1));
  }
}

async function learn(visitor: Visitor) {
  const person = byEmail(visitor.email);
  const quiz = quizzes[Math.floor(Math.random() * quizzes.length)]!;
  const key = attemptKey(person.id, quiz);
  const number = nextAttempt.get(key) ?? 1;
  const answers = randomAnswers(quiz.def);
  const answer = await visitor.post(`/training/${quiz.slug}`, quizForm(quiz, number, answers));
  if (answer.status === 302 && answer.location === `/training/${quiz.slug}#quiz-${quiz.def.id}`) {
    ledger.attempts.push({
      userId: person.id,
      slug: quiz.slug,
      version: quiz.version,
      quizId: quiz.def.id,
      number,
      answers,
    });
    nextAttempt.set(key, number + 1);
  } else {
    unexpected(visitor.email, `quiz ${quiz.slug}/${quiz.def.id} attempt ${number}`, answer);
  }
}

let observationCount = 0;
async function observe(visitor: Visitor, cycle: number) {
  const manager = byEmail(visitor.email);
  const team = people.filter((p) => p.teamId === manager.teamId && p.id !== manager.id);
  const employee = team[Math.floor(Math.random() * team.length)]!;
  observationCount += 1;
  const input = randomObservation(
    employee.id,
    standardIds,
    `Chaos cycle ${cycle}, observation ${observationCount}.`,
  );
  const observedAt = wallClock(new Date(Date.now() - 60 * 60 * 1000), manager.timeZone);
  const answer = await visitor.post("/team/observations/new", observationForm(input, observedAt));
  const saved = answer.location?.match(/^\/team\/([^#]+)#observation-(.+)$/);
  if (answer.status === 302 && saved?.[1] === employee.id) {
    ledger.observations.push({ ...input, id: saved[2]!, managerId: manager.id });
  } else {
    unexpected(visitor.email, "observation", answer);
  }
}

async function logIn(origin: string) {
  const person = people[Math.floor(Math.random() * people.length)]!;
  const visitor = new Visitor(origin, person.email);
  const answer = await visitor.login();
  if (answer.status === 302 && answer.sessionId) {
    ledger.sessions.push({ id: answer.sessionId, userId: person.id });
  } else {
    unexpected(person.email, "login", answer);
  }
}

/** One user's requests, one at a time, until the server is killed. */
async function keepGoing(who: string, step: () => Promise<void>) {
  while (!stopping) {
    const began = Date.now();
    await step().catch((error: unknown) => unexpected(who, "request", error as Error));
    await sleep(Math.max(0, requestGapMs - (Date.now() - began)));
  }
}

// --- The cycles ----------------------------------------------------------------------------------

function verify(cycle: number) {
  const { problems, broken, file } = withDatabase((db) => ({
    problems: ledger.verify(db),
    broken: halfWritten(db, quizzes, standardIds),
    file: fileProblems(db),
  }));
  for (const p of problems) failures.push(`cycle ${cycle}: ${p.kind}: ${p.what}`);
  for (const line of broken) failures.push(`cycle ${cycle}: half-written: ${line}`);
  for (const line of file) failures.push(`cycle ${cycle}: ${line}`);
  return { lost: problems.length, halfWritten: broken.length, fileOk: file.length === 0 };
}

const totals = { lost: 0, halfWritten: 0, fileChecks: 0, fileOk: 0 };
const started = Date.now();
try {
  console.log(`crash test: ${cycles} kill/restart cycles; server log ${logFile}`);
  await server.start();
  people.push(
    ...withDatabase(
      (db) =>
        db
          .prepare("SELECT id, email, timeZone, teamId FROM User WHERE active = 1")
          .all() as Person[],
    ),
  );
  const learners = learnerEmails.map((email) => new Visitor(server.origin, email));
  const managers = managerEmails.map((email) => new Visitor(server.origin, email));
  for (const visitor of [...learners, ...managers]) {
    const answer = await visitor.login();
    if (answer.status !== 302 || !answer.sessionId)
      throw new Error(`${visitor.email} cannot log in`);
    ledger.sessions.push({ id: answer.sessionId, userId: byEmail(visitor.email).id });
  }

  for (let cycle = 1; cycle <= cycles; cycle += 1) {
    syncAttemptNumbers();
    const before = ledger.size;
    stopping = false;
    const traffic = [
      ...learners.map((v) => keepGoing(v.email, () => learn(v))),
      ...managers.map((v) => keepGoing(v.email, () => observe(v, cycle))),
      keepGoing("login", () => logIn(server.origin)),
    ];
    const killAt = killAfterMs.min + Math.random() * (killAfterMs.max - killAfterMs.min);
    await sleep(killAt);
    stopping = true;
    await server.stop("SIGKILL");
    await Promise.all(traffic);
    const restarting = Date.now();
    await server.start();
    restartMs.push(Date.now() - restarting);
    const result = verify(cycle);
    totals.lost += result.lost;
    totals.halfWritten += result.halfWritten;
    totals.fileChecks += 1;
    if (result.fileOk) totals.fileOk += 1;
    console.log(
      `cycle ${cycle}/${cycles}: killed after ${Math.round(killAt)} ms, ` +
        `${ledger.size - before} writes acknowledged (total ${ledger.size}), ` +
        `lost ${result.lost}, half-written ${result.halfWritten}, ` +
        `file ${result.fileOk ? "ok" : "DAMAGED"}`,
    );
    if (failures.length) break;
  }
} catch (error) {
  failures.push(`run stopped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  stopping = true;
  await server.stop("SIGTERM");
}

const sorted = [...restartMs].sort((a, b) => a - b);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`
crash test summary (${seconds} s)
  cycles:                ${restartMs.length} of ${cycles}
  acknowledged writes:   ${ledger.size} (quiz attempts ${ledger.attempts.length}, observations ${ledger.observations.length}, logins ${ledger.sessions.length})
  verified present:      ${ledger.size - totals.lost}
  lost:                  ${totals.lost}
  half-written rows:     ${totals.halfWritten}
  integrity_check ok:    ${totals.fileOk} of ${totals.fileChecks} restarts
  restart to healthy:    median ${sorted[Math.floor(sorted.length / 2)] ?? "-"} ms, max ${sorted.at(-1) ?? "-"} ms`);

if (failures.length) {
  console.error(`\nFAILED (${failures.length} problems; first 20):`);
  for (const line of failures.slice(0, 20)) console.error(`  ${line}`);
  console.error(`Kept for a look: ${workspace.dir}`);
  process.exitCode = 1;
} else {
  workspace.remove();
  console.log("PASSED");
}
