// A full disk, for real (`npm run test:chaos`; alone: `npx tsx scripts/chaos/disk-full.ts`).
// The production server keeps its SQLite file on a small private tmpfs; a ballast file fills
// it to the last byte. Then, over real HTTP: pages that only read still open, writes (an
// observation, a quiz answer, a login) answer the 507 "nothing was saved" page and leave no row,
// a reminders pass fails without queuing anything, and the file stays sound. The ballast is
// removed and the same server process saves again, no restart. Last, the server is restarted
// while the disk is full. Skipped (exit 0, with a note) where no private tmpfs can be mounted,
// except under CI=true. See docs/reliability.md.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import {
  observationForm,
  quizForm,
  randomAnswers,
  randomObservation,
  readQuizzes,
  readStandardIds,
  wallClock,
} from "./lib/course";
import { fileProblems } from "./lib/invariants";
import {
  fillDisk,
  freeDisk,
  mountDisk,
  privateDiskUnavailable,
  rerunInPrivateNamespace,
} from "./lib/private-disk";
import { AppServer } from "./lib/server";
import type { Answer } from "./lib/visitor";
import { Visitor } from "./lib/visitor";
import { createWorkspace, freePort } from "./lib/workspace";

const insideEnv = "FRONTLINE_CHAOS_DISK_DIR";

if (!process.env[insideEnv]) {
  const reason = privateDiskUnavailable();
  if (reason) {
    const ci = process.env.CI === "true";
    console[ci ? "error" : "log"](`disk-full test ${ci ? "failed" : "skipped"}: ${reason}`);
    process.exit(ci ? 1 : 0);
  }
  // The build is copied out here, where the build lock and the checkout look as usual.
  const workspace = createWorkspace("disk-full");
  const status = rerunInPrivateNamespace({ [insideEnv]: workspace.dir });
  if (status === 0) workspace.remove();
  else console.error(`Kept for a look: ${workspace.dir}`);
  process.exit(status);
}

const dir = process.env[insideEnv]!;
const appDir = path.join(dir, "app");
const diskDir = path.join(dir, "disk");
const diskMebibytes = 16;
const databaseFile = path.join(diskDir, "frontline.db");
const ballast = path.join(diskDir, "ballast");
const server = new AppServer({
  appDir,
  databaseFile,
  port: await freePort(),
  logFile: path.join(dir, "server.log"),
});
const quiz = readQuizzes(appDir)[0]!;
const standardIds = readStandardIds(appDir);
const hour = 60 * 60 * 1000;
const results: { ok: boolean; what: string }[] = [];

function check(ok: boolean, what: string, detail = "") {
  results.push({ ok, what });
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}${ok || !detail ? "" : `\n       ${detail}`}`);
}

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
const count = (table: string) => query<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`).n;

/** The database checks it is sound (reads only, so it works on a full disk too). */
function fileIsSound() {
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    return fileProblems(db);
  } finally {
    db.close();
  }
}

/** Fold the write-ahead log into the database and empty it, so the next write needs new space. */
function emptyTheLog() {
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

const describe = (answer: Answer) =>
  `${answer.status} ${answer.location ?? ""} ${answer.body.slice(0, 300).replace(/\s+/g, " ")}`;

/** The 507 page: says what happened, and shows nothing of the error itself. */
function isStorageFullPage(answer: Answer) {
  return (
    answer.status === 507 &&
    answer.body.includes("Storage is full: nothing was saved") &&
    !/SQLITE|Prisma|disk is full|\n\s+at /.test(answer.body)
  );
}

/** The first server log line after `from` (bytes) that contains `text`, waiting for it a while. */
async function logLine(text: string, from: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = readFileSync(server.options.logFile, "utf8").slice(from).split("\n");
    const line = lines.find((l) => l.includes(text));
    if (line) return line;
    await sleep(200);
  }
  return null;
}

function runReminders() {
  const script = fileURLToPath(new URL("../reminders.ts", import.meta.url));
  const result = spawnSync(process.execPath, [...process.execArgv, script], {
    cwd: appDir,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${databaseFile}`,
      LOG_LEVEL: "warn",
      SMTP_URL: "",
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

// Everything the person sends while the disk is full, and again once it has room.
async function tryWrites(
  people: { manager: Visitor; learner: Visitor; newcomer: Visitor },
  employeeId: string,
  timeZone: string,
  label: string,
) {
  const observation = randomObservation(employeeId, standardIds, `Disk-full test: ${label}.`);
  const observedAt = wallClock(new Date(Date.now() - hour), timeZone);
  const learnerId = query<{ id: string }>(
    "SELECT id FROM User WHERE email = ?",
    people.learner.email,
  ).id;
  const attempt =
    query<{ n: number }>(
      "SELECT coalesce(max(number), 0) AS n FROM QuizAttempt WHERE userId = ? AND moduleSlug = ? AND quizId = ? AND moduleVersion = ?",
      learnerId,
      quiz.slug,
      quiz.def.id,
      quiz.version,
    ).n + 1;
  people.newcomer.cookie = "";
  return {
    observation: await people.manager.post(
      "/team/observations/new",
      observationForm(observation, observedAt),
    ),
    quiz: await people.learner.post(
      `/training/${quiz.slug}`,
      quizForm(quiz, attempt, randomAnswers(quiz.def)),
    ),
    login: await people.newcomer.login(),
  };
}

let exitCode = 0;
try {
  console.log(`disk-full test: the database on a ${diskMebibytes} MiB tmpfs of its own`);
  mountDisk(diskDir, diskMebibytes);
  await server.start();
  const origin = server.origin;
  const manager = new Visitor(origin, "manager@demo.frontline.test");
  const learner = new Visitor(origin, "nora.lindqvist@demo.frontline.test");
  const newcomer = new Visitor(origin, "tomas.horvat@demo.frontline.test");
  const reader = new Visitor(origin, "employee@demo.frontline.test");
  for (const visitor of [manager, learner, reader]) {
    if ((await visitor.login()).status !== 302) throw new Error(`${visitor.email} cannot log in`);
  }
  const employee = query<{ id: string }>(
    "SELECT id FROM User WHERE email = ?",
    "ravi.menon@demo.frontline.test",
  );
  const managerZone = query<{ timeZone: string }>(
    "SELECT timeZone FROM User WHERE email = ?",
    manager.email,
  ).timeZone;
  const people = { manager, learner, newcomer };
  // The reader last came by two hours ago, so this visit would move the session's expiry along.
  const twoHoursAgo = new Date(Date.now() - 2 * hour).toISOString().replace("Z", "+00:00");
  const ageSession = () => {
    const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
    try {
      db.prepare("UPDATE Session SET lastSeenAt = ? WHERE id = ?").run(
        twoHoursAgo,
        reader.sessionId,
      );
    } finally {
      db.close();
    }
  };
  const lastSeen = () =>
    query<{ lastSeenAt: string }>("SELECT lastSeenAt FROM Session WHERE id = ?", reader.sessionId)
      .lastSeenAt;
  ageSession();

  emptyTheLog();
  const before = {
    observations: count("Observation"),
    attempts: count("QuizAttempt"),
    sessions: count("Session"),
    outbox: count("ReminderOutbox"),
  };
  const filled = fillDisk(ballast);
  console.log(
    `the disk is full: database ${(statSync(databaseFile).size / 2 ** 20).toFixed(1)} MiB, ` +
      `ballast ${(filled / 2 ** 20).toFixed(1)} MiB`,
  );

  const page = await reader.get("/training");
  check(page.status === 200, "a page that only reads still opens (200)", describe(page));
  check(lastSeen() === twoHoursAgo, "…without moving the session's expiry (that write is skipped)");
  const refused = await tryWrites(people, employee.id, managerZone, "refused");
  check(
    isStorageFullPage(refused.observation),
    "an observation gets the 507 page saying nothing was saved",
    describe(refused.observation),
  );
  check(isStorageFullPage(refused.quiz), "a quiz answer gets the 507 page", describe(refused.quiz));
  check(isStorageFullPage(refused.login), "a login gets the 507 page", describe(refused.login));
  const report = await learner.post(`/training/${quiz.slug}/read`, {
    sectionId: quiz.sectionIds[0]!,
  });
  check(
    report.status === 507 && report.body === "Storage is full: nothing was saved.",
    "a reading report (sent by script, no page) gets 507 in plain words",
    describe(report),
  );
  check(
    count("Observation") === before.observations &&
      count("QuizAttempt") === before.attempts &&
      count("Session") === before.sessions,
    "no observation, attempt or session was written",
  );
  const failedPass = runReminders();
  check(
    failedPass.status === 1 && /database or disk is full/.test(failedPass.output),
    "a reminders pass fails, saying the disk is full",
    failedPass.output.slice(0, 300),
  );
  check(count("ReminderOutbox") === before.outbox, "…and queues nothing");
  const health = await reader.get("/healthz");
  check(server.running && health.status === 200, "the server keeps running (/healthz 200)");
  const whileFull = fileIsSound();
  check(whileFull.length === 0, "integrity_check and foreign_key_check: ok", whileFull.join("; "));

  freeDisk(ballast);
  console.log("space is back (same server process, no restart):");
  const again = await reader.get("/training");
  check(
    again.status === 200 && lastSeen() !== twoHoursAgo,
    "reading moves the session along again",
  );
  const saved = await tryWrites(people, employee.id, managerZone, "saved");
  check(
    saved.observation.status === 302 && count("Observation") === before.observations + 1,
    "an observation is saved",
    describe(saved.observation),
  );
  check(
    saved.quiz.status === 302 && count("QuizAttempt") === before.attempts + 1,
    "a quiz answer is saved",
    describe(saved.quiz),
  );
  check(saved.login.status === 302, "a login works", describe(saved.login));
  const pass = runReminders();
  const queued = Number(/queued (\d+)/.exec(pass.output)?.[1] ?? 0);
  check(
    pass.status === 0 && queued > 0 && pass.output.includes(`sent ${queued},`),
    "a reminders pass queues and sends what is due",
    pass.output.slice(0, 300),
  );
  const repeat = runReminders();
  check(
    repeat.status === 0 && repeat.output.includes("queued 0, sent 0"),
    "…and a second pass sends nothing twice",
    repeat.output.slice(0, 300),
  );

  console.log("the server dies and comes back to a full disk (its WAL files still there):");
  await server.stop("SIGKILL");
  fillDisk(ballast);
  await server.start();
  const reread = await reader.get("/training");
  check(reread.status === 200, "it starts, and a page that only reads opens", describe(reread));
  const refusedAgain = await tryWrites(people, employee.id, managerZone, "refused after restart");
  check(isStorageFullPage(refusedAgain.observation), "a write gets the 507 page");
  freeDisk(ballast);
  const savedAgain = await tryWrites(people, employee.id, managerZone, "saved after restart");
  check(savedAgain.observation.status === 302, "space back: writes are saved");

  console.log("the server starts on a full disk with the database closed cleanly (no WAL files):");
  await server.stop("SIGKILL");
  // Our connection is the last one: closing it folds the WAL in and deletes the WAL files, so
  // opening the database needs room for a new shared-memory file.
  fileIsSound();
  check(!existsSync(`${databaseFile}-shm`), "the WAL's shared-memory file is gone");
  fillDisk(ballast);
  const logFrom = statSync(server.options.logFile).size;
  server.launch();
  const waiting = await logLine('"event":"storage.full_waiting"', logFrom, 30_000);
  // Past its first retry, and still there.
  await sleep(6000);
  check(
    waiting !== null && server.running,
    "it waits for space, saying why, instead of exiting into a restart loop",
    waiting ?? "no storage.full_waiting line in the log",
  );
  freeDisk(ballast);
  const started = await server.healthy(30_000).then(
    () => null,
    (error: Error) => error.message,
  );
  check(started === null, "…and starts by itself once there is space", started ?? "");
  const after = await tryWrites(people, employee.id, managerZone, "saved after waiting");
  check(
    after.observation.status === 302 && after.quiz.status === 302,
    "writes are saved",
    describe(after.observation),
  );
  await server.stop("SIGTERM");
  const final = fileIsSound();
  check(final.length === 0, "integrity_check after the server stopped: ok", final.join("; "));
} catch (error) {
  check(false, "the test ran to the end", error instanceof Error ? error.message : String(error));
} finally {
  await server.stop("SIGKILL");
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\ndisk-full test: ${results.length - failed} of ${results.length} checks passed`);
  if (failed) exitCode = 1;
}
process.exit(exitCode);
