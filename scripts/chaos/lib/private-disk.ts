import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// A small file system of our own that can really fill up: a tmpfs mounted in a private mount
// namespace. `unshare --user --map-root-user --mount` gives an ordinary user the right to mount
// it, nobody else sees it, and it disappears with the last process inside.

const unshareArgs = ["--user", "--map-root-user", "--mount"];

/** Why a private tmpfs cannot be mounted here, or null when it can. */
export function privateDiskUnavailable(): string | null {
  const probe = mkdtempSync(path.join(tmpdir(), "frontline-chaos-probe-"));
  try {
    const result = spawnSync(
      "unshare",
      [...unshareArgs, "mount", "-t", "tmpfs", "-o", "size=1m", "frontline-probe", probe],
      { encoding: "utf8" },
    );
    if (result.error) return `unshare is not available (${result.error.message})`;
    if (result.status !== 0) return `cannot mount a private tmpfs: ${result.stderr.trim()}`;
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Run this same script again inside a private mount namespace; returns its exit status. */
export function rerunInPrivateNamespace(env: Record<string, string>): number {
  const result = spawnSync(
    "unshare",
    [...unshareArgs, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: "inherit", env: { ...process.env, ...env } },
  );
  return result.status ?? 1;
}

/** Mount a tmpfs of `mebibytes` at `dir` (inside the private namespace only). */
export function mountDisk(dir: string, mebibytes: number) {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    "mount",
    ["-t", "tmpfs", "-o", `size=${mebibytes}m`, "frontline-chaos", dir],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`mount failed: ${result.stderr.trim()}`);
}

/** Write a ballast file until the file system refuses another byte; returns how much it took. */
export function fillDisk(ballast: string): number {
  const fd = openSync(ballast, "w");
  let written = 0;
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOSPC") break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

export const freeDisk = (ballast: string) => rmSync(ballast, { force: true });
