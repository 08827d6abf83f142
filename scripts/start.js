// `npm start`: build once if there is no build yet, then serve the production build with the
// demo organisation seeded into an empty database (see README, "Quick start").
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("build/server.js") || !existsSync("build/server/index.js")) {
  console.log("No build yet: running `npm run build` first (about a minute).");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const child = spawn(process.execPath, ["build/server.js"], {
  stdio: "inherit",
  env: { DEMO_SEED: "true", ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
