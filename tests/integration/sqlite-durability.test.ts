import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { isPostgres } from "../support/dialect";

// docs/decisions/007-sqlite-durability.md: the app's connection runs in WAL mode with every
// commit synced to disk, so an acknowledged write survives a power loss, not only a crash.
describe.skipIf(isPostgres)("the SQLite connection", () => {
  it("syncs every commit to disk (synchronous = FULL) in WAL mode", async () => {
    const [{ synchronous }] =
      await prisma.$queryRawUnsafe<[{ synchronous: bigint }]>("PRAGMA synchronous");
    const [{ journal_mode }] =
      await prisma.$queryRawUnsafe<[{ journal_mode: string }]>("PRAGMA journal_mode");
    // 2 is FULL (0 OFF, 1 NORMAL, 3 EXTRA).
    expect(Number(synchronous)).toBe(2);
    expect(journal_mode).toBe("wal");
  });
});
