import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";

// Requests share the process's database connection. A write acknowledged to one request must
// not ride along in another request's transaction (and vanish when that one rolls back), and a
// read must not see rows another transaction has not committed (app/db/one-connection.server.ts).
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const keys = async (...wanted: string[]) =>
  (await prisma.loginFailure.findMany({ where: { key: { in: wanted } } })).map((r) => r.key).sort();

describe("work from concurrent requests", () => {
  it("keeps a write made outside a transaction when that transaction rolls back", async () => {
    let inside!: () => void;
    const began = new Promise<void>((resolve) => (inside = resolve));
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.loginFailure.create({ data: { key: "rolled-back", at: new Date() } });
        inside();
        await pause(50);
        throw new Error("changed my mind");
      })
      .catch((error: Error) => error.message);
    await began;
    await prisma.loginFailure.create({ data: { key: "acknowledged", at: new Date() } });
    expect(await failing).toBe("changed my mind");
    expect(await keys("rolled-back", "acknowledged")).toEqual(["acknowledged"]);
  });

  it("does not let a read see what another transaction has not committed", async () => {
    let inside!: () => void;
    let finish!: () => void;
    const began = new Promise<void>((resolve) => (inside = resolve));
    const release = new Promise<void>((resolve) => (finish = resolve));
    const open = prisma.$transaction(async (tx) => {
      await tx.loginFailure.create({ data: { key: "uncommitted", at: new Date() } });
      inside();
      await release;
      throw new Error("rolled back");
    });
    await began;
    const read = keys("uncommitted");
    finish();
    await expect(open).rejects.toThrow("rolled back");
    expect(await read).toEqual([]);
  });

  it("commits concurrent transactions, each whole", async () => {
    await Promise.all(
      ["a", "b", "c"].map((name) =>
        prisma.$transaction(async (tx) => {
          await tx.loginFailure.create({ data: { key: `both-${name}-1`, at: new Date() } });
          await pause(5);
          await tx.loginFailure.create({ data: { key: `both-${name}-2`, at: new Date() } });
        }),
      ),
    );
    expect(
      await keys(...["a", "b", "c"].flatMap((n) => [`both-${n}-1`, `both-${n}-2`])),
    ).toHaveLength(6);
  });
});
