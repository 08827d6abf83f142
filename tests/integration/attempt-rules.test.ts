import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { action as personAction, loader as personLoader } from "~/routes/team+/$userId";
import { pageData, post, statusOf, trainingRows } from "../support/module-actions";
import { loaderArgs } from "../support/sessions";
import { at, idOf, postAs } from "../support/team";

// Attempt rules (docs/authoring.md) through the module page's own actions and the manager's
// person page, on a real database: the limit, the wait after a failure, the right answers shown
// only where the rules say, and the extra attempt a manager allows.

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-attempts";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const slug = "attempt-rules";
const manager = at("manager"); // manages Front desk

const quizOf = async (email: string, quizId: string, search = "") =>
  (await pageData(email, slug, search)).data.quizzes.find((q) => q.id === quizId)!;
const scenarioOf = async (email: string, scenarioId: string) =>
  (await pageData(email, slug)).data.scenarios.find((s) => s.id === scenarioId)!;

const wrong = { "answer:first": "refund", "answer:record": ["facts"] };
const right = { "answer:first": "listen", "answer:record": ["facts", "follow-up"] };
const submit = (email: string, attempt: number, answers: Record<string, string | string[]>) =>
  post(email, slug, {
    intent: "quiz-submit",
    quizId: "limited",
    attempt: String(attempt),
    ...answers,
  });
const messageOf = (result: unknown) =>
  (result as { data: { error: { message: string } } }).data.error.message;

/** Moves the learner's latest failure on `quizId` back by `minutes`, as if time had passed. */
async function age(email: string, quizId: string, minutes: number) {
  const userId = await idOf(email);
  const last = await prisma.quizAttempt.findFirstOrThrow({
    where: { userId, quizId },
    orderBy: { number: "desc" },
    select: { id: true, submittedAt: true },
  });
  await prisma.quizAttempt.update({
    where: { id: last.id },
    data: { submittedAt: new Date(last.submittedAt.getTime() - minutes * 60_000) },
  });
}

const grantForm = (employeeId: string, itemId = "limited", kind = "quiz") => ({
  intent: "grant-attempt",
  formKey: randomUUID(),
  employeeId,
  slug,
  kind,
  itemId,
});

describe("a quiz under the module's rules (two attempts, 30 minutes apart, no answers)", () => {
  const learner = at("tomas.horvat"); // Front desk

  it("makes a failed learner wait, then stops them after the last attempt", async () => {
    expect(statusOf(await submit(learner, 1, wrong))).toBe(302);
    const failed = await quizOf(learner, "limited", "?retry=limited");
    expect(failed.limits).toMatchObject({ allowed: 2, left: 1, blocked: "wait" });
    // ?retry does not open the form while the wait lasts, and the right answers stay unsaid.
    expect(failed.open).toBe(false);
    expect(failed.last!.questions.every((q) => q.missed === undefined)).toBe(true);
    const { json } = await pageData(learner, slug);
    expect(json).not.toContain("Yes: when you will call back.");

    // Posting anyway is refused and writes nothing.
    const before = await trainingRows(learner);
    const early = await submit(learner, 2, right);
    expect(statusOf(early)).toBe(400);
    expect(messageOf(early)).toMatch(/^training:errors\.waitToRetry/);
    expect(await trainingRows(learner)).toEqual(before);

    await age(learner, "limited", 31);
    expect((await quizOf(learner, "limited", "?retry=limited")).open).toBe(true);
    expect(statusOf(await submit(learner, 2, wrong))).toBe(302);
    const usedUp = await quizOf(learner, "limited", "?retry=limited");
    expect(usedUp.limits).toMatchObject({ allowed: 2, left: 0, blocked: "used-up" });
    expect(usedUp.open).toBe(false);

    await age(learner, "limited", 31);
    const third = await submit(learner, 3, right);
    expect(statusOf(third)).toBe(400);
    expect(messageOf(third)).toMatch(/^training:errors\.noAttemptsLeft/);
    expect(await prisma.quizAttempt.count({ where: { quizId: "limited" } })).toBe(2);
  });

  it("lets the learner's manager allow one more attempt, at once, once per form", async () => {
    const tomas = await idOf(learner);
    const page = await personLoader(await loaderArgs(manager, `/team/${tomas}`, { userId: tomas }));
    expect(page.outOfAttempts).toEqual([
      expect.objectContaining({ slug, kind: "quiz", itemId: "limited", used: 2, allowed: 2 }),
    ]);

    const form = grantForm(tomas);
    const granted = await postAs(personAction, manager, `/team/${tomas}`, form, { userId: tomas });
    expect(granted).toEqual({ granted: { title: "Two attempts", name: expect.any(String) } });
    // The same form again (a double click) allows nothing more.
    await postAs(personAction, manager, `/team/${tomas}`, form, { userId: tomas });
    expect(await prisma.attemptGrant.count({ where: { userId: tomas } })).toBe(1);
    expect(
      await prisma.auditEvent.count({ where: { action: "attempts.grant", targetId: tomas } }),
    ).toBe(1);

    // No wait after a grant: the third attempt counts, passes and shows every answer.
    const quiz = await quizOf(learner, "limited", "?retry=limited");
    expect(quiz.limits).toMatchObject({ allowed: 3, left: 1, blocked: null });
    expect(statusOf(await submit(learner, 3, right))).toBe(302);
    const passed = await quizOf(learner, "limited");
    expect(passed.last).toMatchObject({ passed: true, number: 3 });
    expect(passed.limits.blocked).toBe("used-up");

    // Passed: nothing left to allow, and the list is empty.
    const again = await postAs(personAction, manager, `/team/${tomas}`, grantForm(tomas), {
      userId: tomas,
    });
    expect(statusOf(again)).toBe(400);
    const after = await personLoader(
      await loaderArgs(manager, `/team/${tomas}`, { userId: tomas }),
    );
    expect(after.outOfAttempts).toEqual([]);
  });

  it("stores one extra attempt when two people allow it at the same moment", async () => {
    const learner = at("nora.lindqvist"); // Front desk
    const nora = await idOf(learner);
    for (const attempt of [1, 2]) {
      expect(statusOf(await submit(learner, attempt, wrong))).toBe(302);
      await age(learner, "limited", 31);
    }
    const answers = await Promise.all(
      [manager, at("admin"), manager, at("admin")].map((email) =>
        postAs(personAction, email, `/team/${nora}`, grantForm(nora), { userId: nora }),
      ),
    );
    expect(answers.filter((a) => statusOf(a) === 200)).toHaveLength(1);
    expect(await prisma.attemptGrant.count({ where: { userId: nora } })).toBe(1);
    expect(
      await prisma.auditEvent.count({ where: { action: "attempts.grant", targetId: nora } }),
    ).toBe(1);
    expect((await quizOf(learner, "limited")).limits).toMatchObject({ allowed: 3, left: 1 });
  });

  it("refuses an extra attempt to a learner who still has attempts, and to another team", async () => {
    const amara = await idOf(at("amara.okoye"));
    const refused = await postAs(personAction, manager, `/team/${amara}`, grantForm(amara), {
      userId: amara,
    });
    expect(statusOf(refused)).toBe(400);
    const daniel = await idOf(at("daniel.ek")); // Call centre
    const other = await postAs(personAction, manager, `/team/${daniel}`, grantForm(daniel), {
      userId: daniel,
    });
    expect(statusOf(other)).toBe(404);
    expect(await prisma.attemptGrant.count({ where: { userId: { in: [amara, daniel] } } })).toBe(0);
  });
});

describe("a quiz with its own rules (three attempts, no wait, answers shown)", () => {
  it("names the right option after a failed attempt, and lets the learner retry at once", async () => {
    const learner = at("jonas.berg");
    const result = await post(learner, slug, {
      intent: "quiz-submit",
      quizId: "open-book",
      attempt: "1",
      "answer:apology": "never",
    });
    expect(statusOf(result)).toBe(302);
    const quiz = await quizOf(learner, "open-book", "?retry=open-book");
    expect(quiz.last!.questions[0]!.missed).toEqual([
      expect.objectContaining({ optionId: "early" }),
    ]);
    expect(quiz.limits).toMatchObject({ allowed: 3, left: 2, blocked: null });
    expect(quiz.open).toBe(true);
  });
});

describe("a role-play with a limit", () => {
  it("counts every run started, abandoned ones too, and shows better replies after a failure", async () => {
    const learner = at("ravi.menon");
    const start = () =>
      post(learner, slug, { intent: "scenario-start", scenarioId: "limited-call" });
    expect(statusOf(await start())).toBe(302);
    // Starting over abandons the first run; it still counts.
    expect(statusOf(await start())).toBe(302);
    for (const choice of [1, 1]) {
      const run = (await scenarioOf(learner, "limited-call")).run!;
      const moved = await post(learner, slug, {
        intent: "scenario-choose",
        scenarioId: "limited-call",
        runId: run.id,
        nodeId: run.current!.id,
        step: String(run.step),
        choice: String(choice),
      });
      expect(statusOf(moved)).toBe(302);
    }
    const view = await scenarioOf(learner, "limited-call");
    expect(view.run!.ending).toMatchObject({ passed: false });
    expect(view.run!.transcript.map((t) => t.better?.reply)).toEqual([
      '"I\'m sorry. Tell me what happened."',
      '"I\'ll trace it now and call you back by five."',
    ]);
    expect(view.limits).toMatchObject({ allowed: 2, left: 0, blocked: "used-up" });

    const before = await trainingRows(learner);
    const third = await start();
    expect(statusOf(third)).toBe(400);
    expect(messageOf(third)).toMatch(/^training:errors\.noAttemptsLeft/);
    expect(await trainingRows(learner)).toEqual(before);
  });
});
