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
  const points: OverduePoint[] = [];
  for (let week = weeks - 1; week >= 0; week -= 1) {
    const date = addDays(today, -7 * week);
    const overdue = items.filter(
      (i) => i.dueDate < date && (i.completedOn === null || i.completedOn > date),
    ).length;
    points.push({ date, overdue });
  }
  return points;
}
