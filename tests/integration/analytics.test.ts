import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { loader } from "~/routes/studio+/$slug.analytics";
import { settle } from "../support/requests";
import { pageData, post, statusOf } from "../support/module-actions";
import { demo, loaderArgs } from "../support/sessions";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const slug = "canary-module";
const learners = {
  nora: "nora.lindqvist@demo.frontline.test",
  ines: "ines.duarte@demo.frontline.test",
  daniel: "daniel.ek@demo.frontline.test",
  omar: "omar.haddad@demo.frontline.test",
};
type Analytics = Awaited<ReturnType<typeof loader>>;

const analytics = async (email: string = demo.trainer, moduleSlug = slug) =>
  settle(loader(await loaderArgs(email, `/studio/${moduleSlug}/analytics`, { slug: moduleSlug })));

function quiz(email: string, attempt: number, pickOne: string, pickMany: string[]) {
  return post(email, slug, {
    intent: "quiz-submit",
    quizId: "canary-quiz",
    attempt: String(attempt),
    "answer:pick-one": pickOne,
    "answer:pick-many": pickMany,
  });
}

/** Start a run and take these replies in turn, from wherever the conversation stands. */
async function play(email: string, choices: number[]) {
  await post(email, slug, { intent: "scenario-start", scenarioId: "canary-call" });
  for (const choice of choices) {
    const run = (await pageData(email, slug)).data.scenarios[0]!.run!;
    const result = await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: run.current!.id,
      step: String(run.step),
      choice: String(choice),
    });
    expect(statusOf(result)).toBe(302);
  }
}

describe("trainer analytics", () => {
  it("hides a question answered by fewer than three learners", async () => {
    await quiz(learners.nora, 1, "right", ["first", "second"]);
    await quiz(learners.ines, 1, "right", ["first"]);
    const data = (await analytics()) as Analytics;
    expect(data.quizzes[0]!.questions.map((q) => q.stats)).toEqual([
      { hidden: true },
      { hidden: true },
    ]);
  }, 30_000);

  it("shows the share right on the FIRST attempt only, per question", async () => {
    await quiz(learners.daniel, 1, "wrong", ["first", "second"]);
    // Omar fails his first attempt and passes the second: only the first counts.
    await quiz(learners.omar, 1, "wrong", ["third"]);
    await quiz(learners.omar, 2, "right", ["first", "second"]);
    const data = (await analytics()) as Analytics;
    const all = { hidden: false, learners: 4, correct: 2, share: 0.5 };
    expect(data.quizzes[0]!.questions).toEqual([
      {
        id: "pick-one",
        prompt: "Which option is right?",
        stats: all,
        byLanguage: [{ locale: "en", stats: all }],
      },
      {
        id: "pick-many",
        prompt: "Which are right?",
        stats: all,
        byLanguage: [{ locale: "en", stats: all }],
      },
    ]);
  }, 30_000);

  it("splits the share right by the language the quiz was shown in", async () => {
    // Three first attempts made in Slovenian, all wrong on the first question: a question much
    // harder in one language points at its translation.
    const sl = ["sofia.rossi", "grace.mensah", "mateo.garcia"].map(
      (name) => `${name}@demo.frontline.test`,
    );
    for (const email of sl) await quiz(email, 1, "wrong", ["first", "second"]);
    await prisma.quizAttempt.updateMany({
      where: { user: { email: { in: sl } } },
      data: { locale: "sl" },
    });
    const data = (await analytics()) as Analytics;
    const first = data.quizzes[0]!.questions[0]!;
    expect(first.byLanguage).toEqual([
      { locale: "en", stats: { hidden: false, learners: 4, correct: 2, share: 0.5 } },
      { locale: "sl", stats: { hidden: false, learners: 3, correct: 0, share: 0 } },
    ]);
    const onlySl = (await settle(
      loader(await loaderArgs(demo.trainer, `/studio/${slug}/analytics?language=sl`, { slug })),
    )) as Analytics;
    expect(onlySl.language).toBe("sl");
    expect(onlySl.quizzes[0]!.questions[0]!.stats).toEqual({
      hidden: false,
      learners: 3,
      correct: 0,
      share: 0,
    });
  }, 30_000);

  it("counts replies per node, endings and abandoned runs, hiding small groups", async () => {
    await play(learners.nora, [0, 0]); // opening → calmer → kept
    await play(learners.ines, [1]); // opening → lost
    await play(learners.daniel, [0]); // to calmer, then abandoned by starting again:
    await play(learners.daniel, [1]); // opening → lost
    await play(learners.omar, [0, 1, 0, 0]); // a loop back to the opening, then kept
    await play(learners.omar, []); // left active: not counted anywhere
    const data = (await analytics()) as Analytics;
    const scenario = data.scenarios[0]!;
    const [opening, calmer] = scenario.nodes;
    // The loop drops Omar's first pass from his path, so the opening has 5 replies from 4 people.
    expect(opening!.stats).toEqual({ hidden: false, learners: 4, replies: 5, counts: [3, 2] });
    expect(opening!.replies.map((r) => r.text)).toEqual([
      "I'm sorry. Let's look at it together.",
      "Not my department.",
    ]);
    // Only Nora and Omar got past the opening: too few to show.
    expect(calmer!.stats).toEqual({ hidden: true });
    expect(scenario.endings.list.map((e) => e.id)).toEqual(["kept", "lost"]);
    expect(scenario.endings.stats).toEqual({
      hidden: false,
      learners: 4,
      runs: 4,
      counts: [2, 2],
    });
    // One person abandoned a run: hidden.
    expect(scenario.abandoned.stats).toEqual({ hidden: true });
  }, 60_000);

  it("never carries a learner's id, name or e-mail", async () => {
    const data = await analytics();
    const json = JSON.stringify(data);
    const people = await prisma.user.findMany({ select: { id: true, name: true, email: true } });
    for (const person of people) {
      expect(json).not.toContain(person.id);
      expect(json).not.toContain(person.name);
      expect(json).not.toContain(person.email);
    }
  });

  it("is for trainers and admins: employees and managers get 403, an unknown module 404", async () => {
    expect(statusOf(await analytics(demo.admin))).toBe(200);
    expect(statusOf(await analytics(demo.employee))).toBe(403);
    expect(statusOf(await analytics(demo.manager))).toBe(403);
    expect(statusOf(await analytics(demo.trainer, "no-such-module"))).toBe(404);
  });
});
