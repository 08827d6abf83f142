import { data } from "@remix-run/node";
import { prisma } from "~/db.server";
import type { QuizAnswers } from "~/training/quiz/grading";
import { gradeQuiz } from "~/training/quiz/grading";
import type { ReadableModule } from "~/training/module-key";
import { currentMajor } from "~/training/module-key";

import { scenarioMaxScore, type PathStep } from "./scenario-scoring";
import type { QuizDef, ScenarioDef } from "./types";
import { guard } from "./analytics";
import { getModuleArtefact } from "./store.server";

// What trainers learn from a module's records: anonymous aggregates only. Nothing returned here
// carries a user id or name, and groups under the small-group rule (./analytics.ts) come back as
// { hidden: true } with no numbers at all, so the browser never receives them either.

async function quizAnalytics(module: ReadableModule, quiz: QuizDef, language: string | null) {
  const rows = await prisma.quizAttempt.findMany({
    where: { ...currentMajor(module), quizId: quiz.id, number: 1 },
    orderBy: { submittedAt: "asc" },
    select: { userId: true, answers: true, locale: true },
  });
  // Attempt numbers run across the MINOR versions of a major, so each learner has one attempt 1;
  // the first seen wins should that ever not hold.
  const firstByLearner = new Map<string, { answers: QuizAnswers; locale: string }>();
  for (const row of rows) {
    if (!firstByLearner.has(row.userId))
      firstByLearner.set(row.userId, {
        answers: JSON.parse(row.answers) as QuizAnswers,
        locale: row.locale,
      });
  }
  const everyone = [...firstByLearner].map(([learner, { answers, locale }]) => ({
    learner,
    answers,
    locale,
    result: gradeQuiz(quiz, answers, 0),
  }));
  const graded = language ? everyone.filter((g) => g.locale === language) : everyone;
  const shareRight = (group: typeof everyone, i: number) => {
    const learners = new Set(group.map((g) => g.learner));
    return guard(learners, () => {
      const correct = group.filter((g) => g.result.questions[i]!.correct).length;
      return { learners: learners.size, correct, share: correct / learners.size };
    });
  };
  const languages = [...new Set(everyone.map((g) => g.locale))].sort();
  return {
    id: quiz.id,
    title: quiz.title,
    questions: quiz.questions.map((question, i) => {
      // A question added in a later MINOR version was not in everyone's first attempt.
      const answered = (group: typeof everyone) =>
        group.filter((g) => (g.answers[question.id]?.length ?? 0) > 0);
      // Split by the language the quiz was shown in: a question much harder in one language
      // points at its translation.
      const byLanguage = languages.map((locale) => ({
        locale,
        stats: shareRight(
          answered(everyone).filter((g) => g.locale === locale),
          i,
        ),
      }));
      return {
        id: question.id,
        prompt: question.prompt,
        stats: shareRight(answered(graded), i),
        byLanguage,
      };
    }),
  };
}

type RunRow = {
  userId: string;
  status: string;
  score: number;
  passed: boolean | null;
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

async function scenarioAnalytics(
  module: ReadableModule,
  scenario: ScenarioDef,
  language: string | null,
) {
  const runs: RunRow[] = await prisma.scenarioRun.findMany({
    where: {
      ...currentMajor(module),
      scenarioId: scenario.id,
      status: { in: ["finished", "abandoned"] },
      ...(language ? { locale: language } : {}),
    },
    select: {
      userId: true,
      status: true,
      score: true,
      passed: true,
      path: true,
      endingId: true,
      currentNodeId: true,
    },
  });
  const finished = runs.filter((r) => r.status === "finished");
  const abandoned = runs.filter((r) => r.status === "abandoned");
  const learnersOf = (rows: RunRow[]) => new Set(rows.map((r) => r.userId));
  const endings = guard(learnersOf(finished), () => ({
    learners: learnersOf(finished).size,
    runs: finished.length,
    counts: scenario.endings.map((e) => finished.filter((r) => r.endingId === e.id).length),
  }));
  // What finished runs scored, in the scenario's own mode; "none" has no scores to show.
  const scores =
    scenario.scoring === "none"
      ? null
      : guard(learnersOf(finished), () => ({
          runs: finished.length,
          average: finished.reduce((sum, r) => sum + r.score, 0) / finished.length,
          passed: finished.filter((r) => r.passed).length,
        }));
  const left = guard(learnersOf(abandoned), () => ({
    learners: learnersOf(abandoned).size,
    runs: abandoned.length,
    counts: scenario.nodes.map((n) => abandoned.filter((r) => r.currentNodeId === n.id).length),
  }));
  return {
    id: scenario.id,
    title: scenario.title,
    scoring: scenario.scoring,
    maxScore: scenarioMaxScore(scenario),
    passScore: scenario.passScore,
    scores,
    nodes: nodeAnalytics(scenario, runs),
    endings: {
      list: scenario.endings.map((e) => ({
        id: e.id,
        title: e.title,
        rating: e.rating,
        score: e.score,
      })),
      stats: endings,
    },
    abandoned: { list: scenario.nodes.map((n) => ({ id: n.id, line: n.line })), stats: left },
  };
}

/**
 * A module's question and scenario analytics at its current MAJOR version, for learners of one
 * language (the language the quiz or role-play was shown in) or all; 404 if unknown.
 */
export async function moduleAnalytics(slug: string, language: string | null = null) {
  const artefact = await getModuleArtefact(slug);
  if (!artefact) throw data({ message: "There is no such module." }, { status: 404 });
  const title = artefact.frontmatter?.title ?? artefact.slug;
  if (!artefact.frontmatter) {
    // Without a version there is no "current major" to count records against.
    return { slug, title, version: null, language, quizzes: [], scenarios: [] };
  }
  const module = artefact as ReadableModule;
  return {
    slug,
    title,
    version: module.frontmatter.version,
    language,
    quizzes: await Promise.all(module.quizzes.map((q) => quizAnalytics(module, q, language))),
    scenarios: await Promise.all(
      module.scenarios.map((s) => scenarioAnalytics(module, s, language)),
    ),
  };
}

export type ModuleAnalytics = Awaited<ReturnType<typeof moduleAnalytics>>;
export type QuizAnalytics = ModuleAnalytics["quizzes"][number];
export type ScenarioAnalytics = ModuleAnalytics["scenarios"][number];
