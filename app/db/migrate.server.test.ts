import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "./migrate.server";

const migrationsDir = path.resolve("prisma/migrations");
const committed = readdirSync(migrationsDir)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();

let dir: string;
let url: string;
const quiet = { log: () => {} };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "frontline-migrate-"));
  // A folder that does not exist yet: the runner creates it.
  url = `file:${path.join(dir, "nested", "test.db")}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open() {
  return new Database(path.join(dir, "nested", "test.db"));
}

type Row = {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: unknown;
};

describe("migrate (SQLite)", () => {
  it("applies every committed migration once, in name order", async () => {
    expect(committed.length).toBeGreaterThan(0);
    expect(await migrate(url, quiet)).toEqual({ applied: committed });
    expect(await migrate(url, quiet)).toEqual({ applied: [] });
  });

  it("books each migration as Prisma's schema engine does", async () => {
    await migrate(url, quiet);
    const db = open();
    const rows = db.prepare("SELECT * FROM _prisma_migrations ORDER BY started_at").all() as Row[];
    db.close();
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const row of rows) {
      const bytes = readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      // Integer epoch milliseconds, as the native engine writes DATETIME.
      expect(typeof row.started_at).toBe("number");
      expect(typeof row.finished_at).toBe("number");
      expect(row.finished_at as number).toBeGreaterThanOrEqual(row.started_at as number);
      expect(Math.abs(Date.now() - (row.finished_at as number))).toBeLessThan(60_000);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("leaves the database in WAL mode with foreign keys enforced", async () => {
    await migrate(url, quiet);
    const db = open();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare("INSERT INTO Session (id, userId, expiresAt) VALUES ('s', 'no-such-user', 0)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it("refuses to go on past a failed migration (Prisma's P3009)", async () => {
    await migrate(url, quiet);
    const db = open();
    db.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs) VALUES ('x', 'c', '20990101000000_broken', 0, 'boom')",
    ).run();
    db.close();
    await expect(migrate(url, quiet)).rejects.toThrow(
      /failed migrations.*\n.*20990101000000_broken: boom/,
    );

    // Marked rolled back (what `prisma migrate resolve --rolled-back` does), it no longer blocks.
    const again = open();
    again.prepare("UPDATE _prisma_migrations SET rolled_back_at = 1 WHERE id = 'x'").run();
    again.close();
    const warnings: string[] = [];
    await expect(migrate(url, { ...quiet, warn: (w) => warnings.push(w) })).resolves.toEqual({
      applied: [],
    });
    expect(warnings).toEqual([]);
  });

  it("rolls a failing migration back whole and books nothing", async () => {
    const own = path.join(dir, "migrations");
    cpSync(migrationsDir, own, { recursive: true });
    mkdirSync(path.join(own, "20990101000000_bad"));
    writeFileSync(
      path.join(own, "20990101000000_bad", "migration.sql"),
      'CREATE TABLE "Extra" ("id" TEXT);\nINSERT INTO "Nope" VALUES (1);\n',
    );
    await expect(migrate(url, { ...quiet, migrationsDir: own })).rejects.toThrow(
      /20990101000000_bad failed and was rolled back: no such table: Nope/,
    );
    const db = open();
    const names = db.prepare("SELECT migration_name FROM _prisma_migrations").pluck().all();
    const extra = db.prepare("SELECT name FROM sqlite_master WHERE name = 'Extra'").all();
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
    expect(names).toEqual(committed);
    expect(extra).toEqual([]);
  });

  it("keeps child rows through a table rebuild, and checks foreign keys before committing", async () => {
    const own = path.join(dir, "migrations");
    cpSync(migrationsDir, own, { recursive: true });
    await migrate(url, { ...quiet, migrationsDir: own });
    const db = open();
    db.exec(`INSERT INTO User (id, email, name, updatedAt) VALUES ('u1', 'a@example.test', 'A', 0);
      INSERT INTO Password (userId, hash, updatedAt) VALUES ('u1', 'h', 0);
      INSERT INTO Session (id, userId, expiresAt) VALUES ('s1', 'u1', 0);`);
    db.close();

    // How Prisma rebuilds a SQLite table: with foreign keys on, DROP TABLE would cascade.
    const add = (name: string, sql: string) => {
      mkdirSync(path.join(own, name));
      writeFileSync(path.join(own, name, "migration.sql"), sql);
    };
    add(
      "20990101000001_rebuild_user",
      `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" ("id" TEXT NOT NULL PRIMARY KEY, "email" TEXT NOT NULL, "name" TEXT NOT NULL, "updatedAt" DATETIME NOT NULL);
INSERT INTO "new_User" ("id", "email", "name", "updatedAt") SELECT "id", "email", "name", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
    );
    expect((await migrate(url, { ...quiet, migrationsDir: own })).applied).toEqual([
      "20990101000001_rebuild_user",
    ]);
    const after = open();
    expect(after.prepare("SELECT count(*) FROM Password").pluck().get()).toBe(1);
    expect(after.prepare("SELECT count(*) FROM Session").pluck().get()).toBe(1);
    after.close();

    add(
      "20990101000002_orphan",
      "INSERT INTO Session (id, userId, expiresAt) VALUES ('s2', 'nobody', 0);\n",
    );
    await expect(migrate(url, { ...quiet, migrationsDir: own })).rejects.toThrow(
      /20990101000002_orphan failed and was rolled back: foreign key violations/,
    );
    const last = open();
    expect(last.prepare("SELECT count(*) FROM Session").pluck().get()).toBe(1);
    last.close();
  });

  it("warns when an applied migration's file has changed", async () => {
    const own = path.join(dir, "migrations");
    cpSync(migrationsDir, own, { recursive: true });
    await migrate(url, { ...quiet, migrationsDir: own });
    const first = path.join(own, committed[0]!, "migration.sql");
    writeFileSync(first, readFileSync(first, "utf8") + "\n-- edited\n");
    const warnings: string[] = [];
    const result = await migrate(url, {
      ...quiet,
      migrationsDir: own,
      warn: (w) => warnings.push(w),
    });
    expect(result.applied).toEqual([]);
    expect(warnings).toEqual([
      `migrate: warning: migration ${committed[0]} was edited after it was applied (checksum differs)`,
    ]);
  });

  it("refuses a non-empty database that has no migrations table (Prisma's P3005)", async () => {
    mkdirSync(path.join(dir, "nested"));
    const db = open();
    db.exec("CREATE TABLE stray (id INTEGER)");
    db.close();
    await expect(migrate(url, quiet)).rejects.toThrow(/not empty \(stray\)/);
  });

  it("lets only one of two processes started together apply each migration", async () => {
    // The runner reads prisma/migrations from its working folder: give it slow extra migrations
    // so that the two runs overlap.
    const own = path.join(dir, "prisma", "migrations");
    cpSync(migrationsDir, own, { recursive: true });
    const slow = ["20990101000001_slow", "20990101000002_slow", "20990101000003_slow"];
    for (const [i, name] of slow.entries()) {
      mkdirSync(path.join(own, name));
      writeFileSync(
        path.join(own, name, "migration.sql"),
        `CREATE TABLE "Slow${i}" ("n" INTEGER);\n` +
          `INSERT INTO "Slow${i}" WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT x FROM c;\n`,
      );
    }
    const run = () =>
      new Promise<string>((resolve, reject) => {
        execFile(
          path.resolve("node_modules/.bin/tsx"),
          [path.resolve("scripts/migrate.ts")],
          { cwd: dir, env: { ...process.env, DATABASE_URL: url } },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      });
    const outputs = await Promise.all([run(), run()]);
    const applied = outputs.flatMap((out) =>
      [...out.matchAll(/^ {2}applied (\d{14}_\w+)$/gm)].map((m) => m[1]),
    );
    expect(applied.sort()).toEqual([...committed, ...slow]);
  }, 30_000);
});
