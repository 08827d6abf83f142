import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../lib/ports";
import { serverDir, workDir } from "./workspace";

// The processes a benchmark talks to: the app (one process, or several behind Node's cluster
// module), and the static-file baselines (a plain Node http server, and nginx when installed).

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
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => output.push(...chunk.split("\n").filter(Boolean)));
  }
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/healthz`, child, 120, output);
  const pids = () => {
    const children = spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" });
    return [child.pid!, ...children.stdout.split("\n").filter(Boolean).map(Number)];
  };
  return { origin, child, output, pids, stop: stopper(child) };
}

/** A plain Node http server sending one file from disk for every request. */
export async function startStaticNode(file: string): Promise<Running> {
  const port = await freePort();
  const source = `
    const http = require("node:http");
    const fs = require("node:fs");
    const file = process.argv[1];
    http.createServer((req, res) => {
      fs.stat(file, (error, stat) => {
        if (error) { res.statusCode = 500; return res.end(); }
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": stat.size });
        fs.createReadStream(file).pipe(res);
      });
    }).listen(${port}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", source, file], { stdio: "ignore" });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/`, child);
  return { origin, child, output: [], pids: () => [child.pid!], stop: stopper(child) };
}

/** nginx serving the same file with one worker, when nginx is installed; null otherwise. */
export async function startNginx(file: string): Promise<Running | null> {
  const binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((b) => existsSync(b));
  if (!binary) return null;
  const port = await freePort();
  const dir = path.join(workDir, "nginx");
  mkdirSync(path.join(dir, "temp"), { recursive: true });
  const config = path.join(dir, "nginx.conf");
  writeFileSync(
    config,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/temp;
  proxy_temp_path ${dir}/temp;
  fastcgi_temp_path ${dir}/temp;
  uwsgi_temp_path ${dir}/temp;
  scgi_temp_path ${dir}/temp;
  server {
    listen 127.0.0.1:${port};
    root ${path.dirname(file)};
    location = / { default_type text/html; try_files /${path.basename(file)} =404; }
  }
}
`,
  );
  const child = spawn(binary, ["-c", config, "-p", dir], { stdio: "ignore" });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/`, child, 20);
  return { origin, child, output: [], pids: () => [child.pid!], stop: stopper(child) };
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
