import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { tmpDir } from "./global-setup";
import { postgresDatabaseUrl, templateDatabase } from "./postgres";

// Vitest global setup for `npm run test:pg`: the PostgreSQL twin of global-setup.ts. It migrates
// and seeds one template database; each worker creates its own database from it
// (tests/setup/setup-each.ts), as each SQLite worker copies template.db.

export default async function setup() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server)
    throw new Error("TEST_DATABASE_URL is not set: run these tests with `npm run test:pg`");
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  process.env.FRONTLINE_TEST_TMP = tmpDir;
  process.env.FRONTLINE_TEST_POSTGRES = postgresDatabaseUrl(server, "postgres");
  process.env.LOG_LEVEL = "silent";

  const templateUrl = postgresDatabaseUrl(server, templateDatabase);
  await adminQuery(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${templateDatabase}`);
  process.env.DATABASE_URL = templateUrl;
  const { migrate } = await import("~/db/migrate.server");
  await migrate(templateUrl);
  const { createPrismaClient } = await import("~/db.server");
  const { seedDemoOrganisation } = await import("~/demo/seed-organisation.server");
  const db = createPrismaClient(templateUrl);
  await seedDemoOrganisation(db);
  // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
  await db.$disconnect();

  return async () => {
    rmSync(tmpDir, { recursive: true, force: true });
  };
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: process.env.FRONTLINE_TEST_POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
