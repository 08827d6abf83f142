import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { repairCompletions } from "~/training/completion-repair.server";
import { fixedT } from "~/i18n/i18n.server";
import { problemText } from "~/training/messages";
import { context, formRequest, settle } from "../support/requests";
import { pageData, post, statusOf, trainingRows } from "../support/module-actions";
import { requestAs } from "../support/sessions";
import { action } from "~/routes/training+/$slug";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const slug = "canary-module";
// Refusals travel as message keys; the assertions read them as an English reader would.
const english = fixedT("en");
const messageOf = (result: unknown) => {
  const message =
    (result as { data?: { error?: { message?: string }; message?: string } }).data?.error
      ?.message ?? (result as { data?: { message?: string } }).data?.message;
  return message === undefined ? undefined : problemText(english, message);
};
const goodQuiz = {
  intent: "quiz-submit",
  quizId: "canary-quiz",
  "answer:pick-one": "right",
  "answer:pick-many": ["first", "second"],
};

async function startedRun(email: string) {
  await post(email, slug, { intent: "scenario-start", scenarioId: "canary-call" });
  return (await pageData(email, slug)).data.scenarios[0]!.run!;
}

describe("bad input gets 400 with a message and writes nothing", () => {
  const email = "tomas.horvat@demo.frontline.test";

  it.each([
    [
      "an unknown module",
      "no-such-module",
      { intent: "scenario-start", scenarioId: "canary-call" },
      "There is no such module.",
    ],
    ["an unknown intent", slug, { intent: "delete-everything" }, "Unknown action."],
    [
      "an unknown quiz",
      slug,
      { ...goodQuiz, quizId: "nope", attempt: "1" },
      'There is no quiz "nope" in this module.',
    ],
    [
      "an unknown question",
      slug,
      { ...goodQuiz, attempt: "1", "answer:nope": "right" },
      'There is no question "nope" in this quiz.',
    ],
    [
      "an unknown option",
      slug,
      { ...goodQuiz, attempt: "1", "answer:pick-one": "nope" },
      'There is no option "nope" in question "pick-one".',
    ],
    [
      "two answers to a single-choice question",
      slug,
      { ...goodQuiz, attempt: "1", "answer:pick-one": ["right", "wrong"] },
      'Question "pick-one" takes one answer.',
    ],
    [
      "an unanswered question",
      slug,
      { intent: "quiz-submit", quizId: "canary-quiz", attempt: "1", "answer:pick-one": "right" },
      "Answer question 2",
    ],
    [
      "an attempt not yet started",
      slug,
      { ...goodQuiz, attempt: "5" },
      "That attempt has not been started.",
    ],
    ["a wrongly typed attempt", slug, { ...goodQuiz, attempt: "first" }, "attempt"],
    [
      "a field sent twice",
      slug,
      { ...goodQuiz, attempt: ["1", "1"] },
      'Field "attempt" was sent twice.',
    ],
    [
      "an unknown role-play",
      slug,
      { intent: "scenario-start", scenarioId: "nope" },
      'There is no role-play "nope" in this module.',
    ],
    [
      "an HTML-laden id",
      slug,
      { intent: "scenario-start", scenarioId: "<script>alert(1)</script>" },
      "scenarioId is not a valid id",
    ],
  ])(
    "%s",
    async (_name, target, fields, message) => {
      const before = await trainingRows(email);
      const result = await post(email, target, fields as Record<string, string | string[]>);
      expect(statusOf(result)).toBe(400);
      expect(messageOf(result)).toContain(message);
      expect(await trainingRows(email)).toEqual(before);
    },
    30_000,
  );

  it("a reply from a node that is not the run's current one, or for an unknown node, run or reply", async () => {
    const run = await startedRun(email);
    const before = await trainingRows(email);
    const move = { intent: "scenario-choose", scenarioId: "canary-call", runId: run.id, step: "0" };
    for (const fields of [
      { ...move, nodeId: "calmer", choice: "0" },
      { ...move, nodeId: "nope", choice: "0" },
      { ...move, nodeId: "opening", choice: "3" },
      { ...move, nodeId: "opening", choice: "9" },
      { ...move, nodeId: "opening", step: "4", choice: "0" },
      { ...move, runId: "not-a-run", nodeId: "opening", choice: "0" },
    ]) {
      const result = await post(email, slug, fields);
      expect(statusOf(result), JSON.stringify(fields)).toBe(400);
    }
    expect(await trainingRows(email)).toEqual(before);
  }, 30_000);

  it("an oversized body", async () => {
    const before = await trainingRows(email);
    const cookie = (await requestAs(email, "/")).headers.get("Cookie")!;
    const request = formRequest(
      `/training/${slug}`,
      { ...goodQuiz, attempt: "1", filler: "x".repeat(100_000) },
      { Cookie: cookie },
    );
    const result = await settle(action({ request, context: context(), params: { slug } }));
    expect(statusOf(result)).toBe(400);
    expect(messageOf(result)).toBe("The form is too large.");
    expect(await trainingRows(email)).toEqual(before);
  });

  it("a repeated submit of the same attempt", async () => {
    expect(statusOf(await post(email, slug, { ...goodQuiz, attempt: "1" }))).toBe(302);
    const before = await trainingRows(email);
    const again = await post(email, slug, { ...goodQuiz, attempt: "1" });
    expect(statusOf(again)).toBe(400);
    expect(messageOf(again)).toBe("This attempt was already submitted.");
    expect(await trainingRows(email)).toEqual(before);
  });
});

describe("concurrent submits", () => {
  it("store exactly one quiz attempt", async () => {
    const email = "amara.okoye@demo.frontline.test";
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(email, slug, { ...goodQuiz, attempt: "1" })),
    );
    expect(results.map(statusOf).sort()).toEqual([302, 400, 400, 400, 400]);
    expect((await trainingRows(email)).attempts).toBe(1);
  }, 30_000);

  it("record one move of a role-play", async () => {
    const email = "lucia.ferrante@demo.frontline.test";
    const run = await startedRun(email);
    const move = {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "opening",
      step: "0",
    };
    const results = await Promise.all([
      post(email, slug, { ...move, choice: "0" }),
      post(email, slug, { ...move, choice: "1" }),
    ]);
    expect(results.map(statusOf).sort()).toEqual([302, 400]);
    const stored = await prisma.scenarioRun.findUniqueOrThrow({
      where: { id: run.id },
      select: { steps: true, path: true },
    });
    expect(stored.steps).toBe(1);
    expect(JSON.parse(stored.path)).toHaveLength(1);
  }, 30_000);
});

describe("completing a module", () => {
  const email = "jonas.berg@demo.frontline.test";

  it("needs the quiz passed, the role-play finished at its pass score and the statement signed", async () => {
    // A failed attempt, then a pass: retries keep the history.
    await post(email, slug, {
      ...goodQuiz,
      attempt: "1",
      "answer:pick-one": "wrong",
      "answer:pick-many": "third",
    });
    await post(email, slug, { ...goodQuiz, attempt: "2" });
    let { data } = await pageData(email, slug);
    expect(data.quizzes[0]!.history.map((a) => [a.number, a.score, a.passed])).toEqual([
      [1, 0, false],
      [2, 100, true],
    ]);

    // A role-play ending below the pass score does not count.
    let run = await startedRun(email);
    await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "opening",
      step: "0",
      choice: "1",
    });
    ({ data } = await pageData(email, slug));
    expect(data.scenarios[0]!.run!.ending).toMatchObject({
      rating: "bad",
      score: 0,
      passed: false,
    });
    expect(data.progress).toMatchObject({
      quizzesPassed: 1,
      scenariosFinished: 0,
      complete: false,
    });

    const early = await post(email, slug, {
      intent: "attest",
      typedName: "Jonas Berg",
      agree: "on",
    });
    expect(messageOf(early)).toContain("Pass the quizzes and finish the role-plays first");

    run = await startedRun(email);
    await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "opening",
      step: "0",
      choice: "0",
    });
    // Going back replaces that node's score; then the best way through.
    await post(email, slug, {
      intent: "scenario-back",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "calmer",
      step: "1",
    });
    await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "opening",
      step: "2",
      choice: "0",
    });
    await post(email, slug, {
      intent: "scenario-choose",
      scenarioId: "canary-call",
      runId: run.id,
      nodeId: "calmer",
      step: "3",
      choice: "0",
    });
    ({ data } = await pageData(email, slug));
    expect(data.scenarios[0]!.run!.ending).toMatchObject({
      rating: "good",
      score: 4,
      passed: true,
    });
    expect(data.progress.completion).toBeNull();

    expect(
      messageOf(
        await post(email, slug, { intent: "attest", typedName: "Someone Else", agree: "on" }),
      ),
    ).toBe("Type your full name as it is on your account: Jonas Berg.");
    expect(
      messageOf(await post(email, slug, { intent: "attest", typedName: "Jonas Berg" })),
    ).toContain("Tick the box");
    expect(
      statusOf(
        await post(email, slug, { intent: "attest", typedName: "  jonas   berg ", agree: "on" }),
      ),
    ).toBe(302);

    ({ data } = await pageData(email, slug));
    expect(data.progress.completion).toMatchObject({ version: "2.3" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const completion = await prisma.moduleCompletion.findFirstOrThrow({
      where: { userId: user.id, moduleSlug: slug },
    });
    expect(completion).toMatchObject({
      moduleVersion: "2.3",
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const attestation = await prisma.attestation.findFirstOrThrow({
      where: { userId: user.id, moduleSlug: slug },
    });
    expect(attestation).toMatchObject({
      // Typed "jonas   berg": it matched, and is stored as the name on record.
      typedName: "Jonas Berg",
      statement: "I have read the canary module and will follow it.",
      contentHash: completion.contentHash,
    });

    // Signed is signed: the database refuses to change or remove it.
    await expect(
      prisma.attestation.update({ where: { id: attestation.id }, data: { typedName: "X" } }),
    ).rejects.toThrow();
    await expect(prisma.attestation.delete({ where: { id: attestation.id } })).rejects.toThrow();

    // A request cut off after the last answer was saved but before the completion was (a crash,
    // a full disk): a page view writes nothing, and the repair pass (at start-up and every few
    // minutes) records the completion it is owed.
    await prisma.moduleCompletion.delete({ where: { id: completion.id } });
    const completions = () =>
      prisma.moduleCompletion.count({ where: { userId: user.id, moduleSlug: slug } });
    ({ data } = await pageData(email, slug));
    expect(data.progress).toMatchObject({ complete: true, completion: null });
    expect(await completions()).toBe(0);
    expect(await repairCompletions(new Date(Date.now() - 60_000))).toBeGreaterThanOrEqual(1);
    expect(await completions()).toBe(1);
    ({ data } = await pageData(email, slug));
    expect(data.progress.completion).toMatchObject({ version: "2.3" });
    // A second pass finds nothing more to do.
    await repairCompletions(new Date(Date.now() - 60_000));
    expect(await completions()).toBe(1);
  }, 60_000);
});
