import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listModuleArtefacts } from "~/content/store.server";
import { syncModuleVersions } from "~/content/sync.server";
import { seedDemoProgress } from "~/demo/seed-progress.server";
import { prisma } from "~/db.server";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { loader as exportLoader } from "~/routes/team+/export.csv";
import { loader as matrixLoader } from "~/routes/team+/index";
import { csvColumns } from "~/team/matrix.server";
import { statusLabels } from "~/training/rollout/due";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { statusOf } from "../support/module-actions";
import { context, settle } from "../support/requests";
import { demo, loaderArgs, requestAs } from "../support/sessions";

const sam = "sam.okafor@demo.frontline.test";

// The template database has the demo people but not their course progress, which needs the
// compiled course: seeded here, once per worker database, the way the first start does it.
beforeAll(async () => {
  const seeded = await prisma.moduleCompletion.count({ where: { user: { email: demo.employee } } });
  if (seeded > 0) return;
  const artefacts = await listModuleArtefacts();
  await syncModuleVersions(prisma, artefacts);
  await seedDemoProgress(artefacts);
}, 120_000);

type Matrix = Awaited<ReturnType<typeof matrixLoader>>;

async function matrix(email: string, search = ""): Promise<Matrix> {
  return matrixLoader(await loaderArgs(email, `/team${search}`));
}

async function exportAs(email: string, search = "") {
  return settle(
    exportLoader({
      request: await requestAs(email, `/team/export.csv${search}`),
      context: context(),
      params: {},
    }),
  );
}

/** The CSV as text (BOM kept) and as records; fields are split naively, enough for plain rows. */
async function csv(email: string, search = "") {
  const response = (await exportAs(email, search)) as Response;
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const lines = text.slice(1).split("\r\n");
  expect(lines.pop()).toBe("");
  return { response, bytes, text, header: lines[0]!, rows: lines.slice(1) };
}

const teamOf = (slug: string) =>
  prisma.team
    .findUniqueOrThrow({
      where: { slug },
      select: { id: true, managers: { select: { userId: true }, take: 1 } },
    })
    .then((team) => ({ id: team.id, managerId: team.managers[0]?.userId ?? null }));

async function activeMembers(teamSlug: string, except?: string | null) {
  const team = await teamOf(teamSlug);
  return prisma.user.findMany({
    where: { teamId: team.id, active: true, ...(except ? { id: { not: except } } : {}) },
    select: { id: true, email: true, name: true },
  });
}

describe("the /team matrix", () => {
  it("shows a manager the Front desk people and nobody else, herself left out", async () => {
    const { teams, rows, total, columns } = await matrix(demo.manager);
    const frontDesk = await teamOf("front-desk");
    const expected = await activeMembers("front-desk", frontDesk.managerId);
    expect(teams.map((t) => t.name)).toEqual(["Front desk"]);
    expect(total).toBe(expected.length);
    expect(new Set(rows.map((r) => r.team))).toEqual(new Set(["Front desk"]));
    expect(rows.map((r) => r.email).sort()).toEqual(expected.map((p) => p.email).sort());
    expect(rows.map((r) => r.email)).not.toContain(demo.manager);
    expect(columns.length).toBeGreaterThan(0);
    const eli = rows.find((r) => r.email === demo.employee)!;
    expect(new Set(Object.values(eli.cells).map((c) => c.status))).toEqual(
      new Set(["completed", "in-progress", "overdue", "not-started", "needs-retraining"]),
    );
  });

  it("gives each person an overall state and a count done, and the team one completion figure", async () => {
    const { rows, completion } = await matrix(demo.manager);
    for (const row of rows) {
      const statuses = Object.values(row.cells).map((c) => c.status);
      const done = statuses.filter((s) => s === "completed").length;
      expect(row).toMatchObject({ done, assigned: statuses.length });
      // Some done and the rest not begun: under way, not "not started".
      if (done > 0 && statuses.every((s) => s === "completed" || s === "not-started"))
        expect(row.urgent).toBe(done === statuses.length ? "completed" : "in-progress");
    }
    const jonas = rows.find((r) => r.email === "jonas.berg@demo.frontline.test")!;
    expect(jonas.done).toBeGreaterThan(0);
    expect(jonas.urgent).toBe("in-progress");
    expect(completion).toEqual({
      done: rows.reduce((n, r) => n + r.done, 0),
      assigned: rows.reduce((n, r) => n + r.assigned, 0),
    });
  });

  it("shows Sam Okafor the Call centre only", async () => {
    const { teams, rows } = await matrix(sam);
    expect(teams.map((t) => t.name)).toEqual(["Call centre"]);
    expect(new Set(rows.map((r) => r.team))).toEqual(new Set(["Call centre"]));
    expect(rows.map((r) => r.email)).not.toContain(sam);
  });

  it("shows an admin every team", async () => {
    const { teams, rows } = await matrix(demo.admin);
    expect(teams.map((t) => t.name)).toEqual(["Call centre", "Front desk", "Online chat"]);
    expect(new Set(rows.map((r) => r.team))).toEqual(
      new Set(["Call centre", "Front desk", "Online chat"]),
    );
  });

  it.each([demo.employee, demo.trainer])(
    "gives %s 403, on the page and the export",
    async (email) => {
      expect(statusOf(await settle(matrix(email)))).toBe(403);
      expect(statusOf(await exportAs(email))).toBe(403);
    },
  );

  it("filters by status: only people with an overdue module, only their overdue cells", async () => {
    const { rows } = await matrix(demo.manager, "?status=overdue");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.values(row.cells).length).toBeGreaterThan(0);
      expect(Object.values(row.cells).every((c) => c.status === "overdue")).toBe(true);
      expect(row.urgent).toBe("overdue");
    }
    expect(rows.map((r) => r.email)).toContain(demo.employee);
  });

  it("filters by module: one column, its charts bar alone", async () => {
    const { columns, rows, charts } = await matrix(demo.manager, "?module=our-service-policy");
    expect(columns.map((c) => c.slug)).toEqual(["our-service-policy"]);
    expect(charts.byModule.map((m) => m.slug)).toEqual(["our-service-policy"]);
    for (const row of rows) expect(Object.keys(row.cells)).toEqual(["our-service-policy"]);
  });

  it("filters by team, and answers 404 for a team that is not the manager's", async () => {
    const frontDesk = await teamOf("front-desk");
    const callCentre = await teamOf("call-centre");
    expect((await matrix(demo.manager, `?team=${frontDesk.id}`)).total).toBeGreaterThan(0);
    expect(statusOf(await settle(matrix(demo.manager, `?team=${callCentre.id}`)))).toBe(404);
    expect(statusOf(await exportAs(demo.manager, `?team=${callCentre.id}`))).toBe(404);
    const admin = await matrix(demo.admin, `?team=${callCentre.id}`);
    expect(new Set(admin.rows.map((r) => r.team))).toEqual(new Set(["Call centre"]));
  });

  it("searches names and e-mails, ignoring case and accents", async () => {
    expect((await matrix(demo.manager, "?q=BROOKS")).rows.map((r) => r.email)).toEqual([
      demo.employee,
    ]);
    expect((await matrix(demo.manager, "?q=nora.lind")).rows.map((r) => r.name)).toEqual([
      "Nora Lindqvist",
    ]);
    // A Call centre name finds nobody for the Front desk manager.
    expect((await matrix(demo.manager, "?q=Okafor")).total).toBe(0);
  });

  it("sorts by name, status and due date, both ways", async () => {
    const names = (await matrix(demo.manager)).rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const down = (await matrix(demo.manager, "?sort=name&dir=desc")).rows.map((r) => r.name);
    expect(down).toEqual([...names].reverse());

    const byStatus = (await matrix(demo.manager, "?sort=status")).rows;
    expect(byStatus[0]!.urgent).toBe("overdue");
    const rank = ["overdue", "needs-retraining", "in-progress", "not-started", "completed"];
    const ranks = byStatus.map((r) => rank.indexOf(r.urgent!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const dues = (await matrix(demo.manager, "?sort=due")).rows.map((r) => r.nextDue);
    const open = dues.filter((d): d is string => d !== null);
    expect(open).toEqual([...open].sort());
    expect(dues.slice(open.length).every((d) => d === null)).toBe(true);
    const duesDown = (await matrix(demo.manager, "?sort=due&dir=desc")).rows.map((r) => r.nextDue);
    expect(duesDown.filter((d) => d !== null)).toEqual([...open].reverse());
  });

  it.each([
    ["?status=finished", "The status"],
    ["?sort=age", "The sort order"],
    ["?page=0", "The page"],
    ["?page=two", "The page"],
    ["?module=../etc", "The module"],
    [`?q=${"x".repeat(101)}`, "The search"],
  ])("answers %s with 400 and says what was wrong", async (search, field) => {
    const page = await settle(matrix(demo.manager, search));
    expect(statusOf(page)).toBe(400);
    // The message is a key; in English it names the filter that was wrong.
    const message = (page as unknown as { data: { message: string } }).data.message;
    expect(errorText(fixedT("en", "team"), message)).toContain(`${field} in the address`);
    // The download says the same, as text: a resource route's answer is the Response itself.
    const download = (await exportAs(demo.manager, search)) as Response;
    expect(download.status).toBe(400);
    expect(await download.text()).toContain(`${field} in the address`);
  });

  it("computes chart data: counts per status that add up, 12 weekly overdue points", async () => {
    const { rows, charts } = await matrix(demo.manager);
    const cells = rows.flatMap((r) => Object.values(r.cells));
    const counted = charts.byModule.reduce(
      (sum, m) =>
        sum + m.completed + m.overdue + m["needs-retraining"] + m["in-progress"] + m["not-started"],
      0,
    );
    expect(counted).toBe(cells.length);
    expect(charts.overdue).toHaveLength(12);
    expect(charts.overdue.at(-1)!.overdue).toBe(cells.filter((c) => c.status === "overdue").length);
  });
});

describe("/team/export.csv", () => {
  it("streams UTF-8 with a BOM, the header and one row per person × assigned module", async () => {
    const { response, bytes, header, rows } = await csv(demo.manager);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="frontline-team-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toBe("Employee,E-mail,Team,Module,Version,Status,Due date,Completed on");

    const frontDesk = await teamOf("front-desk");
    const people = await activeMembers("front-desk", frontDesk.managerId);
    const enrollments = await listEnrollments(people.map((p) => p.id));
    expect(rows).toHaveLength(enrollments.length);
    for (const row of rows) expect(row.split(",")[2]).toBe("Front desk");
    const eli = rows.filter((r) => r.includes(demo.employee));
    expect(eli).toHaveLength(
      enrollments.filter((e) => e.userId === people.find((p) => p.email === demo.employee)!.id)
        .length,
    );
    expect(eli.some((r) => /,Completed,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}$/.test(r))).toBe(true);
    expect(eli.some((r) => /,Overdue,\d{4}-\d{2}-\d{2},$/.test(r))).toBe(true);
  });

  it("never holds another team's people", async () => {
    const { text } = await csv(demo.manager);
    for (const slug of ["call-centre", "online-chat"]) {
      for (const person of await activeMembers(slug)) expect(text).not.toContain(person.email);
    }
  });

  it("honours the filters", async () => {
    const overdue = await csv(demo.manager, "?status=overdue");
    expect(overdue.rows.length).toBeGreaterThan(0);
    for (const row of overdue.rows) expect(row.split(",")[5]).toBe("Overdue");
    const page = await matrix(demo.manager, "?status=overdue");
    expect(overdue.rows).toHaveLength(page.rows.flatMap((r) => Object.values(r.cells)).length);

    const oneModule = await csv(demo.manager, "?module=our-service-policy");
    for (const row of oneModule.rows) expect(row.split(",")[3]).toBe("Our service policy");

    const eli = await csv(demo.manager, "?q=eli%20brooks");
    expect(new Set(eli.rows.map((r) => r.split(",")[1]))).toEqual(new Set([demo.employee]));
  });
});

describe("/team/export.csv?sep=;", () => {
  it("separates fields with semicolons for spreadsheets that split on them, same rows", async () => {
    const commas = await csv(demo.manager);
    const semicolons = await csv(demo.manager, "?sep=%3B");
    expect(semicolons.header).toBe(commas.header.replaceAll(",", ";"));
    expect(semicolons.rows).toEqual(commas.rows.map((row) => row.replaceAll(",", ";")));
  });

  it("refuses any other separator with a message", async () => {
    for (const sep of ["%7C", "x", "%2C%3B"]) {
      const answer = (await exportAs(demo.manager, `?sep=${sep}`)) as Response;
      expect(answer.status).toBe(400);
      expect(await answer.text()).toBe('Choose "," or ";" to separate the fields.');
    }
  });
});

describe("/team/export.csv with a filter it does not know", () => {
  it("answers 400 with the message as text, not a server error", async () => {
    const answer = (await exportAs(demo.manager, "?status=bogus")) as Response;
    expect(answer).toBeInstanceOf(Response);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await answer.text()).not.toMatch(/Unexpected|team:/);
  });
});

describe("/team/export.csv in the manager's language", () => {
  it("writes the headers and statuses in her locale; dates stay YYYY-MM-DD", async () => {
    const english = await csv(demo.manager, "?status=overdue");
    const { locale } = await prisma.user.findUniqueOrThrow({
      where: { email: demo.manager },
      select: { locale: true },
    });
    await prisma.user.update({ where: { email: demo.manager }, data: { locale: "sl" } });
    try {
      const { header, rows } = await csv(demo.manager, "?status=overdue");
      const t = fixedT("sl", "team");
      expect(header).toBe(csvColumns.map((key) => t(key)).join(","));
      expect(header.startsWith("Zaposleni,E-pošta,Ekipa,Modul,")).toBe(true);
      expect(rows).toHaveLength(english.rows.length);
      for (const row of rows) {
        expect(row.split(",")[5]).toBe(t(statusLabels.overdue));
        expect(row.split(",")[6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    } finally {
      await prisma.user.update({ where: { email: demo.manager }, data: { locale } });
    }
  });
});

describe("a team of 1,000", () => {
  const managerEmail = "matrix.load.manager@test.frontline.test";
  let teamId = "";

  beforeAll(async () => {
    const manager = await prisma.user.create({
      data: { email: managerEmail, name: "Load Manager", role: "manager" },
      select: { id: true },
    });
    teamId = (
      await prisma.team.create({
        data: {
          name: "Matrix load test",
          slug: "matrix-load-test",
          managers: { create: { userId: manager.id } },
        },
        select: { id: true },
      })
    ).id;
    await prisma.user.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        // One awkward name, to see quoting and formula neutralising end to end.
        name: i === 0 ? '=Ødegård, "Kim"' : `Load Person ${String(i).padStart(4, "0")}`,
        email: `matrix.load.${i}@test.frontline.test`,
        role: "employee",
        teamId,
      })),
    });
  }, 60_000);

  afterAll(async () => {
    await prisma.user.deleteMany({ where: { teamId } });
    await prisma.team.delete({ where: { id: teamId } });
    await prisma.user.delete({ where: { email: managerEmail } });
  });

  it("renders the matrix 50 to a page", async () => {
    const first = await matrix(managerEmail);
    expect(first.total).toBe(1000);
    expect(first.pageCount).toBe(20);
    expect(first.rows).toHaveLength(50);
    const last = await matrix(managerEmail, "?page=20");
    expect(last.rows).toHaveLength(50);
    expect(last.rows[49]!.name).toBe("Load Person 0999");
    // Past the end: the last page, not an empty one.
    expect((await matrix(managerEmail, "?page=99")).page).toBe(20);
    const seen = new Set([...first.rows, ...last.rows].map((r) => r.id));
    expect(seen.size).toBe(100);
  }, 60_000);

  it("streams the CSV: 1,000 × the assigned modules, quoted and neutralised", async () => {
    const sample = await prisma.user.findUniqueOrThrow({
      where: { email: "matrix.load.1@test.frontline.test" },
      select: { id: true },
    });
    const perPerson = (await listEnrollments([sample.id])).length;
    expect(perPerson).toBeGreaterThan(0);
    const { rows } = await csv(managerEmail);
    expect(rows).toHaveLength(1000 * perPerson);
    expect(rows.filter((r) => r.startsWith('"\'=Ødegård, ""Kim""",'))).toHaveLength(perPerson);
    // Nobody from the demo teams slips into the test manager's export.
    expect(rows.some((r) => r.includes("@demo.frontline.test"))).toBe(false);
  }, 60_000);
});
