import { prisma } from "~/db.server";
import type { QuizDef } from "~/content/types";
import { errorKey } from "~/i18n/errors";
import type { ReadableModule } from "../module-key";
import {
  currentMajor,
  moduleKey,
  problemLines,
  servedLocale,
  uniqueOrRefuse,
  UserInputError,
} from "../module-key";
import type { QuizAnswers, QuizResult } from "./grading";
import { answerProblems, gradeQuiz, withAnswers } from "./grading";
import { attemptRules, attemptState, attemptsView, quizHistory } from "../attempt-rules";
import { seededShuffle } from "./shuffle";
import { checkNextAttempt } from "../attempt-limits.server";

export const passScoreOf = (quiz: QuizDef, module: ReadableModule) =>
  quiz.passScore ?? module.frontmatter.passScore;

function findQuiz(module: ReadableModule, quizId: string): QuizDef {
  const quiz = module.quizzes.find((q) => q.id === quizId);
  if (!quiz) throw new UserInputError(errorKey("training:errors.noQuiz", { id: quizId }));
  return quiz;
}

/**
 * Grade and store one attempt. The attempt number comes from the form: submitting the same
 * attempt twice, or two at once, stores one row (the key includes the number) and refuses the
 * other. Nothing is written for a malformed submission.
 */
export async function submitAttempt(
  userId: string,
  module: ReadableModule,
  input: { quizId: string; attempt: number; answers: QuizAnswers },
): Promise<QuizResult> {
  const quiz = findQuiz(module, input.quizId);
  const problems = answerProblems(quiz, input.answers);
  if (problems.length) throw new UserInputError(problemLines(problems));
  const key = moduleKey(module);
  const last = await prisma.quizAttempt.findFirst({
    where: { userId, ...currentMajor(module), quizId: quiz.id },
    orderBy: { number: "desc" },
    select: { number: true, passed: true, submittedAt: true },
  });
  const expected = (last?.number ?? 0) + 1;
  if (input.attempt !== expected) {
    throw new UserInputError(
      input.attempt < expected
        ? "training:errors.attemptSubmitted"
        : "training:errors.attemptNotStarted",
    );
  }
  // The number is part of the row's key, so two submissions at once cannot both pass this.
  await checkNextAttempt(userId, module, quiz, quizHistory(last));
  const result = gradeQuiz(quiz, input.answers, passScoreOf(quiz, module));
  await uniqueOrRefuse(
    "training:errors.attemptSubmitted",
    prisma.quizAttempt.create({
      data: {
        userId,
        ...key,
        quizId: quiz.id,
        number: input.attempt,
        answers: JSON.stringify(input.answers),
        correctCount: result.correctCount,
        questionCount: result.questionCount,
        score: result.score,
        passed: result.passed,
        locale: servedLocale(module),
      },
      select: { id: true },
    }),
  );
  return result;
}

/** What the module page reads of each attempt (moduleRecords in ../completion.server.ts). */
export const attemptFields = {
  quizId: true,
  number: true,
  answers: true,
  score: true,
  passed: true,
  submittedAt: true,
} as const;

export type AttemptRow = {
  quizId: string;
  number: number;
  answers: string;
  score: number;
  passed: boolean;
  submittedAt: Date;
};

/** The module's quizzes as the learner sees them, from their attempts at this MAJOR version. */
export function quizViews(
  userId: string,
  module: ReadableModule,
  retryQuizId: string | null,
  attempts: AttemptRow[],
  grants: Map<string, Date[]> = new Map(),
  now = new Date(),
) {
  return module.quizzes.map((quiz) => {
    const mine = attempts.filter((a) => a.quizId === quiz.id);
    const last = mine.at(-1);
    const next = (last?.number ?? 0) + 1;
    const passScore = passScoreOf(quiz, module);
    const seed = `${userId}:${module.slug}:${module.frontmatter.version}:${quiz.id}:${next}`;
    const rules = attemptRules(quiz, module.frontmatter);
    const state = attemptState(
      rules,
      { ...quizHistory(last), grants: grants.get(quiz.id) ?? [] },
      now,
    );
    const graded = last
      ? gradeQuiz(quiz, JSON.parse(last.answers) as QuizAnswers, passScore)
      : null;
    return {
      id: quiz.id,
      title: quiz.title,
      passScore,
      attempt: next,
      open: !state.blocked && (!last || retryQuizId === quiz.id),
      limits: attemptsView(state),
      passedEver: mine.some((a) => a.passed),
      questions: quiz.questions.map((q) => ({
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        options: seededShuffle(q.options, `${seed}:${q.id}`).map((o) => ({
          id: o.id,
          text: o.text,
        })),
      })),
      last: last
        ? {
            // Feedback comes from the definitions; the verdict is the one stored when it was graded.
            // The right answers only after a pass, or a failure where the rules say so.
            ...(last.passed || rules.showAnswers ? withAnswers(quiz, graded!) : graded!),
            number: last.number,
            score: last.score,
            passed: last.passed,
            submittedAt: last.submittedAt.toISOString(),
          }
        : null,
      history: mine.map((a) => ({
        number: a.number,
        score: a.score,
        passed: a.passed,
        submittedAt: a.submittedAt.toISOString(),
      })),
    };
  });
}

export type QuizView = Awaited<ReturnType<typeof quizViews>>[number];
