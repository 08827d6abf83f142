import { boundedCache } from "~/utils/bounded-cache";

// Calendar dates in a person's own time zone. Due dates are local dates ("due on 14 March");
// reminders go out at a local wall-clock time, so daylight-saving changes move neither.

export type LocalDate = string; // YYYY-MM-DD

const partsFormatter = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = partsFormatter.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatter.set(timeZone, f);
  }
  return f;
}

/** The wall clock in a zone at an instant, read with Intl (exact, but costs microseconds). */
function readWallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
}

// A zone's UTC offset per quarter hour, remembered: a manager's matrix asks for thousands of
// local dates, and offsets only change at transitions. A quarter hour whose two ends disagree
// holds a transition and is always read exactly.
const quarterHour = 15 * 60 * 1000;
const offsets = boundedCache<number | null>(100_000);
const offsetAt = (ms: number, timeZone: string) => readWallClock(new Date(ms), timeZone) - ms;

function wallClock(instant: Date, timeZone: string) {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  const bucket = Math.floor(ms / quarterHour);
  const offset = offsets(`${timeZone} ${bucket}`, () => {
    const start = offsetAt(bucket * quarterHour, timeZone);
    return start === offsetAt((bucket + 1) * quarterHour - 1000, timeZone) ? start : null;
  });
  const asUtc = offset === null ? readWallClock(instant, timeZone) : ms + offset;
  return { date: new Date(asUtc).toISOString().slice(0, 10), asUtc };
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date of an instant. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  return wallClock(instant, timeZone).date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant when the wall clock in `timeZone` shows `time` on `date` (the later one in a repeated hour). */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const target = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  // Guess with the offset at the target, then correct once for an offset change in between.
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const offset = wallClock(new Date(guess), timeZone).asUtc - guess;
    const next = target - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

/** ISO week of a local date, e.g. "2026-W47": one manager digest per week. */
export function isoWeek(date: LocalDate): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
