import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action, loader } from "~/routes/team+/self-assessment";
import { allStatementFields } from "~/team/self-assessment";
import { localDate } from "~/training/rollout/time";
import { context, formRequest, settle } from "../support/requests";
import { statusOf } from "../support/module-actions";
import { demo, loaderArgs, requestAs } from "../support/sessions";

const callCentreManager = "sam.okafor@demo.frontline.test";
const teamId = async (name: string) =>
  (await prisma.team.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
const daysAgo = (days: number) => localDate(new Date(Date.now() - days * 86_400_000), "UTC");
const allFour = Object.fromEntries(allStatementFields.map((f) => [f, "4"]));

async function save(email: string, fields: Record<string, string>) {
  const cookie = (await requestAs(email, "/")).headers.get("Cookie")!;
  return settle(
    action({
      request: formRequest("/team/self-assessment", fields, { Cookie: cookie }),
      context: context(),
      params: {},
    }),
  );
}

const view = async (email: string, search = "") =>
  settle(loader(await loaderArgs(email, `/team/self-assessment${search}`)));

const fieldErrors = (result: unknown) =>
  (result as { data: { result: { error: Record<string, string[]> } } }).data.result.error;

describe("team self-assessment", () => {
  it("a manager saves one for their own team; the history and band follow", async () => {
    const frontDesk = await teamId("Front desk");
    const low = { ...Object.fromEntries(allStatementFields.map((f) => [f, "3"])), "staff-5": "2" };
    expect(
      statusOf(await save(demo.manager, { teamId: frontDesk, assessedOn: daysAgo(30), ...low })),
    ).toBe(200);
    const result = await save(demo.manager, {
      teamId: frontDesk,
      assessedOn: daysAgo(1),
      ...allFour,
    });
    expect(statusOf(result)).toBe(200);
    const page = (await view(demo.manager)) as Awaited<ReturnType<typeof loader>>;
    expect(page.team?.name).toBe("Front desk");
    expect(page.teams.map((t) => t.name)).toEqual(["Front desk"]);
    // Staff 2.8 instead of 3: 20.8 is between the outer bands, so adequate.
    // Only these two dates: demo seeding may have added older assessments of its own.
    const mine = page.history.filter((a) => [daysAgo(30), daysAgo(1)].includes(a.assessedOn));
    expect(mine.map((a) => [a.assessedOn, a.total, a.band])).toEqual([
      [daysAgo(30), 20.8, "adequate"],
      [daysAgo(1), 28, "asset"],
    ]);
    expect(page.history.at(-1)!.id).toBe(mine[1]!.id);
    expect(mine[0]!.areaAverages.staff).toBe(2.8);
    expect(mine[1]!.managerName).toBe("Maya Patel");
  });

  it("another team's manager gets 404 saving or viewing that team", async () => {
    const frontDesk = await teamId("Front desk");
    const before = await prisma.selfAssessment.count();
    const saved = await save(callCentreManager, {
      teamId: frontDesk,
      assessedOn: daysAgo(2),
      ...allFour,
    });
    expect(statusOf(saved)).toBe(404);
    expect(statusOf(await view(callCentreManager, `?team=${frontDesk}`))).toBe(404);
    expect(await prisma.selfAssessment.count()).toBe(before);
    // An admin sees every team.
    const admin = (await view(demo.admin, `?team=${frontDesk}`)) as Awaited<
      ReturnType<typeof loader>
    >;
    expect(admin.team?.name).toBe("Front desk");
    expect(admin.teams).toHaveLength(3);
  });

  it("an employee or a trainer gets 403", async () => {
    const frontDesk = await teamId("Front desk");
    for (const email of [demo.employee, demo.trainer]) {
      expect(statusOf(await view(email))).toBe(403);
      expect(
        statusOf(await save(email, { teamId: frontDesk, assessedOn: daysAgo(1), ...allFour })),
      ).toBe(403);
    }
  });

  it.each([
    ["missing statements", { "culture-2": "", "improving-3": "" }, ["culture-2", "improving-3"]],
    ["a rating of 6", { "staff-1": "6" }, ["staff-1"]],
    ["a rating of 0 and a word", { "staff-1": "0", "staff-2": "often" }, ["staff-1", "staff-2"]],
    ["a date in the future", { assessedOn: daysAgo(-3) }, ["assessedOn"]],
    ["a malformed date", { assessedOn: "last Tuesday" }, ["assessedOn"]],
    ["an unknown team", { teamId: "no-such-team" }, ["teamId"]],
  ])(
    "%s: 400 with field errors, what was typed kept, nothing written",
    async (_, change, paths) => {
      const frontDesk = await teamId("Front desk");
      const before = await prisma.selfAssessment.count();
      const fields = { teamId: frontDesk, assessedOn: daysAgo(1), ...allFour, ...change };
      const result = await save(demo.manager, fields);
      expect(statusOf(result)).toBe(400);
      expect(Object.keys(fieldErrors(result))).toEqual(expect.arrayContaining(paths));
      const reply = (result as { data: { result: { initialValue: Record<string, unknown> } } }).data
        .result;
      expect(reply.initialValue["culture-1"]).toBe("4");
      expect(await prisma.selfAssessment.count()).toBe(before);
    },
  );
});
