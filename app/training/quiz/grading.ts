import type { QuizDef } from "~/content/types";
import { errorKey } from "~/i18n/errors";

// Grading a quiz on the server against its answer key. Pure: the answer key never leaves here
// except as the verdicts the learner has earned by answering.

export type QuizAnswers = Record<string, string[]>;

export type QuestionResult = {
  questionId: string;
  correct: boolean;
  /** The options the learner chose, each with its feedback. */
  chosen: { optionId: string; text: string; feedback: string }[];
  /** The right options not chosen; only where the rules let this attempt show the answers. */
  missed?: { optionId: string; text: string; feedback: string }[];
  /**
   * A multiple-answer question answered wrongly: how many right options there are, how many of
   * them were chosen and how many wrong ones. Says what was missed without naming it.
   */
  tally?: { right: number; rightChosen: number; wrongChosen: number };
};

export type QuizResult = {
  correctCount: number;
  questionCount: number;
  score: number;
  passed: boolean;
  questions: QuestionResult[];
};

/**
 * Problems with a submission's shape: unknown ids, a question left out, two answers to a single.
 * Each is a message key with its values (training:errors.*), put into words where it is shown.
 */
export function answerProblems(quiz: QuizDef, answers: QuizAnswers): string[] {
  const problems: string[] = [];
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const questionId of Object.keys(answers)) {
    if (!questions.has(questionId))
      problems.push(errorKey("training:errors.noQuestion", { id: questionId }));
  }
  for (const question of quiz.questions) {
    const chosen = answers[question.id] ?? [];
    if (chosen.length === 0) {
      problems.push(
        errorKey("training:errors.answerQuestion", {
          number: quiz.questions.indexOf(question) + 1,
          prompt: question.prompt,
        }),
      );
      continue;
    }
    const known = new Set(question.options.map((o) => o.id));
    for (const optionId of chosen) {
      if (!known.has(optionId))
        problems.push(
          errorKey("training:errors.noOption", { option: optionId, question: question.id }),
        );
    }
    if (new Set(chosen).size !== chosen.length)
      problems.push(errorKey("training:errors.optionTwice", { question: question.id }));
    if (question.type === "single" && chosen.length > 1) {
      problems.push(errorKey("training:errors.oneAnswer", { question: question.id }));
    }
  }
  return problems;
}

/** Grade a well-formed submission: a question is right when the chosen set equals the correct set. */
export function gradeQuiz(quiz: QuizDef, answers: QuizAnswers, passScore: number): QuizResult {
  const questions = quiz.questions.map((question): QuestionResult => {
    const chosen = new Set(answers[question.id] ?? []);
    const correctIds = question.options.filter((o) => o.correct).map((o) => o.id);
    const correct = correctIds.length === chosen.size && correctIds.every((id) => chosen.has(id));
    const rightChosen = correctIds.filter((id) => chosen.has(id)).length;
    return {
      questionId: question.id,
      correct,
      ...(question.type === "multiple" && !correct
        ? {
            tally: {
              right: correctIds.length,
              rightChosen,
              wrongChosen: chosen.size - rightChosen,
            },
          }
        : {}),
      chosen: question.options
        .filter((o) => chosen.has(o.id))
        .map((o) => ({ optionId: o.id, text: o.text, feedback: o.feedback })),
    };
  });
  const correctCount = questions.filter((q) => q.correct).length;
  const questionCount = quiz.questions.length;
  const score = questionCount ? Math.floor((correctCount / questionCount) * 100) : 0;
  return { correctCount, questionCount, score, passed: score >= passScore, questions };
}

/** The result with, for each question answered wrongly, the right options the learner missed. */
export function withAnswers(quiz: QuizDef, result: QuizResult): QuizResult {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return {
    ...result,
    questions: result.questions.map((r) => {
      if (r.correct) return r;
      const chosen = new Set(r.chosen.map((c) => c.optionId));
      const missed = (byId.get(r.questionId)?.options ?? [])
        .filter((o) => o.correct && !chosen.has(o.id))
        .map((o) => ({ optionId: o.id, text: o.text, feedback: o.feedback }));
      return { ...r, missed };
    }),
  };
}
