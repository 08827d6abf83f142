// `npm run test:pg`: start a throwaway PostgreSQL cluster, run the whole integration suite against
// it (vitest.postgres.config.ts: tests/integration, including the PostgreSQL-only checks in
// tests/integration/postgres), then stop and remove it. Arguments go to Vitest, so
// `npm run test:pg -- tests/integration/login.test.ts` runs one file. Without PostgreSQL binaries
// it skips (exit 0), except under CI=true, where a skipped suite would hide a broken setup.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./lib/ports";

function findBinDir(): string | undefined {
  const fromPath = (process.env.PATH ?? "").split(path.delimiter);
  const debian = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  return [...fromPath, ...debian].find(
    (dir) => dir && existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")),
  );
}

function unavailable(reason: string): never {
  if (process.env.CI === "true") {
    console.error(`test:pg failed: ${reason} (CI=true: the PostgreSQL tests must run in CI)`);
    process.exit(1);
  }
  console.log(`test:pg skipped: ${reason}`);
  process.exit(0);
}

const binDir = findBinDir();
if (!binDir) unavailable("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin");

// PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
const asRoot = process.getuid?.() === 0;
if (asRoot && spawnSync("id", ["-u", "postgres"]).status !== 0) {
  unavailable("running as root and there is no postgres user to run the server as");
}

function pgTool(tool: string, args: string[]) {
  const command = path.join(binDir!, tool);
  const result = asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${tool} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

const dir = mkdtempSync(path.join(tmpdir(), "frontline-pg-"));
const dataDir = path.join(dir, "data");
let started = false;
let vitest: ChildProcess | undefined;

function cleanUp() {
  if (started) {
    started = false;
    try {
      pgTool("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch (error) {
      console.error(String(error));
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    vitest?.kill(signal);
    cleanUp();
    process.exit(130);
  });
}

let exitCode = 1;
const startedAt = Date.now();
try {
  if (asRoot) {
    spawnSync("chown", ["postgres", dir]);
    chmodSync(dir, 0o700);
  }
  console.log(`test:pg: ${pgTool("pg_ctl", ["--version"]).trim()} from ${binDir}`);
  pgTool("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  pgTool("pg_ctl", [
    "-D",
    dataDir,
    "-o",
    options,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "start",
  ]);
  started = true;

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await admin.connect();
  await admin.query("CREATE DATABASE frontline_test");
  await admin.end();

  // An empty database for the migration checks; the suite's own databases come from the
  // global setup (tests/setup/postgres-global-setup.ts).
  const url = `postgres://postgres@127.0.0.1:${port}/frontline_test`;
  console.log(`test:pg: running the integration tests against PostgreSQL at ${url}`);
  exitCode = await new Promise<number>((resolve) => {
    vitest = spawn(
      path.resolve("node_modules/.bin/vitest"),
      ["run", "--config", "vitest.postgres.config.ts", ...process.argv.slice(2)],
      { stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: url } },
    );
    vitest.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  const log = path.join(dir, "server.log");
  if (existsSync(log)) console.error(`server.log:\n${readFileSync(log, "utf8")}`);
} finally {
  cleanUp();
}
const seconds = Math.round((Date.now() - startedAt) / 1000);
console.log(
  exitCode === 0
    ? `test:pg passed: the integration suite ran on PostgreSQL in ${seconds} s`
    : `test:pg FAILED (exit code ${exitCode}) after ${seconds} s: see the failures above`,
);
process.exit(exitCode);
