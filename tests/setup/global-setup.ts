import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

// Vitest global setup: one migrated, demo-seeded SQLite template for the whole run. Each worker
// copies it (tests/setup/setup-each.ts), so tests get a real database without sharing one.

// Each run gets its own folder (named by this process), so two runs in one tree never share files;
// workers find it through FRONTLINE_TEST_TMP.
export const tmpDir = path.resolve("tests/.tmp", `run-${process.pid}`);
export const templatePath = path.join(tmpDir, "template.db");

export default async function setup() {
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  process.env.FRONTLINE_TEST_TMP = tmpDir;
  process.env.DATABASE_URL = `file:${templatePath}`;
  process.env.LOG_LEVEL = "silent";
  const { migrate } = await import("~/db/migrate.server");
  await migrate(process.env.DATABASE_URL);
  const { createPrismaClient } = await import("~/db.server");
  const { seedDemoOrganisation } = await import("~/demo/seed-organisation.server");
  const db = createPrismaClient(process.env.DATABASE_URL);
  await seedDemoOrganisation(db);
  // Fold the WAL into the main file so a plain file copy carries everything.
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  return () => rmSync(tmpDir, { recursive: true, force: true });
}
