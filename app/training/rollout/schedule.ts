import type { LocalDate } from "./time";
import { addDays, daysBetween, localDate, zonedInstant } from "./time";

// The reminder schedule for one unfinished module: 3 days before the due date, 1 day after it,
// then weekly until done, each at 09:00 local time. A pass sends only the latest slot that has
// come: someone whose reminders start late gets one message, not a backlog.

export const reminderTime = "09:00";

export type ReminderSlot = {
  kind: "due-soon" | "overdue" | "overdue-weekly";
  slot: LocalDate;
  at: Date;
};

export function slotFor(
  kind: ReminderSlot["kind"],
  date: LocalDate,
  timeZone: string,
): ReminderSlot {
  return { kind, slot: date, at: zonedInstant(date, reminderTime, timeZone) };
}

/** The most recent reminder slot at or before `now`, or null when none has come yet. */
export function currentReminder(
  dueDate: LocalDate,
  timeZone: string,
  now: Date,
): ReminderSlot | null {
  const soon = slotFor("due-soon", addDays(dueDate, -3), timeZone);
  if (now < soon.at) return null;
  const overdue = slotFor("overdue", addDays(dueDate, 1), timeZone);
  if (now < overdue.at) return soon;
  // Weekly slots fall on due date + 8, + 15, …; find the last one that has come.
  const today = localDate(now, timeZone);
  let weeks = Math.floor(daysBetween(addDays(dueDate, 1), today) / 7);
  while (weeks > 0) {
    const weekly = slotFor("overdue-weekly", addDays(dueDate, 1 + 7 * weeks), timeZone);
    if (now >= weekly.at) return weekly;
    weeks -= 1;
  }
  return overdue;
}

/** Every slot up to `until`, in order: what a person would receive if checked continuously. */
export function reminderSlots(dueDate: LocalDate, timeZone: string, until: Date): ReminderSlot[] {
  const slots = [
    slotFor("due-soon", addDays(dueDate, -3), timeZone),
    slotFor("overdue", addDays(dueDate, 1), timeZone),
  ];
  for (let week = 1; ; week++) {
    const next = slotFor("overdue-weekly", addDays(dueDate, 1 + 7 * week), timeZone);
    if (next.at > until) break;
    slots.push(next);
  }
  return slots.filter((s) => s.at <= until);
}
