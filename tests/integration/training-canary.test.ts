import { afterAll, describe, expect, it, vi } from "vitest";
import { pageData, post, statusOf } from "../support/module-actions";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

// The canary module hides a CANARY-… string in every answer key, feedback, unreached node and
// ending. Each may reach the browser only once the learner has earned it.
const email = "nora.lindqvist@demo.frontline.test";
const slug = "canary-module";
const canaries = (json: string) => [...new Set(json.match(/CANARY-[A-Z-]+/g) ?? [])].sort();

describe("option order", () => {
  it("is shuffled per attempt and stays put across reloads of that attempt", async () => {
    const who = "ines.duarte@demo.frontline.test";
    const order = async (search = "") =>
      (await pageData(who, slug, search)).data.quizzes[0]!.questions.map((q) =>
        q.options.map((o) => o.id).join(","),
      );
    const first = await order();
    expect(await order()).toEqual(first);
    // Later attempts get their own orders (over a few retries, at least one differs).
    const orders = new Set([first.join("|")]);
    for (let attempt = 1; attempt <= 6; attempt++) {
      await post(who, slug, {
        intent: "quiz-submit",
        quizId: "canary-quiz",
        attempt: String(attempt),
        "answer:pick-one": "wrong",
        "answer:pick-many": "third",
      });
      const next = await order("?retry=canary-quiz");
      expect(await order("?retry=canary-quiz")).toEqual(next);
      orders.add(next.join("|"));
    }
    expect(orders.size).toBeGreaterThan(1);
  }, 60_000);
});

describe("secrets reach the browser only when earned", () => {
  it("quiz: feedback only for the options chosen, after submitting", async () => {
    expect(canaries((await pageData(email, slug)).json)).toEqual([]);
    const response = await post(email, slug, {
      intent: "quiz-submit",
      quizId: "canary-quiz",
      attempt: "1",
      "answer:pick-one": "wrong",
      "answer:pick-many": ["first", "third"],
    });
    expect(statusOf(response)).toBe(302);
    expect(canaries((await pageData(email, slug)).json)).toEqual([
      "CANARY-FEEDBACK-FIRST",
      "CANARY-FEEDBACK-THIRD",
      "CANARY-FEEDBACK-WRONG",
    ]);
  }, 60_000);

  it("role-play: each node when reached; the ending, and the feedback on each reply chosen, at the end", async () => {
    await post(email, slug, { intent: "scenario-start", scenarioId: "canary-call" });
    let page = await pageData(email, slug);
    expect(canaries(page.json)).toEqual(expect.arrayContaining(["CANARY-LINE-OPENING"]));
    expect(
      canaries(page.json).filter(
        (c) => c.includes("LINE") || c.includes("CHOICE") || c.includes("ENDING"),
      ),
    ).toEqual(["CANARY-LINE-OPENING"]);

    const run = page.data.scenarios[0]!.run!;
    expect(
      statusOf(
        await post(email, slug, {
          intent: "scenario-choose",
          scenarioId: "canary-call",
          runId: run.id,
          nodeId: "opening",
          step: "0",
          choice: "0",
        }),
      ),
    ).toBe(302);
    page = await pageData(email, slug);
    // Show during, tell after: the customer's next line is all the reply earns while the run is on.
    expect(canaries(page.json).filter((c) => !c.startsWith("CANARY-FEEDBACK"))).toEqual([
      "CANARY-LINE-HIDDEN-NODE",
      "CANARY-LINE-OPENING",
    ]);

    await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "calmer",
      step: "1",
      choice: "0",
    });
    page = await pageData(email, slug);
    expect(canaries(page.json).filter((c) => !c.startsWith("CANARY-FEEDBACK"))).toEqual([
      "CANARY-CHOICE-FEEDBACK-GOOD",
      "CANARY-CHOICE-FEEDBACK-KEPT",
      "CANARY-ENDING-GOOD",
      "CANARY-LINE-HIDDEN-NODE",
      "CANARY-LINE-OPENING",
    ]);
    // The score, too, arrives only with the ending.
    expect(page.data.scenarios[0]!.run!.ending).toMatchObject({
      score: 4,
      maxScore: 4,
      passed: true,
    });
  }, 60_000);

  it("no refusal message gives anything away", async () => {
    const refused = await post(email, slug, {
      intent: "quiz-submit",
      quizId: "canary-quiz",
      attempt: "9",
      "answer:pick-one": "right",
    });
    expect(statusOf(refused)).toBe(400);
    expect(canaries(JSON.stringify(refused))).toEqual([]);
  });
});
