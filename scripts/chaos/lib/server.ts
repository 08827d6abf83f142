import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

// The production server (build/server.js in a workspace copy) as a child process: started as
// `npm start` would start it, with the demo organisation seeded into an empty database, and
// stopped by a signal. Its output goes to a log file, so a failing run can be read afterwards.

export type ServerOptions = {
  appDir: string;
  databaseFile: string;
  port: number;
  logFile: string;
};

export class AppServer {
  #child: ChildProcess | null = null;
  #exit: Promise<string> | null = null;

  constructor(readonly options: ServerOptions) {}

  get origin() {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get running() {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Start and wait until /healthz answers 200 (migrations and seeding are done by then). */
  async start(timeoutMs = 90_000) {
    this.launch();
    await this.healthy(timeoutMs);
  }

  /** Start the process, without waiting for anything. */
  launch() {
    if (this.#child) throw new Error("the server is already running");
    const log = openSync(this.options.logFile, "a");
    const child = spawn(process.execPath, ["build/server.js"], {
      cwd: this.options.appDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DEMO_SEED: "true",
        DATABASE_URL: `file:${this.options.databaseFile}`,
        PORT: String(this.options.port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        CONTENT_DIR: "content",
        REMINDERS_SCHEDULE: "off",
        SMTP_URL: "",
      },
      stdio: ["ignore", log, log],
    });
    closeSync(log);
    this.#child = child;
    this.#exit = new Promise((resolve) =>
      child.once("exit", (code, signal) => resolve(signal ?? `exit code ${code}`)),
    );
  }

  /** Wait until /healthz answers 200; throws when the process ends or time runs out first. */
  async healthy(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        const ended = await this.stop("SIGKILL");
        throw new Error(`the server stopped (${ended}); see ${this.options.logFile}`);
      }
      const ok = await fetch(`${this.origin}/healthz`, { signal: AbortSignal.timeout(2000) })
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`the server did not answer /healthz within ${timeoutMs} ms`);
  }

  /** Send the signal and wait for the process to end; returns how it ended. */
  async stop(signal: "SIGKILL" | "SIGTERM"): Promise<string> {
    const child = this.#child;
    if (!child || !this.#exit) return "not running";
    if (this.running) child.kill(signal);
    const ended = await this.#exit;
    this.#child = null;
    this.#exit = null;
    return ended;
  }
}
