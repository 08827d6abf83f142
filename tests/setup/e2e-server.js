// Starts the production build for Playwright on a fresh database of its own, with company
// sign-in pointed at a real OpenID Connect provider that this process starts first
// (tests/support/oidc-provider.ts, on 127.0.0.1 and a free port).
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { tsImport } from "tsx/esm/api";

const dir = path.resolve("tests/.tmp/e2e");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const port = process.env.E2E_PORT ?? "3100";
const { startTestProvider } = await tsImport("../support/oidc-provider.ts", import.meta.url);
const idp = await startTestProvider({ appOrigins: [`http://localhost:${port}`] });

const child = spawn(process.execPath, ["build/server.js"], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...idp.env,
    OIDC_NAME: "Frontline Test IdP",
    OIDC_PROVISION: "create",
    OIDC_CLAIM_TEAM: "team",
    OIDC_CLAIM_ROLE: "role",
    NODE_ENV: "production",
    DEMO_SEED: "true",
    DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
    PORT: port,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "error",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => {
  void idp.close().finally(() => process.exit(code ?? 0));
});
