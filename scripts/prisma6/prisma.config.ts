// Prisma 6.19.3 configuration for scripts/lib/prisma-diff.ts, not for the app (which uses Prisma 7
// and prisma.config.ts). Prisma 6 runs its wasm schema engine through a driver adapter, so
// `migrate diff` works without downloading a native engine. prisma-diff.ts copies this file next
// to the Prisma 6 install, so "@prisma/adapter-pg" and "pg" are Prisma 6's (the 7.10 adapter
// returns column types the 6.19 engine cannot read); the SQLite adapter is the app's 7.10 one,
// which works. Set by the caller:
//   FRONTLINE_PRISMA6_SCHEMA    the Prisma-6 copy of the schema
//   FRONTLINE_PRISMA6_PGHOST    PostgreSQL only: the folder given to pglite-server.mjs
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

type Adapter = { executeRaw(q: { sql: string; args: unknown[] }): Promise<number> };
type Factory = {
  provider: string;
  adapterName: string;
  connect(): Promise<unknown>;
  connectToShadowDb(): Promise<unknown>;
};

// The engine sends whole multi-statement scripts through executeRaw, which better-sqlite3
// prepares as one statement (and then rejects); run argument-less ones as scripts instead.
function runScriptsWhole<T extends Adapter & { executeScript(sql: string): Promise<void> }>(
  adapter: T,
): T {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

function sqlite(): Factory {
  const factory = new PrismaBetterSqlite3({ url: ":memory:" });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => runScriptsWhole(await factory.connect()),
    connectToShadowDb: async () => runScriptsWhole(await factory.connectToShadowDb()),
  };
}

// The engine's catalog queries return columns of PostgreSQL's internal types "name" and "char",
// which the adapter cannot map; they arrive as strings, so present them as text.
const asText: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
function retype<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? [];
  for (const field of fields) field.dataTypeID = asText[field.dataTypeID] ?? field.dataTypeID;
  return result;
}
function patchPgTypes() {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  Object.assign(pg.Client.prototype, {
    query(this: unknown, ...args: unknown[]) {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: unknown, result: unknown) =>
          callback(error, retype(result));
      }
      const result = query.apply(this, args);
      return result instanceof Promise ? result.then(retype) : result;
    },
  });
}

function postgres(host: string): Factory {
  patchPgTypes();
  const at = (db: string) =>
    new PrismaPg({
      host: path.join(host, db),
      user: "postgres",
      database: "postgres",
      allowExitOnIdle: true,
    });
  const main = at("main");
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: () => at("shadow").connect(),
  };
}

const pgHost = process.env.FRONTLINE_PRISMA6_PGHOST;

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.FRONTLINE_PRISMA6_SCHEMA,
  adapter: async () => (pgHost ? postgres(pgHost) : sqlite()),
};
