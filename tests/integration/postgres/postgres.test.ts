import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { migrate } from "~/db/migrate.server";

const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error("TEST_DATABASE_URL is not set: run these tests with `npm run test:pg`");

const migrationsDir = path.resolve("prisma/postgres/migrations");
const committed = readdirSync(migrationsDir)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();
const quiet = { log: () => {} };

async function query<T extends pg.QueryResultRow>(sql: string, dbUrl = url!): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate (PostgreSQL)", () => {
  it("applies every committed migration once", async () => {
    expect(await migrate(url, quiet)).toEqual({ applied: committed });
    expect(await migrate(url, quiet)).toEqual({ applied: [] });
  });

  it("creates _prisma_migrations as Prisma's schema engine does", async () => {
    const columns = await query<{
      column_name: string;
      data_type: string;
      max: number | null;
      nullable: string;
    }>(
      `SELECT column_name, data_type, character_maximum_length AS max, is_nullable AS nullable
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.max, c.nullable])).toEqual([
      ["id", "character varying", 36, "NO"],
      ["checksum", "character varying", 64, "NO"],
      ["finished_at", "timestamp with time zone", null, "YES"],
      ["migration_name", "character varying", 255, "NO"],
      ["logs", "text", null, "YES"],
      ["rolled_back_at", "timestamp with time zone", null, "YES"],
      ["started_at", "timestamp with time zone", null, "NO"],
      ["applied_steps_count", "integer", null, "NO"],
    ]);
  });

  it("books each migration with its checksum, times and step count", async () => {
    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date;
      applied_steps_count: number;
      logs: string | null;
      rolled_back_at: Date | null;
    }>("SELECT * FROM _prisma_migrations ORDER BY started_at");
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const row of rows) {
      const bytes = readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("lets only one of two concurrent runs apply each migration (advisory lock)", async () => {
    const raceUrl = new URL(url);
    raceUrl.pathname = "/frontline_race";
    await query("DROP DATABASE IF EXISTS frontline_race");
    await query("CREATE DATABASE frontline_race");
    try {
      const results = await Promise.all([
        migrate(raceUrl.href, quiet),
        migrate(raceUrl.href, quiet),
      ]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(committed);
      const rows = await query<{ n: string }>(
        "SELECT count(*) AS n FROM _prisma_migrations",
        raceUrl.href,
      );
      expect(Number(rows[0]!.n)).toBe(committed.length);
    } finally {
      await query("DROP DATABASE frontline_race");
    }
  });
});

describe("the app's Prisma client on PostgreSQL", () => {
  let db: Db;

  beforeAll(async () => {
    await migrate(url, quiet);
    // ~/db.server opens a client for DATABASE_URL when it is first imported.
    process.env.DATABASE_URL = url;
    const { createPrismaClient } = await import("~/db.server");
    db = createPrismaClient(url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    const { prisma } = await import("~/db.server");
    await prisma.$disconnect();
  });

  it("creates, reads with relations and cascades deletes", async () => {
    const team = await db.team.create({ data: { name: "Counter", slug: "counter" } });
    const user = await db.user.create({
      data: {
        email: "pg@example.test",
        name: "Pat Gres",
        team: { connect: { id: team.id } },
        password: { create: { hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y" } },
        sessions: { create: { id: "a".repeat(64), expiresAt: new Date(Date.now() + 60_000) } },
      },
    });
    await db.teamManager.create({ data: { teamId: team.id, userId: user.id } });

    const found = await db.user.findUniqueOrThrow({
      where: { email: "pg@example.test" },
      include: { team: { include: { managers: true } }, password: true, sessions: true },
    });
    expect(found.team?.slug).toBe("counter");
    expect(found.team?.managers.map((m) => m.userId)).toEqual([user.id]);
    expect(found.password?.hash).toMatch(/^\$argon2id\$/);
    expect(found.sessions.map((s) => s.id)).toEqual(["a".repeat(64)]);
    expect(found.role).toBe("employee");
    expect(found.createdAt).toBeInstanceOf(Date);

    await db.user.delete({ where: { id: user.id } });
    expect(await db.password.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // The team stays, without its manager (the link goes with the person).
    expect(await db.team.count({ where: { id: team.id } })).toBe(1);
    expect(await db.teamManager.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("keeps the audit log append-only: UPDATE and DELETE are refused by a trigger", async () => {
    const { audit, systemActor } = await import("~/audit/audit.server");
    const event = await audit(
      db,
      systemActor("PostgreSQL test", "127.0.0.1"),
      "person.add",
      { type: "person", id: null, label: "Someone <someone@example.test>" },
      "role: employee",
    );
    await expect(
      db.auditEvent.update({ where: { id: event.id }, data: { summary: "nothing happened" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).summary).toBe(
      "role: employee",
    );
  });
});
