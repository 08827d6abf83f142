import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "~/env.server";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgres/client";

export type Db = PrismaClient;

export function isPostgresUrl(url: string) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Path of a SQLite file: URL ("file:./data/x.db" → "./data/x.db"). */
export function sqlitePath(url: string) {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

// SQLite waits this long for a lock before SQLITE_BUSY (WAL lets readers go on meanwhile).
export const sqliteBusyTimeoutMs = 5000;

/**
 * A Prisma client for the given URL. Both generated clients share one model API; the
 * PostgreSQL one is typed as the SQLite one so the app has a single `Db` type.
 */
export function createPrismaClient(url: string): Db {
  if (isPostgresUrl(url)) {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return client as unknown as Db;
  }
  return new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: sqlitePath(url), timeout: sqliteBusyTimeoutMs }),
  });
}

const globalForDb = globalThis as unknown as { frontlineDb?: Db };

/** The one Prisma client of this process (kept across dev reloads). */
export const prisma: Db = (globalForDb.frontlineDb ??= createPrismaClient(env().DATABASE_URL));
