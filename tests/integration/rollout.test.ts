import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { listModuleArtefacts } from "~/content/store.server";
import { syncModuleVersions } from "~/content/sync.server";
import { prisma } from "~/db.server";
import { action as adminAction } from "~/routes/admin+/index";
import { action as peopleAction } from "~/routes/admin+/people";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { post, statusOf } from "../support/module-actions";
import { context, formRequest, settle } from "../support/requests";
import { demo, requestAs } from "../support/sessions";

// A private copy of the fixture course, so this file can bump a module's version.
const contentCopy = vi.hoisted(() => {
  const dir = `tests/.tmp/content-rollout-${process.pid}`;
  process.env.CONTENT_DIR = dir;
  return dir;
});
cpSync("tests/fixtures/content-valid", contentCopy, { recursive: true });
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const slug = "canary-module";
const indexFile = path.join(contentCopy, "modules", slug, "index.mdx");
const setVersion = (version: string) =>
  writeFileSync(
    indexFile,
    readFileSync(indexFile, "utf8").replace(/^version: ".*"$/m, `version: "${version}"`),
  );

/** The admin posts a form: a person is added on the people page, the rest on /admin. */
async function admin(fields: Record<string, string | string[]>) {
  const cookie = (await requestAs(demo.admin, "/admin")).headers.get("Cookie")!;
  const [action, path] =
    fields.intent === "add-person" ? [peopleAction, "/admin/people"] : [adminAction, "/admin"];
  return settle<unknown>(
    action({
      request: formRequest(path, fields, { Cookie: cookie }),
      context: context(),
      params: {},
    }),
  );
}

const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

describe("assignments", () => {
  it("reach matching people at once, new people included", async () => {
    const team = await prisma.team.findUniqueOrThrow({
      where: { slug: "online-chat" },
      select: { id: true },
    });
    expect(
      statusOf(
        await admin({
          intent: "assign",
          moduleSlug: slug,
          teamIds: team.id,
          dueRule: "after_assignment",
          dueDays: "10",
        }),
      ),
    ).toBe(200);
    const omar = await listEnrollments([await userId("omar.haddad@demo.frontline.test")]);
    expect(omar.map((e) => [e.slug, e.status])).toEqual([[slug, "not-started"]]);
    const frontDesk = await listEnrollments([await userId("nora.lindqvist@demo.frontline.test")]);
    expect(frontDesk).toEqual([]);

    expect(
      statusOf(
        await admin({
          intent: "add-person",
          name: "Zara Newhire",
          email: "zara.newhire@demo.frontline.test",
          role: "employee",
          teamId: team.id,
          hiredAt: "2026-11-16",
          timeZone: "Europe/Ljubljana",
          password: "a-long-first-password",
        }),
      ),
    ).toBe(200);
    const zara = await listEnrollments([await userId("zara.newhire@demo.frontline.test")]);
    expect(zara.map((e) => e.slug)).toEqual([slug]);
  }, 60_000);

  it("count from the hire date for new hires", async () => {
    await admin({
      intent: "assign",
      moduleSlug: slug,
      roles: "trainer",
      dueRule: "after_hire",
      dueDays: "7",
    });
    const [tara] = await listEnrollments([await userId(demo.trainer)]);
    expect(tara).toMatchObject({ slug, dueDate: "2020-09-21", status: "overdue" });
  });

  it.each([
    [
      "an unknown module",
      { intent: "assign", moduleSlug: "nope", dueRule: "after_assignment", dueDays: "5" },
      "moduleSlug",
    ],
    [
      "a wrongly typed due",
      { intent: "assign", moduleSlug: slug, dueRule: "after_assignment", dueDays: "soon" },
      "dueDays",
    ],
    [
      "an unknown role",
      {
        intent: "assign",
        moduleSlug: slug,
        roles: "ceo",
        dueRule: "after_assignment",
        dueDays: "5",
      },
      "roles[0]",
    ],
    [
      "a taken e-mail",
      {
        intent: "add-person",
        name: "Eli Again",
        email: demo.employee,
        role: "employee",
        password: "a-long-first-password",
      },
      "email",
    ],
    [
      "a short password",
      {
        intent: "add-person",
        name: "Short Pw",
        email: "short@demo.frontline.test",
        role: "employee",
        password: "short",
      },
      "password",
    ],
    [
      "an unknown time zone",
      {
        intent: "add-person",
        name: "Tz",
        email: "tz@demo.frontline.test",
        role: "employee",
        timeZone: "Mars/Olympus",
        password: "a-long-first-password",
      },
      "timeZone",
    ],
  ])("refuse %s with 400 and a field error, writing nothing", async (_name, fields, field) => {
    const before = await Promise.all([prisma.assignment.count(), prisma.user.count()]);
    const result = (await admin(fields)) as {
      data: { result: { error: Record<string, string[]> } };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(Object.keys(result.data.result.error)).toContain(field);
    expect(await Promise.all([prisma.assignment.count(), prisma.user.count()])).toEqual(before);
  });

  it("are for admins only", async () => {
    const cookie = (await requestAs(demo.manager, "/admin")).headers.get("Cookie")!;
    const result = await settle(
      adminAction({
        request: formRequest("/admin", { intent: "assign" }, { Cookie: cookie }),
        context: context(),
        params: {},
      }),
    );
    expect(statusOf(result)).toBe(403);
  });
});

describe("a new policy version", () => {
  it("re-opens the module after a MAJOR bump, with a new due date; a MINOR bump re-opens nothing", async () => {
    const email = "julia.kowalska@demo.frontline.test";
    const id = await userId(email);
    await prisma.assignment.deleteMany({ where: { moduleSlug: slug } });
    await prisma.assignment.create({
      data: { moduleSlug: slug, roles: JSON.stringify(["employee"]), dueDays: 30 },
    });
    await syncModuleVersions(prisma, await listModuleArtefacts());

    // Complete version 2.3: quiz, role-play, statement.
    await post(email, slug, {
      intent: "quiz-submit",
      quizId: "canary-quiz",
      attempt: "1",
      "answer:pick-one": "right",
      "answer:pick-many": ["first", "second"],
    });
    await post(email, slug, { intent: "scenario-start", scenarioId: "canary-call" });
    const run = await prisma.scenarioRun.findFirstOrThrow({
      where: { userId: id, status: "active" },
      select: { id: true },
    });
    await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "opening",
      step: "0",
      choice: "0",
    });
    await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "calmer",
      step: "1",
      choice: "0",
    });
    expect(
      statusOf(
        await post(email, slug, { intent: "attest", typedName: "Julia Kowalska", agree: "on" }),
      ),
    ).toBe(302);
    expect((await listEnrollments([id]))[0]).toMatchObject({
      status: "completed",
      completion: { version: "2.3" },
    });

    setVersion("2.4");
    await syncModuleVersions(prisma, await listModuleArtefacts());
    expect((await listEnrollments([id]))[0]).toMatchObject({ status: "completed", version: "2.4" });

    const bumpedAt = new Date();
    setVersion("3.0");
    await syncModuleVersions(prisma, await listModuleArtefacts(), bumpedAt);
    const [after] = await listEnrollments([id]);
    expect(after).toMatchObject({
      status: "needs-retraining",
      version: "3.0",
      completion: null,
      progress: { done: 0 },
    });
    const due = new Date(bumpedAt.getTime() + 30 * 86_400_000).toLocaleDateString("en-CA", {
      timeZone: "Europe/Ljubljana",
    });
    expect(after!.dueDate).toBe(due);

    // The earlier completion, attempts and signature stay as they were.
    expect(
      await prisma.moduleCompletion.findMany({
        where: { userId: id, moduleSlug: slug },
        select: { moduleVersion: true },
      }),
    ).toEqual([{ moduleVersion: "2.3" }]);
    expect(
      await prisma.attestation.count({
        where: { userId: id, moduleSlug: slug, moduleVersion: "2.3" },
      }),
    ).toBe(1);
    expect(await prisma.quizAttempt.count({ where: { userId: id, moduleSlug: slug } })).toBe(1);
    setVersion("2.3");
  }, 120_000);
});

afterAll(async () => {
  // Other test files in this worker share the database: leave no assignment behind.
  await prisma.assignment.deleteMany({ where: { moduleSlug: slug } });
});
