import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, vi } from "vitest";
import { createDatabaseFromTemplate } from "./postgres";

// Runs in every test file before its imports are evaluated: point the app at this worker's own
// copy of the template database (SQLite: a file copy; PostgreSQL under `npm run test:pg`: a
// database created from the template).
const tmpDir = process.env.FRONTLINE_TEST_TMP ?? path.resolve("tests/.tmp");
const poolId = process.env.VITEST_POOL_ID ?? "0";
const postgresServer = process.env.FRONTLINE_TEST_POSTGRES;
if (postgresServer) {
  process.env.FRONTLINE_TEST_DB_URL ??= await createDatabaseFromTemplate(
    postgresServer,
    `frontline_w${poolId}`,
  );
  process.env.DATABASE_URL = process.env.FRONTLINE_TEST_DB_URL;
} else {
  const workerDb = path.join(tmpDir, `worker-${poolId}.db`);
  if (!process.env.FRONTLINE_TEST_DB_READY) {
    // A WAL left by an earlier process of this pool slot belongs to the old copy: drop it.
    for (const suffix of ["-wal", "-shm"]) rmSync(workerDb + suffix, { force: true });
    copyFileSync(path.join(tmpDir, "template.db"), workerDb);
    process.env.FRONTLINE_TEST_DB_READY = "1";
  }
  process.env.DATABASE_URL = `file:${workerDb}`;
}
process.env.LOG_LEVEL ??= "silent";
process.env.NODE_ENV = "test";

// An unexpected console.error is a failing test, not noise.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
