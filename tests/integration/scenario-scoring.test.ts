import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { loader as analyticsLoader } from "~/routes/studio+/$slug.analytics";
import { pageData, post, statusOf } from "../support/module-actions";
import { settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";

// The three scoring modes played through the module page's own actions, on a real database:
// what the learner sees at the end, what is recorded, and what the trainer's analytics show.

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-scoring";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const slug = "scoring-modes";
const learners = ["nora.lindqvist", "ines.duarte", "daniel.ek", "omar.haddad"].map(
  (name) => `${name}@demo.frontline.test`,
);

/** Start a run of `scenarioId` and take these replies in turn; returns the finished view. */
async function play(email: string, scenarioId: string, choices: number[]) {
  const view = async () =>
    (await pageData(email, slug)).data.scenarios.find((s) => s.id === scenarioId)!;
  expect(statusOf(await post(email, slug, { intent: "scenario-start", scenarioId }))).toBe(302);
  for (const choice of choices) {
    const run = (await view()).run!;
    const result = await post(email, slug, {
      intent: "scenario-choose",
      scenarioId,
      runId: run.id,
      nodeId: run.current!.id,
      step: String(run.step),
      choice: String(choice),
    });
    expect(statusOf(result)).toBe(302);
  }
  return (await view()).run!;
}

const lastRun = (email: string, scenarioId: string) =>
  prisma.scenarioRun.findFirstOrThrow({
    where: { user: { email }, scenarioId },
    orderBy: { number: "desc" },
    select: { scoring: true, score: true, maxScore: true, passed: true, endingId: true },
  });

describe("scoring modes", () => {
  it('"path" sums the replies, a reply into an ending included, against the best path', async () => {
    // 2 + 3 = 5: the best path. Its last reply leads into the ending and counts.
    const best = await play(learners[0]!, "by-path", [0, 0]);
    expect(best.ending).toMatchObject({
      title: "Parcel traced",
      score: 5,
      maxScore: 5,
      passed: true,
    });
    // -1 + 3 (into "lost") = 2, under the pass score of 4.
    const poor = await play(learners[1]!, "by-path", [1, 2]);
    expect(poor.ending).toMatchObject({ score: 2, maxScore: 5, passed: false });
    // A loop back to the opening drops its first choice (-1): 2 + 3 = 5.
    const looped = await play(learners[2]!, "by-path", [1, 1, 0, 0]);
    expect(looped.ending).toMatchObject({ score: 5, passed: true });
    expect(await lastRun(learners[2]!, "by-path")).toEqual({
      scoring: "path",
      score: 5,
      maxScore: 5,
      passed: true,
      endingId: "solved",
    });
  }, 60_000);

  it('"ending" takes the reached ending\'s score, against the best ending', async () => {
    const best = await play(learners[0]!, "by-ending", [0, 0]);
    expect(best.ending).toMatchObject({ score: 10, maxScore: 10, passed: true });
    const half = await play(learners[1]!, "by-ending", [0, 1]);
    expect(half.ending).toMatchObject({ title: "Left to wait", score: 5, passed: true });
    const lost = await play(learners[2]!, "by-ending", [1]);
    expect(lost.ending).toMatchObject({ score: 0, maxScore: 10, passed: false });
    expect(await lastRun(learners[2]!, "by-ending")).toMatchObject({
      scoring: "ending",
      score: 0,
      passed: false,
    });
  }, 60_000);

  it('"none" shows no score and counts finishing where the customer is not lost', async () => {
    const lost = await play(learners[0]!, "unscored", [1]);
    expect(lost.ending).toMatchObject({
      title: "Customer gives up",
      score: null,
      maxScore: null,
      passed: false,
      lost: true,
    });
    expect(await lastRun(learners[0]!, "unscored")).toMatchObject({
      scoring: "none",
      passed: false,
    });
    const kept = await play(learners[1]!, "unscored", [0]);
    expect(kept.ending).toMatchObject({ title: "Parcel traced", passed: true, lost: false });
    await play(learners[2]!, "unscored", [0]);
  }, 60_000);

  it("a run that loses the customer does not pass, whatever it scored", async () => {
    // 2 + 3 (into "lost") = 5: the best score there is, and above the pass score of 4.
    const lost = await play(learners[3]!, "by-path", [0, 2]);
    expect(lost.ending).toMatchObject({
      title: "Customer gives up",
      score: 5,
      passScore: 4,
      passed: false,
      lost: true,
    });
    expect(await lastRun(learners[3]!, "by-path")).toMatchObject({
      score: 5,
      passed: false,
      endingId: "lost",
    });
  }, 60_000);

  it("analytics name each mode and show average scores and passes of finished runs", async () => {
    await play(learners[3]!, "by-ending", [0, 0]); // 10
    const data = (await settle(
      analyticsLoader(await loaderArgs(demo.trainer, `/studio/${slug}/analytics`, { slug })),
    )) as Awaited<ReturnType<typeof analyticsLoader>>;
    const byId = Object.fromEntries(data.scenarios.map((s) => [s.id, s]));
    // Path: 5, 2, 5 and 5 (the customer lost) over four learners.
    expect(byId["by-path"]).toMatchObject({
      scoring: "path",
      maxScore: 5,
      passScore: 4,
      scores: { hidden: false, runs: 4, average: 4.25, passed: 2 },
    });
    // Ending: 10, 5, 0 and 10.
    expect(byId["by-ending"]).toMatchObject({
      scoring: "ending",
      maxScore: 10,
      scores: { hidden: false, runs: 4, average: 6.25, passed: 3 },
    });
    expect(byId["by-ending"]!.endings.list.map((e) => [e.id, e.score])).toEqual([
      ["solved", 10],
      ["half", 5],
      ["lost", 0],
    ]);
    expect(byId["unscored"]).toMatchObject({ scoring: "none", maxScore: null, scores: null });
    expect(byId["unscored"]!.endings.stats).toMatchObject({ hidden: false, counts: [2, 1] });
  }, 60_000);
});
