import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { sqliteConnectionPragmas } from "./sqlite-pragmas";

// The Prisma 7 CLI cannot migrate offline (it downloads a native engine first), so the app
// applies its committed migrations itself. It books them in Prisma's own `_prisma_migrations`
// table exactly as Prisma's schema engine does (sql-schema-connector, flavour/*.rs and
// sql_migration_persistence.rs), so `prisma migrate status/deploy` accept the same database.
//
// Unlike Prisma, each migration runs in one transaction together with its booking row. A failed
// migration is rolled back whole and leaves no row: nothing of it is in the database, so fixing
// the file and running again is safe.

export type MigrateOptions = {
  /** Folder of `<name>/migration.sql`; default prisma/migrations or prisma/postgres/migrations. */
  migrationsDir?: string;
  log?: (line: string) => void;
  /** Problems that do not stop the run (an applied migration whose file changed). */
  warn?: (line: string) => void;
};

type Migration = { name: string; script: string; checksum: string };

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
};

type SqliteDb = BetterSqlite3.Database;

// Not imported from ~/db.server: importing that module opens the app's Prisma client.
const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);
const busyTimeoutMs = 5000;
// Prisma Migrate's own advisory lock key, so this runner and `prisma migrate` exclude each other.
const advisoryLockKey = 72707369;

/** Apply the pending migrations to the database at `url` (file:… for SQLite, postgres://…). */
export async function migrate(
  url: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const postgres = isPostgres(url);
  if (!postgres && !url.startsWith("file:")) {
    throw new Error("migrate: DATABASE_URL must start with file: or postgres://");
  }
  const dir = path.resolve(
    options.migrationsDir ?? (postgres ? "prisma/postgres/migrations" : "prisma/migrations"),
  );
  const migrations = loadMigrations(dir, postgres ? "postgresql" : "sqlite");
  const log = options.log ?? (() => {});
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const applied = postgres
    ? await migratePostgres(url, migrations, log, warn)
    : await migrateSqlite(url, migrations, log, warn);
  log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
  return { applied };
}

/** SHA-256 (hex) of the file's bytes: the checksum Prisma books. */
function checksumOf(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function loadMigrations(dir: string, provider: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrate: no migrations folder at ${dir}`);
  const lock = path.join(dir, "migration_lock.toml");
  if (existsSync(lock)) {
    const locked = /provider\s*=\s*"([^"]+)"/.exec(readFileSync(lock, "utf8"))?.[1];
    if (locked && locked !== provider) {
      throw new Error(`migrate: ${lock} is for ${locked}, but the database is ${provider}`);
    }
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, script: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    });
}

/**
 * The next migration to apply, after the checks Prisma makes: a failed row (neither finished nor
 * rolled back) stops everything, as Prisma's P3009 does.
 */
function nextPending(
  migrations: Migration[],
  rows: Row[],
  warn: (line: string) => void,
  warned: Set<string>,
): Migration | undefined {
  const failed = rows.filter((row) => row.finished_at == null && row.rolled_back_at == null);
  if (failed.length) {
    const details = failed
      .map((row) => `  ${row.migration_name}${row.logs?.trim() ? `: ${row.logs.trim()}` : ""}`)
      .join("\n");
    throw new Error(
      `migrate: the database has failed migrations (Prisma P3009), so none are applied:\n${details}\n` +
        "Repair the database by hand, then mark the row rolled back (set rolled_back_at) or applied.",
    );
  }
  const live = rows.filter((row) => row.rolled_back_at == null);
  for (const row of live) {
    const local = migrations.find((m) => m.name === row.migration_name);
    const problem = !local
      ? "is applied but missing from the migrations folder"
      : local.checksum !== row.checksum
        ? "was edited after it was applied (checksum differs)"
        : undefined;
    if (problem && !warned.has(row.migration_name)) {
      warned.add(row.migration_name);
      warn(`migrate: warning: migration ${row.migration_name} ${problem}`);
    }
  }
  return migrations.find((m) => !live.some((row) => row.migration_name === m.name));
}

function notEmptyError(tables: string[]) {
  return new Error(
    `migrate: the database is not empty (${tables.join(", ")}) but has no _prisma_migrations ` +
      "table (Prisma P3005); baseline it before migrating.",
  );
}

// DDL as Prisma's schema engine creates it (flavour/sqlite.rs).
const sqliteMigrationsTable = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);
`;

// DDL as Prisma's schema engine creates it (flavour/postgres.rs).
const postgresMigrationsTable = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

const selectRows =
  "SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at";

async function migrateSqlite(
  url: string,
  migrations: Migration[],
  log: (line: string) => void,
  warn: (line: string) => void,
): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  const applied: string[] = [];
  const warned = new Set<string>();
  try {
    db.pragma("journal_mode = WAL");
    // The same durability as the app's connection: an applied migration survives a power loss.
    db.exec(sqliteConnectionPragmas);
    // Ignored inside a transaction, and a table rebuild would otherwise cascade-delete child rows.
    db.pragma("foreign_keys = OFF");
    for (;;) {
      // IMMEDIATE takes the write lock before reading, so a second process waits here and then
      // sees what the first applied.
      db.exec("BEGIN IMMEDIATE");
      let next: Migration | undefined;
      try {
        ensureSqliteTable(db);
        next = nextPending(migrations, db.prepare(selectRows).all() as Row[], warn, warned);
        if (next) applySqlite(db, next);
        db.exec("COMMIT");
      } catch (error) {
        // Some errors (a full disk, say) end the transaction already.
        if (db.inTransaction) db.exec("ROLLBACK");
        throw next ? failed(next, error) : error;
      }
      if (!next) break;
      applied.push(next.name);
      log(`applied ${next.name}`);
    }
  } finally {
    db.pragma("foreign_keys = ON");
    db.close();
  }
  return applied;
}

function ensureSqliteTable(db: SqliteDb) {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  ).map((t) => t.name);
  if (tables.includes("_prisma_migrations")) return;
  if (tables.length) throw notEmptyError(tables);
  db.exec(sqliteMigrationsTable);
}

function applySqlite(db: SqliteDb, migration: Migration) {
  const id = randomUUID();
  // Prisma's engine stores SQLite DATETIMEs as integer epoch milliseconds.
  db.prepare(
    "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES (?, ?, ?, ?)",
  ).run(id, migration.checksum, Date.now(), migration.name);
  db.exec(migration.script);
  const violations = db.prepare("PRAGMA foreign_key_check").all();
  if (violations.length) {
    throw new Error(`foreign key violations: ${JSON.stringify(violations.slice(0, 5))}`);
  }
  db.prepare(
    "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = ? WHERE id = ?",
  ).run(Date.now(), id);
}

async function migratePostgres(
  url: string,
  migrations: Migration[],
  log: (line: string) => void,
  warn: (line: string) => void,
): Promise<string[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    // Held for the whole run: a second process waits here, then finds nothing left to do.
    await client.query("SELECT pg_advisory_lock($1)", [advisoryLockKey]);
    const { rows: tables } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
    );
    const names = tables.map((t) => t.tablename);
    if (!names.includes("_prisma_migrations")) {
      if (names.length) throw notEmptyError(names);
      await client.query(postgresMigrationsTable);
    }
    const { rows } = await client.query<Row>(selectRows);
    const warned = new Set<string>();
    for (;;) {
      const next = nextPending(migrations, rows, warn, warned);
      if (!next) break;
      const id = randomUUID();
      try {
        await client.query("BEGIN");
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, $3, $4)",
          [id, next.checksum, new Date(), next.name],
        );
        // No parameters: the simple protocol runs the whole multi-statement script.
        await client.query(next.script);
        await client.query(
          "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = $1 WHERE id = $2",
          [new Date(), id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw failed(next, error);
      }
      rows.push({
        migration_name: next.name,
        checksum: next.checksum,
        finished_at: new Date(),
        rolled_back_at: null,
        logs: null,
      });
      applied.push(next.name);
      log(`applied ${next.name}`);
    }
  } finally {
    await client.end();
  }
  return applied;
}

function failed(migration: Migration, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`migrate: migration ${migration.name} failed and was rolled back: ${message}`, {
    cause: error,
  });
}
