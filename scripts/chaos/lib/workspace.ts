import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

// Each chaos run works in its own folder under tests/.tmp (git-ignored): a private copy of the
// production build with the prisma/ and content/ it reads at run time, so a rebuild by someone
// else during the run cannot change the server under test. Inside the checkout, the copy still
// finds node_modules and package.json ("type": "module") by walking up, as build/ does.

const buildLock = "/tmp/frontline-build.lock";
const buildFiles = ["build/server.js", "build/server/index.js", "build/content/modules.json"];

export type Workspace = { dir: string; appDir: string; remove(): void };

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status})`);
}

// What the production build is made from.
const sourceDirs = ["app", "server", "content"];

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function buildIsOlderThanSources() {
  const built = Math.min(...buildFiles.map((file) => statSync(file).mtimeMs));
  return sourceDirs.some((dir) => newestChange(dir) > built);
}

/** A fresh folder for one run, holding the app copy; `remove()` deletes it. */
export function createWorkspace(name: string): Workspace {
  const dir = path.resolve("tests/.tmp", `chaos-${name}-${process.pid}`);
  const appDir = path.join(dir, "app");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  if (!buildFiles.every((file) => existsSync(file)) || buildIsOlderThanSources()) {
    console.log("No up-to-date production build: running `npm run build` (about a minute).");
    // The lock keeps two builds in one tree from writing build/ at the same time.
    run("flock", [buildLock, "npm", "run", "build"]);
  }
  // A shared lock: nobody rebuilds while we copy.
  run("flock", ["--shared", buildLock, "cp", "-R", "build", "prisma", "content", appDir]);
  return { dir, appDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export { freePort } from "../../lib/ports";
