import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../lib/ports";
import { serverDir, workDir } from "./workspace";

// The processes a benchmark talks to: the app (one process, or several behind Node's cluster
// module), and the bare Remix app it is measured against (bench/bare).

async function waitFor(url: string, child: ChildProcess, seconds = 120, output: string[] = []) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const last = output.slice(-15).join("\n");
      throw new Error(`${url}: the process exited (${child.exitCode})${last ? `:\n${last}` : ""}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

export type Running = {
  origin: string;
  child: ChildProcess;
  /** Lines the server logged (JSON), for counting errors such as SQLITE_BUSY. */
  output: string[];
  /** Process ids whose memory counts (the cluster's primary and workers). */
  pids: () => number[];
  stop: () => Promise<void>;
};

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
}

/** Lines the process writes to stdout and stderr, as they come. */
function collectOutput(child: ChildProcess) {
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => output.push(...chunk.split("\n").filter(Boolean)));
  }
  return output;
}

/** The production build in bench/.work/app, on its own port, with `processes` workers. */
export async function startApp(
  databaseUrl: string,
  processes: number,
  profileDir?: string,
): Promise<Running> {
  const port = await freePort();
  // --cpu-prof writes a V8 profile per process when it exits (read it with profile-top.ts).
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const script =
    processes > 1
      ? [...profile, path.resolve("scripts/bench/cluster.mjs"), String(processes)]
      : [...profile, "build/server.js"];
  const child = spawn(process.execPath, script, {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      COOKIE_SECURE: "true",
      LOG_LEVEL: "warn",
      REMINDERS_SCHEDULE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/healthz`, child, 120, output);
  const pids = () => {
    const children = spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" });
    return [child.pid!, ...children.stdout.split("\n").filter(Boolean).map(Number)];
  };
  return { origin, child, output, pids, stop: stopper(child) };
}

/** Where the bare app's build goes (`npm run bench:build-bare`; bench/bare/vite.config.ts). */
export const bareBuildDir = path.join(workDir, "bare", "build");

/**
 * The bare Remix app (bench/bare) on its own port: the framework's floor, measured in the same
 * run as the app. With a PostgreSQL URL it writes to that database (a table of its own); with
 * SQLite, to a file of its own in bench/.work/bare, made afresh for each run.
 */
export async function startBare(databaseUrl: string): Promise<Running & { databaseUrl: string }> {
  if (!existsSync(path.join(bareBuildDir, "server", "index.js"))) {
    throw new Error("no build of the bare app: run npm run bench:build-bare");
  }
  let url = databaseUrl;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const file = path.join(workDir, "bare", "bare.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    url = `file:${file}`;
  }
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve("bench/bare/server.mjs")], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: url,
      BARE_BUILD_DIR: bareBuildDir,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/`, child, 60, output);
  return {
    origin,
    child,
    output,
    pids: () => [child.pid!],
    stop: stopper(child),
    databaseUrl: url,
  };
}

const kib = (status: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);

/** Resident memory (MiB) summed over processes: now and the peak each has reached. */
export function memory(pids: number[]) {
  let rss = 0;
  let peak = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rss += kib(status, "VmRSS");
      peak += kib(status, "VmHWM");
    } catch {
      // the process has gone
    }
  }
  return { rssMiB: Math.round(rss / 1024), peakMiB: Math.round(peak / 1024) };
}
