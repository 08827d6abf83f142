import { data } from "@remix-run/node";
import { prisma } from "~/db.server";
import type { QuizAnswers } from "~/training/quiz/grading";
import { gradeQuiz } from "~/training/quiz/grading";
import type { ReadableModule } from "~/training/module-key";
import { currentMajor } from "~/training/module-key";
import type { PathStep } from "~/training/scenario/scoring";
import type { QuizDef, ScenarioDef } from "./types";
import { guard } from "./analytics";
import { getModuleArtefact } from "./store.server";

// What trainers learn from a module's records: anonymous aggregates only. Nothing returned here
// carries a user id or name, and groups under the small-group rule (./analytics.ts) come back as
// { hidden: true } with no numbers at all, so the browser never receives them either.

async function quizAnalytics(module: ReadableModule, quiz: QuizDef) {
  const rows = await prisma.quizAttempt.findMany({
    where: { ...currentMajor(module), quizId: quiz.id, number: 1 },
    orderBy: { submittedAt: "asc" },
    select: { userId: true, answers: true },
  });
  // Attempt numbers run across the MINOR versions of a major, so each learner has one attempt 1;
  // the first seen wins should that ever not hold.
  const firstByLearner = new Map<string, QuizAnswers>();
  for (const row of rows) {
    if (!firstByLearner.has(row.userId))
      firstByLearner.set(row.userId, JSON.parse(row.answers) as QuizAnswers);
  }
  const graded = [...firstByLearner].map(([learner, answers]) => ({
    learner,
    answers,
    result: gradeQuiz(quiz, answers, 0),
  }));
  return {
    id: quiz.id,
    title: quiz.title,
    questions: quiz.questions.map((question, i) => {
      // A question added in a later MINOR version was not in everyone's first attempt.
      const answered = graded.filter((g) => (g.answers[question.id]?.length ?? 0) > 0);
      const learners = new Set(answered.map((g) => g.learner));
      const stats = guard(learners, () => {
        const correct = answered.filter((g) => g.result.questions[i]!.correct).length;
        return { learners: learners.size, correct, share: correct / learners.size };
      });
      return { id: question.id, prompt: question.prompt, stats };
    }),
  };
}

type RunRow = {
  userId: string;
  status: string;
  path: string;
  endingId: string | null;
  currentNodeId: string | null;
};

function nodeAnalytics(scenario: ScenarioDef, runs: RunRow[]) {
  const steps = runs.map((run) => ({
    learner: run.userId,
    path: JSON.parse(run.path) as PathStep[],
  }));
  return scenario.nodes.map((node) => {
    const learners = new Set<string>();
    const counts = node.choices.map(() => 0);
    for (const run of steps) {
      for (const step of run.path) {
        if (step.node !== node.id || counts[step.choice] === undefined) continue;
        counts[step.choice]! += 1;
        learners.add(run.learner);
      }
    }
    const stats = guard(learners, () => ({
      learners: learners.size,
      replies: counts.reduce((a, b) => a + b, 0),
      counts,
    }));
    return {
      id: node.id,
      speaker: node.speaker,
      line: node.line,
      replies: node.choices.map((c, index) => ({ index, text: c.text })),
      stats,
    };
  });
}

async function scenarioAnalytics(module: ReadableModule, scenario: ScenarioDef) {
  const runs: RunRow[] = await prisma.scenarioRun.findMany({
    where: {
      ...currentMajor(module),
      scenarioId: scenario.id,
      status: { in: ["finished", "abandoned"] },
    },
    select: { userId: true, status: true, path: true, endingId: true, currentNodeId: true },
  });
  const finished = runs.filter((r) => r.status === "finished");
  const abandoned = runs.filter((r) => r.status === "abandoned");
  const learnersOf = (rows: RunRow[]) => new Set(rows.map((r) => r.userId));
  const endings = guard(learnersOf(finished), () => ({
    learners: learnersOf(finished).size,
    runs: finished.length,
    counts: scenario.endings.map((e) => finished.filter((r) => r.endingId === e.id).length),
  }));
  const left = guard(learnersOf(abandoned), () => ({
    learners: learnersOf(abandoned).size,
    runs: abandoned.length,
    counts: scenario.nodes.map((n) => abandoned.filter((r) => r.currentNodeId === n.id).length),
  }));
  return {
    id: scenario.id,
    title: scenario.title,
    nodes: nodeAnalytics(scenario, runs),
    endings: {
      list: scenario.endings.map((e) => ({ id: e.id, title: e.title, rating: e.rating })),
      stats: endings,
    },
    abandoned: { list: scenario.nodes.map((n) => ({ id: n.id, line: n.line })), stats: left },
  };
}

/** A module's question and scenario analytics at its current MAJOR version; 404 if unknown. */
export async function moduleAnalytics(slug: string) {
  const artefact = await getModuleArtefact(slug);
  if (!artefact) throw data({ message: "There is no such module." }, { status: 404 });
  const title = artefact.frontmatter?.title ?? artefact.slug;
  if (!artefact.frontmatter) {
    // Without a version there is no "current major" to count records against.
    return { slug, title, version: null, quizzes: [], scenarios: [] };
  }
  const module = artefact as ReadableModule;
  return {
    slug,
    title,
    version: module.frontmatter.version,
    quizzes: await Promise.all(module.quizzes.map((q) => quizAnalytics(module, q))),
    scenarios: await Promise.all(module.scenarios.map((s) => scenarioAnalytics(module, s))),
  };
}

export type ModuleAnalytics = Awaited<ReturnType<typeof moduleAnalytics>>;
export type QuizAnalytics = ModuleAnalytics["quizzes"][number];
export type ScenarioAnalytics = ModuleAnalytics["scenarios"][number];
