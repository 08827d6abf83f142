import type BetterSqlite3 from "better-sqlite3";
import { channels } from "../../../app/team/observation-schema";
import type { QuizAnswers } from "../../../app/training/quiz/grading";
import { gradeQuiz } from "../../../app/training/quiz/grading";
import type { Quiz } from "./course";

// What must hold for every row, whoever wrote it and whenever the process died: a half-written
// record breaks one of these. Attempts carry their answers and the grade made from them, in an
// unbroken sequence of attempt numbers; observations carry a rating (or N/A) for every standard;
// a completion stands on passed attempts. Then SQLite's own checks of the file.

type AttemptRow = {
  userId: string;
  moduleSlug: string;
  moduleVersion: string;
  quizId: string;
  number: number;
  answers: string;
  correctCount: number;
  questionCount: number;
  score: number;
  passed: number;
};

const majorOf = (version: string) => version.split(".")[0];

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function attemptProblems(db: BetterSqlite3.Database, quizzes: Quiz[]): string[] {
  const problems: string[] = [];
  const rows = db
    .prepare(
      `SELECT userId, moduleSlug, moduleVersion, quizId, number, answers, correctCount,
              questionCount, score, passed FROM QuizAttempt`,
    )
    .all() as AttemptRow[];
  const numbers = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.userId}/${row.moduleSlug}@${majorOf(row.moduleVersion)}/${row.quizId}`;
    numbers.set(key, [...(numbers.get(key) ?? []), row.number]);
    const quiz = quizzes.find(
      (q) =>
        q.slug === row.moduleSlug && q.def.id === row.quizId && q.version === row.moduleVersion,
    );
    if (!quiz) continue; // another version of the course: its questions are not known here
    const answers = parse(row.answers) as QuizAnswers | undefined;
    const questionIds = quiz.def.questions.map((q) => q.id);
    const complete =
      answers &&
      typeof answers === "object" &&
      Object.keys(answers).length === questionIds.length &&
      questionIds.every((id) => Array.isArray(answers[id]) && answers[id].length > 0);
    if (!complete) {
      problems.push(`attempt ${key}#${row.number} lacks answers: ${row.answers}`);
      continue;
    }
    const grade = gradeQuiz(quiz.def, answers, quiz.passScore);
    if (
      grade.correctCount !== row.correctCount ||
      grade.questionCount !== row.questionCount ||
      grade.score !== row.score ||
      grade.passed !== Boolean(row.passed)
    ) {
      problems.push(`attempt ${key}#${row.number} has a grade that does not match its answers`);
    }
  }
  for (const [key, list] of numbers) {
    const sorted = [...list].sort((a, b) => a - b);
    if (sorted.some((n, i) => n !== i + 1)) {
      problems.push(`attempts of ${key} are numbered ${sorted.join(",")}: one is missing`);
    }
  }
  return problems;
}

function observationProblems(db: BetterSqlite3.Database, standardIds: string[]): string[] {
  const problems: string[] = [];
  const rows = db.prepare("SELECT id, channel, ratings FROM Observation").all() as {
    id: string;
    channel: string;
    ratings: string;
  }[];
  for (const row of rows) {
    const ratings = parse(row.ratings) as Record<string, unknown> | undefined;
    const values = ratings && typeof ratings === "object" ? Object.values(ratings) : [];
    const whole =
      ratings &&
      Object.keys(ratings).length === standardIds.length &&
      standardIds.every((id) => id in ratings) &&
      values.every(
        (v) => v === null || (Number.isInteger(v) && Number(v) >= 1 && Number(v) <= 5),
      ) &&
      values.some((v) => v !== null);
    if (!whole) problems.push(`observation ${row.id} has incomplete ratings: ${row.ratings}`);
    if (!(channels as readonly string[]).includes(row.channel)) {
      problems.push(`observation ${row.id} has no valid channel: ${row.channel}`);
    }
  }
  return problems;
}

function completionProblems(db: BetterSqlite3.Database, quizzes: Quiz[]): string[] {
  const problems: string[] = [];
  const completions = db
    .prepare("SELECT userId, moduleSlug, moduleVersion FROM ModuleCompletion")
    .all() as { userId: string; moduleSlug: string; moduleVersion: string }[];
  const passed = db.prepare(
    `SELECT 1 FROM QuizAttempt WHERE userId = ? AND moduleSlug = ? AND quizId = ?
       AND moduleVersion LIKE ? AND passed = 1 LIMIT 1`,
  );
  for (const c of completions) {
    // Only completions at the version whose quizzes are known here (the demo has an older one).
    const known = quizzes.filter((q) => q.slug === c.moduleSlug && q.version === c.moduleVersion);
    for (const quiz of known) {
      const ok = passed.get(c.userId, c.moduleSlug, quiz.def.id, `${majorOf(c.moduleVersion)}.%`);
      if (!ok) {
        problems.push(
          `completion of ${c.moduleSlug} by ${c.userId} without passing ${quiz.def.id}`,
        );
      }
    }
  }
  return problems;
}

/** Rows that are only partly there (empty when every record is whole). */
export function halfWritten(
  db: BetterSqlite3.Database,
  quizzes: Quiz[],
  standardIds: string[],
): string[] {
  return [
    ...attemptProblems(db, quizzes),
    ...observationProblems(db, standardIds),
    ...completionProblems(db, quizzes),
  ];
}

/** SQLite's own verdict on the file, and on every foreign key: "ok" when sound. */
export function fileProblems(db: BetterSqlite3.Database): string[] {
  const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  const keys = db.pragma("foreign_key_check") as unknown[];
  return [
    ...(integrity.join() === "ok" ? [] : integrity.map((line) => `integrity_check: ${line}`)),
    ...keys.map((k) => `foreign_key_check: ${JSON.stringify(k)}`),
  ];
}
