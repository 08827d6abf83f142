import type BetterSqlite3 from "better-sqlite3";
import type { QuizAnswers } from "../../../app/training/quiz/grading";
import type { ObservationInput } from "./course";

// Every write the server acknowledged (answered with its "saved" redirect), and the check that
// each is in the database exactly as it was sent. Anything missing was lost; anything different
// was damaged.

export type AcknowledgedAttempt = {
  userId: string;
  slug: string;
  version: string;
  quizId: string;
  number: number;
  answers: QuizAnswers;
};
export type AcknowledgedObservation = ObservationInput & { id: string; managerId: string };
export type AcknowledgedSession = { id: string; userId: string };

type Problem = { kind: "lost" | "changed"; what: string };

export class Ledger {
  readonly attempts: AcknowledgedAttempt[] = [];
  readonly observations: AcknowledgedObservation[] = [];
  readonly sessions: AcknowledgedSession[] = [];

  get size() {
    return this.attempts.length + this.observations.length + this.sessions.length;
  }

  /** What is missing or different in the database (empty when every write is there). */
  verify(db: BetterSqlite3.Database): Problem[] {
    const problems: Problem[] = [];
    const attempt = db.prepare(
      `SELECT answers FROM QuizAttempt
       WHERE userId = ? AND moduleSlug = ? AND moduleVersion = ? AND quizId = ? AND number = ?`,
    );
    for (const a of this.attempts) {
      const what = `attempt ${a.number} of ${a.slug}/${a.quizId} by ${a.userId}`;
      const row = attempt.get(a.userId, a.slug, a.version, a.quizId, a.number) as
        { answers: string } | undefined;
      if (!row) problems.push({ kind: "lost", what });
      else if (row.answers !== JSON.stringify(a.answers)) problems.push({ kind: "changed", what });
    }
    const observation = db.prepare(
      "SELECT managerId, employeeId, channel, notes, ratings FROM Observation WHERE id = ?",
    );
    for (const o of this.observations) {
      const what = `observation ${o.id}`;
      const row = observation.get(o.id) as Record<string, string> | undefined;
      if (!row) problems.push({ kind: "lost", what });
      else if (
        row.managerId !== o.managerId ||
        row.employeeId !== o.employeeId ||
        row.channel !== o.channel ||
        row.notes !== o.notes ||
        !sameRatings(row.ratings!, o.ratings)
      ) {
        problems.push({ kind: "changed", what });
      }
    }
    const session = db.prepare("SELECT userId FROM Session WHERE id = ?");
    for (const s of this.sessions) {
      const row = session.get(s.id) as { userId: string } | undefined;
      if (!row) problems.push({ kind: "lost", what: `session of ${s.userId}` });
      else if (row.userId !== s.userId) problems.push({ kind: "changed", what: `session ${s.id}` });
    }
    return problems;
  }
}

function sameRatings(stored: string, sent: Record<string, number | null>) {
  const parsed = JSON.parse(stored) as Record<string, number | null>;
  const keys = Object.keys(sent);
  return (
    Object.keys(parsed).length === keys.length && keys.every((key) => parsed[key] === sent[key])
  );
}
