import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { oneAtATime } from "~/db/one-connection.server";
import { sqliteConnectionPragmas } from "~/db/sqlite-pragmas";
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
 * The better-sqlite3 adapter, running our pragmas on every connection it opens (it has no option
 * for them, and they are per connection: a connection without them would quietly sync less).
 */
function sqliteAdapter(file: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: file, timeout: sqliteBusyTimeoutMs });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(sqliteConnectionPragmas);
      return oneAtATime(connection);
    },
  };
}

/**
 * A Prisma client for the given URL. Both generated clients share one model API; the
 * PostgreSQL one is typed as the SQLite one so the app has a single `Db` type.
 */
export function createPrismaClient(url: string): Db {
  if (isPostgresUrl(url)) {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    postgresClients.add(client);
    return client as unknown as Db;
  }
  return new PrismaClient({ adapter: sqliteAdapter(sqlitePath(url)) });
}

// On globalThis, as the client itself is (below): the HTTP server's bundle may create the client
// that the Remix build then uses, and each bundle has its own copy of this module.
const postgresClients = ((
  globalThis as { frontlinePostgresClients?: WeakSet<object> }
).frontlinePostgresClients ??= new WeakSet<object>());

/** The SQL a client speaks, for the few raw queries whose functions differ between the two. */
export const dialectOf = (db: Db): "postgresql" | "sqlite" =>
  postgresClients.has(db) ? "postgresql" : "sqlite";

const globalForDb = globalThis as unknown as { frontlineDb?: Db };

/** The one Prisma client of this process (kept across dev reloads). */
export const prisma: Db = (globalForDb.frontlineDb ??= createPrismaClient(env().DATABASE_URL));
