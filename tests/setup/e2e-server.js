// Starts the production build for Playwright on a fresh database of its own.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const dir = path.resolve("tests/.tmp/e2e");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const child = spawn(process.execPath, ["build/server.js"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DEMO_SEED: "true",
    DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
    PORT: process.env.E2E_PORT ?? "3100",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "error",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
