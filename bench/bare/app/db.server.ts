import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { sqliteConnectionPragmas } from "../../../app/db/sqlite-pragmas";
import { PrismaClient } from "../../../app/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../../../app/generated/prisma-postgres/client";

// The bare app's database: Frontline's generated Prisma clients and driver adapters with the same
// SQLite settings as app/db.server.ts (its per-connection pragmas, a 5000 ms busy timeout, the
// adapter's one connection, WAL), writing to a table of its own. DATABASE_URL is a SQLite file
// (`file:…`, the bench gives it one under bench/.work) or a postgres:// URL.

const url = process.env.DATABASE_URL ?? "file:bench/.work/bare/bare.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

/** The better-sqlite3 adapter running Frontline's pragmas on the connection it opens. */
function sqliteAdapter(file: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(sqliteConnectionPragmas);
      return connection;
    },
  };
}

const sqlite = postgres
  ? null
  : new PrismaClient({ adapter: sqliteAdapter(url.replace(/^file:/, "").replace(/\?.*$/, "")) });
const pg = postgres
  ? new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
  : null;

// The table, made when the server starts (the first import of this module).
if (sqlite) {
  // Frontline's migration runner puts its database file in WAL mode; this one does the same.
  await sqlite.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await sqlite.$executeRawUnsafe(
    "CREATE TABLE IF NOT EXISTS bare_row (id INTEGER PRIMARY KEY AUTOINCREMENT, run TEXT NOT NULL, n INTEGER NOT NULL, note TEXT NOT NULL, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)",
  );
} else {
  await pg!.$executeRawUnsafe(
    "CREATE TABLE IF NOT EXISTS bare_row (id BIGSERIAL PRIMARY KEY, run TEXT NOT NULL, n INTEGER NOT NULL, note TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())",
  );
}

/** One row, one statement, committed when the promise settles. */
export function insertRow(run: string, n: number, note: string) {
  return sqlite
    ? sqlite.$executeRaw`INSERT INTO bare_row (run, n, note) VALUES (${run}, ${n}, ${note})`
    : pg!.$executeRaw`INSERT INTO bare_row (run, n, note) VALUES (${run}, ${n}, ${note})`;
}
