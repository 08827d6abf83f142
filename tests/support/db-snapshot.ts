import { createHash } from "node:crypto";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

// The whole database as row counts and a digest of every row, per table: two snapshots that
// agree prove a request wrote nothing at all (no row added, removed or changed).

export type TableName = `${Prisma.ModelName}`;
export type Snapshot = Record<TableName, { count: number; digest: string }>;

/**
 * Tables a request may write by design whatever its answer: sessions (each test visitor gets
 * one; using it refreshes lastSeenAt) and the browsers a sign-in makes known, the login
 * throttle's failures and the per-user count of posted forms.
 */
export const bookkeeping: readonly string[] = [
  "Session",
  "KnownDevice",
  "LoginFailure",
  "WriteCount",
];

/**
 * Columns a sign-in writes by design (the person's latest sign-in, and so their row's updatedAt):
 * left out of the digest like the bookkeeping tables, so a signed-in request that changes
 * nothing else still compares equal. A real change to the person changes other columns too.
 */
export const bookkeepingColumns: Partial<Record<string, readonly string[]>> = {
  User: ["lastSignInAt", "updatedAt"],
};

const withoutBookkeeping = (table: string, row: unknown) => {
  const columns = bookkeepingColumns[table];
  if (!columns) return row;
  const copy = { ...(row as Record<string, unknown>) };
  for (const column of columns) delete copy[column];
  return copy;
};

type Delegate = { findMany: () => Promise<unknown[]>; count: () => Promise<number> };
const delegateOf = (table: TableName) =>
  (prisma as unknown as Record<string, Delegate>)[table[0]!.toLowerCase() + table.slice(1)]!;

export async function snapshotDatabase(): Promise<Snapshot> {
  const tables = Object.values(Prisma.ModelName) as TableName[];
  const entries = await Promise.all(
    tables.map(async (table) => {
      // Bookkeeping tables grow with every request: their count is enough, and much cheaper.
      if (bookkeeping.includes(table)) {
        const count = await delegateOf(table).count();
        return [table, { count, digest: String(count) }] as const;
      }
      const rows = (await delegateOf(table).findMany())
        .map((row) => JSON.stringify(withoutBookkeeping(table, row)))
        .sort();
      const digest = createHash("sha256").update(rows.join("\n")).digest("hex");
      return [table, { count: rows.length, digest }] as const;
    }),
  );
  return Object.fromEntries(entries) as Snapshot;
}

/** Tables whose rows differ between two snapshots, bookkeeping left out unless asked for. */
export function changedTables(before: Snapshot, after: Snapshot, ignore = bookkeeping) {
  return (Object.keys(before) as TableName[]).filter(
    (table) => !ignore.includes(table) && before[table].digest !== after[table].digest,
  );
}

/** How many rows each changed table gained (negative: lost). */
export function rowDelta(before: Snapshot, after: Snapshot, ignore = bookkeeping) {
  return Object.fromEntries(
    changedTables(before, after, ignore).map((t) => [t, after[t].count - before[t].count]),
  ) as Partial<Record<TableName, number>>;
}
