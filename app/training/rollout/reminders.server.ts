import { prisma } from "~/db.server";
import type { Mailer } from "~/mail/mailer.server";
import { log } from "~/utils/log.server";
import type { Enrollment } from "./enrollments.server";
import { listEnrollments } from "./enrollments.server";
import type { ReminderSlot } from "./schedule";
import { currentReminder, reminderTime } from "./schedule";
import type { LocalDate } from "./time";
import { isoWeek, localDate, zonedInstant } from "./time";

// One reminder pass: work out which reminders and digests are due now, add each to the outbox
// once, then send what the outbox holds. The outbox's unique key (person, module, kind, slot) is
// what makes a pass idempotent: running it twice, or two at once, finds the rows already there
// and claims each row before sending, so nobody gets a message twice.

export type PassCounts = { queued: number; sent: number; failed: number };

type Person = { id: string; email: string; name: string; timeZone: string; teamId: string | null };

type OutboxRow = {
  userId: string;
  moduleSlug: string;
  kind: ReminderSlot["kind"] | "digest";
  slot: string;
  dueAt: Date;
  subject: string;
  body: string;
};

export async function runReminderPass({
  now = new Date(),
  mailer,
}: {
  now?: Date;
  mailer: Mailer;
}): Promise<PassCounts> {
  const enrollments = await listEnrollments(undefined, now);
  const people = await activePeople();
  const rows = [
    ...learnerReminders(enrollments, people, now),
    ...(await managerDigests(enrollments, people, now)),
  ];
  const queued = await queue(rows);
  const { sent, failed } = await sendPending(mailer, now);
  return { queued, sent, failed };
}

/** Active people by id: reminders go only to them, to the address on their record. */
async function activePeople(): Promise<Map<string, Person>> {
  const rows = await prisma.user.findMany({
    where: { active: true },
    select: { id: true, email: true, name: true, timeZone: true, teamId: true },
  });
  return new Map(rows.map((p) => [p.id, p]));
}

// --- What is due -------------------------------------------------------------------------------

/** Each unfinished module's latest reminder slot that has come (a late start gets one, not all). */
function learnerReminders(
  enrollments: Enrollment[],
  people: Map<string, Person>,
  now: Date,
): OutboxRow[] {
  const rows: OutboxRow[] = [];
  for (const enrollment of enrollments) {
    const person = people.get(enrollment.userId);
    if (!person || enrollment.status === "completed") continue;
    const slot = currentReminder(enrollment.dueDate, person.timeZone, now);
    if (!slot) continue;
    rows.push({
      userId: person.id,
      moduleSlug: enrollment.slug,
      kind: slot.kind,
      slot: slot.slot,
      dueAt: slot.at,
      ...reminderMessage(slot.kind, person, enrollment),
    });
  }
  return rows;
}

/**
 * One digest per manager and ISO week (of the manager's own calendar) while anyone in the teams
 * they lead is overdue. Not before 09:00 their time, so a pass just after midnight, when items
 * turn overdue, does not mail managers at night.
 */
async function managerDigests(
  enrollments: Enrollment[],
  people: Map<string, Person>,
  now: Date,
): Promise<OutboxRow[]> {
  const overdue = enrollments.filter((e) => e.status === "overdue");
  if (overdue.length === 0) return [];
  const teams = await prisma.team.findMany({
    where: { managerId: { not: null } },
    select: { id: true, managerId: true },
  });
  const teamsOf = new Map<string, Set<string>>();
  for (const team of teams) {
    const led = teamsOf.get(team.managerId!) ?? new Set<string>();
    led.add(team.id);
    teamsOf.set(team.managerId!, led);
  }

  const rows: OutboxRow[] = [];
  for (const [managerId, teamIds] of teamsOf) {
    const manager = people.get(managerId);
    if (!manager) continue; // a deactivated manager gets nothing
    // The manager's own modules reach them as their own reminders, not in their digest.
    const items = overdue.filter((e) => {
      const member = people.get(e.userId);
      return member && member.id !== managerId && member.teamId && teamIds.has(member.teamId);
    });
    if (items.length === 0) continue;
    const today = localDate(now, manager.timeZone);
    const sendFrom = zonedInstant(today, reminderTime, manager.timeZone);
    if (now < sendFrom) continue;
    rows.push({
      userId: manager.id,
      moduleSlug: "",
      kind: "digest",
      slot: isoWeek(today),
      dueAt: sendFrom,
      ...digestMessage(manager, items, people),
    });
  }
  return rows;
}

// --- Messages ----------------------------------------------------------------------------------

/** "Tuesday 31 March 2026": a due date is a calendar date, so no time zone applies to it. */
function longDate(date: LocalDate): string {
  const parts = Object.fromEntries(
    longDateFormat.formatToParts(new Date(`${date}T12:00:00Z`)).map((p) => [p.type, p.value]),
  );
  // Put together by hand: ICU versions differ on the comma after the weekday.
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}
const longDateFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

const firstName = (name: string) => name.split(/\s+/)[0] || name;

function reminderMessage(
  kind: ReminderSlot["kind"],
  person: Person,
  enrollment: Enrollment,
): { subject: string; body: string } {
  const title = `"${enrollment.title}"`;
  const due = longDate(enrollment.dueDate);
  const link = `/training/${enrollment.slug}`;
  const subject = {
    "due-soon": `Reminder: ${title} is due on ${due}`,
    overdue: `Overdue: ${title} was due on ${due}`,
    "overdue-weekly": `Still overdue: ${title} was due on ${due}`,
  }[kind];
  const opening = {
    "due-soon": `A quick reminder that the training module ${title} is due on ${due}.`,
    overdue: `The training module ${title} was due on ${due}, and it is not finished yet.`,
    "overdue-weekly": `The training module ${title} is still not finished; it was due on ${due}.`,
  }[kind];
  const body = [
    `Hello ${firstName(person.name)},`,
    "",
    opening,
    `It takes about ${enrollment.minutes} minutes, and you can pick up where you left off:`,
    link,
    "",
    "Thank you,",
    "Frontline",
  ].join("\n");
  return { subject, body };
}

function digestMessage(
  manager: Person,
  items: Enrollment[],
  people: Map<string, Person>,
): { subject: string; body: string } {
  const lines = items
    .map((e) => ({ name: people.get(e.userId)!.name, title: e.title, dueDate: e.dueDate }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.dueDate.localeCompare(b.dueDate))
    .map((i) => `- ${i.name}: "${i.title}", due ${longDate(i.dueDate)}`);
  const count = `${items.length} overdue training item${items.length === 1 ? "" : "s"}`;
  const body = [
    `Hello ${firstName(manager.name)},`,
    "",
    `Your team has ${count}:`,
    "",
    ...lines,
    "",
    "Each person also receives their own reminders. See where everyone stands:",
    "/team",
    "",
    "Frontline",
  ].join("\n");
  return { subject: `Weekly digest: ${count} in your team`, body };
}

// --- The outbox --------------------------------------------------------------------------------

const keyOf = (r: { userId: string; moduleSlug: string; kind: string; slot: string }) =>
  `${r.userId}\0${r.moduleSlug}\0${r.kind}\0${r.slot}`;

/** Add the rows not yet in the outbox; returns how many this pass added. */
async function queue(rows: OutboxRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // Most candidates were queued by an earlier pass: read them once rather than fail an insert each.
  const existing = await prisma.reminderOutbox.findMany({
    where: {
      userId: { in: [...new Set(rows.map((r) => r.userId))] },
      slot: { in: [...new Set(rows.map((r) => r.slot))] },
    },
    select: { userId: true, moduleSlug: true, kind: true, slot: true },
  });
  const seen = new Set(existing.map(keyOf));
  let added = 0;
  for (const row of rows) {
    if (seen.has(keyOf(row))) continue;
    if (await insertOnce(row)) added += 1;
  }
  return added;
}

/** Insert one row; a unique-key clash means a concurrent pass queued it first, which is fine. */
async function insertOnce(row: OutboxRow): Promise<boolean> {
  try {
    await prisma.reminderOutbox.create({ data: row, select: { id: true } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/**
 * Send every row nobody has claimed yet. A row is claimed with a conditional update before it is
 * sent, so of two passes at once exactly one sends it. A failed send keeps its claim and records
 * the error: the message may have left anyway, so it is not retried automatically. Times are the
 * pass's `now`, so a pass run for a given moment (as the tests do) books it consistently.
 */
async function sendPending(mailer: Mailer, now: Date): Promise<{ sent: number; failed: number }> {
  const pending = await prisma.reminderOutbox.findMany({
    // Someone deactivated after their row was queued gets nothing; the row just stays.
    where: { sentAt: null, claimedAt: null, user: { active: true } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      userId: true,
      subject: true,
      body: true,
      user: { select: { email: true } },
    },
  });
  let sent = 0;
  let failed = 0;
  // One at a time: an SMTP server is happier with that, and a pass has minutes to spare.
  for (const row of pending) {
    const claim = await prisma.reminderOutbox.updateMany({
      where: { id: row.id, claimedAt: null },
      data: { claimedAt: now },
    });
    if (claim.count !== 1) continue;
    try {
      await mailer.send({ to: row.user.email, subject: row.subject, text: row.body });
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      await prisma.reminderOutbox.update({
        where: { id: row.id },
        data: { error: message },
        select: { id: true },
      });
      log.error("reminder.send_failed", {
        id: row.id,
        kind: row.kind,
        userId: row.userId,
        error: message,
      });
      continue;
    }
    await prisma.reminderOutbox.update({
      where: { id: row.id },
      data: { sentAt: now },
      select: { id: true },
    });
    sent += 1;
  }
  return { sent, failed };
}
