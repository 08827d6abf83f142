// Serves in-memory PostgreSQL (PGlite, PostgreSQL compiled to wasm) on Unix sockets, so Prisma 6's
// schema engine can replay the PostgreSQL migrations without a server. Usage:
//   node pglite-server.mjs DIR   → sockets DIR/main/.s.PGSQL.5432 and DIR/shadow/.s.PGSQL.5432
// Prints "ready" when both accept connections; stops when stdin closes or on SIGTERM.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node pglite-server.mjs DIR");

async function serve(name) {
  const socketDir = path.join(dir, name);
  mkdirSync(socketDir, { recursive: true });
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432") });
  await server.start();
  return async () => {
    await server.stop();
    await db.close();
  };
}

const stops = await Promise.all(["main", "shadow"].map(serve));
const stop = async () => {
  await Promise.all(stops.map((s) => s()));
  process.exit(0);
};
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
process.stdout.write("ready\n");
