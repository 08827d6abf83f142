import type { Status } from "~/training/rollout/due";
import type { LocalDate } from "~/training/rollout/time";
import { addDays } from "~/training/rollout/time";
import { statusOrder } from "./matrix-filters";

// The numbers behind the /team charts, from the same items the matrix shows. Pure.

export type MatrixItem = {
  slug: string;
  title: string;
  version: string;
  status: Status;
  dueDate: LocalDate;
  /** The local date the current version was completed on, in the person's time zone. */
  completedOn: LocalDate | null;
};

export type ModuleCompletion = { slug: string; title: string } & Record<Status, number>;

/** Per module, how many of the shown people are in each status. */
export function completionByModule(
  modules: { slug: string; title: string }[],
  items: MatrixItem[],
): ModuleCompletion[] {
  const rows = new Map(
    modules.map((m) => [
      m.slug,
      {
        ...m,
        ...(Object.fromEntries(statusOrder.map((s) => [s, 0])) as Record<Status, number>),
      },
    ]),
  );
  for (const item of items) {
    const row = rows.get(item.slug);
    if (row) row[item.status] += 1;
  }
  return [...rows.values()];
}

export type OverduePoint = { date: LocalDate; overdue: number };

/**
 * Overdue items at the end of each of the last `weeks` weeks, today last. Nothing about the past
 * is stored, so it is reconstructed: an item was overdue on day d when its due date lay before d
 * and it was not yet completed by d. Re-training after a MAJOR bump counts from its new due date.
 */
export function overdueOverTime(items: MatrixItem[], today: LocalDate, weeks = 12): OverduePoint[] {
  const dates: LocalDate[] = [];
  for (let week = weeks - 1; week >= 0; week -= 1) dates.push(addDays(today, -7 * week));
  // Each item is overdue over a run of consecutive points: from the first date after its due
  // date to the last one before its completion. Counted as run starts and ends, not per point.
  // The first point on (or, with `after`, after) a date; dates.length when there is none.
  const firstPoint = (date: LocalDate, after: boolean) => {
    let low = 0;
    let high = dates.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (after ? dates[mid]! > date : dates[mid]! >= date) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const change = new Array<number>(dates.length + 1).fill(0);
  for (const i of items) {
    const from = firstPoint(i.dueDate, true);
    const until = i.completedOn === null ? dates.length : firstPoint(i.completedOn, false);
    if (from < until) {
      change[from]! += 1;
      change[until]! -= 1;
    }
  }
  let overdue = 0;
  return dates.map((date, index) => {
    overdue += change[index]!;
    return { date, overdue };
  });
}

/**
 * Round tick values for an axis from 0 that reaches at least `max`: about `intervals` steps of
 * 1, 2, 2.5 or 5 times a power of ten, whole numbers only.
 */
export function niceTicks(max: number, intervals = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough && Number.isInteger(s)) ??
    Math.ceil(rough);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}
