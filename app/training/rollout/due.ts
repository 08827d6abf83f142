import type { LocalDate } from "./time";
import { boundedCache } from "~/utils/bounded-cache";
import { addDays, localDate, zonedInstant } from "./time";

// When an assigned module is due, and where each person stands with it.

export type DueRule = "after_assignment" | "after_hire";

export type DueInput = {
  rule: DueRule;
  dueDays: number;
  /** When the assignment reached this person: its creation, or their joining if later. */
  assignedAt: Date;
  hiredAt: Date | null;
  /** When the current MAJOR version was published, for people re-training after a bump. */
  reopenedAt: Date | null;
  timeZone: string;
};

/** The local date by which the module is due (it stays due until that day ends). */
export function dueDate(input: DueInput): LocalDate {
  const start =
    input.reopenedAt ??
    (input.rule === "after_hire" && input.hiredAt ? input.hiredAt : input.assignedAt);
  return dueDates(`${start.getTime()} ${input.timeZone} ${input.dueDays}`, () =>
    addDays(localDate(start, input.timeZone), input.dueDays),
  );
}
// Most people of a zone share the start of an assignment: each due date is worked out once.
const dueDates = boundedCache<LocalDate>(50_000);

/** The first instant after the due date: local midnight at the end of it. */
export function dueDeadline(date: LocalDate, timeZone: string): Date {
  const ms = deadlines(`${date} ${timeZone}`, () =>
    zonedInstant(addDays(date, 1), "00:00", timeZone).getTime(),
  );
  return new Date(ms);
}
// Thousands of enrollments share a few hundred due dates: each deadline is worked out once.
const deadlines = boundedCache<number>(10_000);

export type Status = "completed" | "overdue" | "needs-retraining" | "in-progress" | "not-started";

export type StatusInput = {
  completedCurrentMajor: boolean;
  completedOlderMajor: boolean;
  started: boolean;
  dueDate: LocalDate;
  timeZone: string;
  now: Date;
};

/** Completed wins; then overdue; then re-training after a MAJOR change; then started or not. */
export function moduleStatus(input: StatusInput): Status {
  if (input.completedCurrentMajor) return "completed";
  if (input.now >= dueDeadline(input.dueDate, input.timeZone)) return "overdue";
  if (input.completedOlderMajor) return "needs-retraining";
  return input.started ? "in-progress" : "not-started";
}

/** Message keys of each status's name (app/locales/<locale>/training.json): `t(statusLabels[s])`. */
export const statusLabels: Record<Status, string> = {
  completed: "training:status.completed",
  overdue: "training:status.overdue",
  "needs-retraining": "training:status.needs-retraining",
  "in-progress": "training:status.in-progress",
  "not-started": "training:status.not-started",
};

/** The same names as written inside a sentence ("Recording a complaint: not started, …"). */
export const statusInSentence: Record<Status, string> = {
  completed: "training:statusInSentence.completed",
  overdue: "training:statusInSentence.overdue",
  "needs-retraining": "training:statusInSentence.needs-retraining",
  "in-progress": "training:statusInSentence.in-progress",
  "not-started": "training:statusInSentence.not-started",
};

/** Most urgent first: overdue, re-training, then by due date; completed last. */
export function byUrgency<T extends { status: Status; dueDate: LocalDate }>(a: T, b: T): number {
  const rank: Record<Status, number> = {
    overdue: 0,
    "needs-retraining": 1,
    "in-progress": 2,
    "not-started": 2,
    completed: 3,
  };
  return rank[a.status] - rank[b.status] || a.dueDate.localeCompare(b.dueDate);
}
