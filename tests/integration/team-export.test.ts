import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { MatrixFilters } from "~/team/matrix-filters";
import { parseMatrixFilters } from "~/team/matrix-filters";
import { peopleInScope, peopleInScopeBatches } from "~/team/matrix-scope.server";
import { exportCsv } from "~/team/matrix.server";
import { trainingRecords } from "~/training/rollout/records-cache.server";

// The whole-organisation export reads people a batch at a time (keyset pages in the matrix's
// order), only when the response asks for more, and leaves the per-process caches as it found them.

const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
const managerEmail = `export.manager.${stamp}@test.frontline.test`;
let manager: SessionUser;
const teamIds: string[] = [];
const assignmentIds: string[] = [];

// Made in another order than they sort in, so the order can only come from the team names; big
// teams that take several reads, and small and empty ones that one read takes several of.
const teams = [
  ["Export Zeta", 230],
  ["Export Alpha", 17],
  ["Export Mu", 160],
  ["Export Beta", 0],
  ["Export Kappa", 1],
  ["Export Omega", 3],
  ["Export Delta", 45],
  ["Export Eta", 2],
  ["Export Iota", 90],
] as const;
// Many people share a name, so pages also break between equal names (ordered by id then).
const names = ["Ana Novak", "Émile Dubois", "ana novak", "Zoë Chen", "Oğuz Öztürk"];

const filters = (search = ""): MatrixFilters => {
  const parsed = parseMatrixFilters(new URLSearchParams(search));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.filters;
};

async function collect(batches: AsyncGenerator<{ email: string }[], void>, size: number) {
  const emails: string[] = [];
  for await (const batch of batches) {
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.length).toBeLessThanOrEqual(size);
    emails.push(...batch.map((p) => p.email));
  }
  return emails;
}

beforeAll(async () => {
  const row = await prisma.user.create({
    data: { email: managerEmail, name: "Export Manager", role: "manager" },
    select: { id: true, email: true, name: true, teamId: true, locale: true, timeZone: true },
  });
  manager = { ...row, role: "manager" };
  for (const [t, [name, size]] of teams.entries()) {
    const team = await prisma.team.create({
      data: {
        name: `${name} ${stamp}`,
        slug: `export-${t}-${stamp}`,
        managers: { create: { userId: manager.id } },
      },
      select: { id: true },
    });
    teamIds.push(team.id);
    await prisma.user.createMany({
      data: Array.from({ length: size }, (_, i) => ({
        name: names[i % names.length]!,
        email: `export.${t}.${i}.${stamp}@test.frontline.test`,
        role: "employee",
        teamId: team.id,
      })),
    });
  }
  for (const moduleSlug of ["our-service-policy", "handling-a-complaint"]) {
    const assignment = await prisma.assignment.create({
      data: { moduleSlug, teamIds: JSON.stringify(teamIds), dueDays: 30 },
      select: { id: true },
    });
    assignmentIds.push(assignment.id);
  }
}, 60_000);

afterAll(async () => {
  await prisma.assignment.deleteMany({ where: { id: { in: assignmentIds } } });
  await prisma.moduleCompletion.deleteMany({ where: { user: { teamId: { in: teamIds } } } });
  await prisma.user.deleteMany({ where: { teamId: { in: teamIds } } });
  await prisma.team.deleteMany({ where: { id: { in: teamIds } } });
  await prisma.user.delete({ where: { email: managerEmail } });
});

describe("people in scope, a batch at a time", () => {
  it.each([3, 200])("gives everyone once, in the matrix's order, %i at a time", async (size) => {
    for (const search of ["", "?q=novak", `?team=${teamIds[2]}`]) {
      const whole = (await peopleInScope(manager, filters(search))).map((p) => p.email);
      expect(whole.length).toBeGreaterThan(0);
      const batched = await collect(
        await peopleInScopeBatches(manager, filters(search), size),
        size,
      );
      expect(batched).toEqual(whole);
    }
  });

  it("refuses a team that is not the user's before reading anyone", async () => {
    const other = await prisma.team.findFirstOrThrow({
      where: { id: { notIn: teamIds } },
      select: { id: true },
    });
    await expect(peopleInScopeBatches(manager, filters(`?team=${other.id}`))).rejects.toMatchObject(
      { init: { status: 404 } },
    );
  });
});

describe("the CSV export", () => {
  async function text(stream: ReadableStream<Uint8Array>) {
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      new Uint8Array(await new Response(stream).arrayBuffer()),
    );
  }

  it("lists everyone's rows together, in the matrix's order", async () => {
    const csv = await text(await exportCsv(manager, filters()));
    const emails = csv
      .slice(1)
      .split("\r\n")
      .slice(1, -1)
      .map((row) => row.split(",")[1]!);
    // Both modules for each person, next to each other.
    expect(emails.length).toBe(2 * new Set(emails).size);
    const inOrder = emails.filter((email, i) => email !== emails[i - 1]);
    expect(inOrder).toEqual((await peopleInScope(manager, filters())).map((p) => p.email));
  });

  it("reads the next people only when the response asks for more", async () => {
    const pages = vi.spyOn(prisma.user, "findMany");
    const pagesRead = () => pages.mock.calls.filter(([args]) => args?.take !== undefined).length;
    const idle = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const reader = (await exportCsv(manager, filters())).getReader();
    await idle();
    expect(pagesRead()).toBe(0);
    await reader.read(); // the header
    await idle();
    expect(pagesRead()).toBe(0);
    for (let chunk = 1; chunk <= 3; chunk++) {
      const before = pagesRead();
      expect((await reader.read()).done).toBe(false);
      const read = pagesRead();
      expect(read).toBeGreaterThan(before);
      // Nothing more is read while nobody asks.
      await idle();
      expect(pagesRead()).toBe(read);
    }
    await reader.cancel();
  });

  it("remembers nobody's records, and uses what was remembered", async () => {
    const [first, second] = await prisma.user.findMany({
      where: { teamId: teamIds[0] },
      orderBy: { id: "asc" },
      select: { id: true },
      take: 2,
    });
    // The matrix page remembers the first person; nobody has read the second.
    const remembered = (await trainingRecords([first!.id]))(first!.id);
    await text(await exportCsv(manager, filters()));

    const once = await trainingRecords([first!.id, second!.id], { remember: false });
    const twice = await trainingRecords([first!.id, second!.id], { remember: false });
    expect(once(first!.id)).toBe(remembered);
    expect(twice(first!.id)).toBe(remembered);
    // Read from the database each time: neither the export nor these reads kept them.
    expect(twice(second!.id)).not.toBe(once(second!.id));
    expect(twice(second!.id)).toEqual(once(second!.id));
  });

  it("never answers from a remembered version that is out of date", async () => {
    const person = await prisma.user.findFirstOrThrow({
      where: { teamId: teamIds[1] },
      select: { id: true },
    });
    const before = (await trainingRecords([person.id]))(person.id);
    await prisma.moduleCompletion.create({
      data: {
        userId: person.id,
        moduleSlug: "our-service-policy",
        moduleVersion: "1.0.0",
        contentHash: "written-elsewhere",
        certificateCode: `EXPORT${Date.now()}`,
      },
    });
    const after = (await trainingRecords([person.id], { remember: false }))(person.id);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.modules.get("our-service-policy")?.completions).toHaveLength(1);
    // The out-of-date entry is gone, and the new one was not kept in its place.
    const again = (await trainingRecords([person.id], { remember: false }))(person.id);
    expect(again).not.toBe(after);
    expect(again).toEqual(after);
  });
});
