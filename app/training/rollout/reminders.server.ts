import { actorOf, audit, personTarget } from "~/audit/audit.server";
import { getModuleArtefact } from "~/content/store.server";
import { inLanguage } from "~/content/translation";
import { prisma } from "~/db.server";
import { appOrigin } from "~/env.server";
import { defaultLocale, intlLocales, isLocale, type Locale } from "~/i18n/config";
import { formatters } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n.server";
import type { Mailer } from "~/mail/mailer.server";
import { queuedInvitation } from "~/admin/invitations.server";
import { log } from "~/utils/log.server";
import { UserInputError } from "../module-key";
import type { Enrollment } from "./enrollments.server";
import { listEnrollments } from "./enrollments.server";
import type { ReminderSlot } from "./schedule";
import { currentReminder, reminderTime } from "./schedule";
import type { LocalDate } from "./time";
import { isoWeek, localDate, zonedInstant } from "./time";

// One reminder pass: work out which reminders and digests are due now, add each to the outbox
// once, then send what the outbox holds. The outbox's unique key (person, module, kind, slot) is
// what makes a pass idempotent: running it twice, or two at once, finds the rows already there
// and claims each row before sending, so nobody gets a message twice. Each message is written in
// its recipient's language (their `locale`), with dates and module titles in that language.

export type PassCounts = { queued: number; sent: number; failed: number };

type Person = {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  teamId: string | null;
  locale: Locale;
};

/** A module's title in a language: its translation's when that is served, else the source's. */
type TitleIn = (enrollment: Enrollment, locale: Locale) => string;

type OutboxRow = {
  userId: string;
  moduleSlug: string;
  kind: ReminderSlot["kind"] | "digest" | "nudge";
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
  const titleIn = await moduleTitles(enrollments, people);
  const rows = [
    ...learnerReminders(enrollments, people, titleIn, now),
    ...(await managerDigests(enrollments, people, titleIn, now)),
  ];
  const queued = await queue(rows);
  const { sent, failed } = await sendPending(mailer, now);
  return { queued, sent, failed };
}

/** Active people by id: reminders go only to them, to the address on their record. */
async function activePeople(): Promise<Map<string, Person>> {
  return activePeopleIn();
}

async function activePeopleIn(ids?: string[]): Promise<Map<string, Person>> {
  const rows = await prisma.user.findMany({
    where: { active: true, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, email: true, name: true, timeZone: true, teamId: true, locale: true },
  });
  return new Map(
    rows.map((p) => [p.id, { ...p, locale: isLocale(p.locale) ? p.locale : defaultLocale }]),
  );
}

/** Every enrolled module's title in every language its readers here speak, read once per pass. */
async function moduleTitles(
  enrollments: Enrollment[],
  people: Map<string, Person>,
): Promise<TitleIn> {
  const languages = new Set([...people.values()].map((p) => p.locale));
  languages.delete("en");
  const titles = new Map<string, string>();
  if (languages.size > 0) {
    for (const slug of new Set(enrollments.map((e) => e.slug))) {
      const module = await getModuleArtefact(slug).catch(() => null);
      if (!module?.frontmatter) continue;
      for (const locale of languages) {
        const title = inLanguage(module, locale).frontmatter?.title;
        if (title) titles.set(`${slug}|${locale}`, title);
      }
    }
  }
  return (enrollment, locale) => titles.get(`${enrollment.slug}|${locale}`) ?? enrollment.title;
}

// --- What is due -------------------------------------------------------------------------------

/** Each unfinished module's latest reminder slot that has come (a late start gets one, not all). */
function learnerReminders(
  enrollments: Enrollment[],
  people: Map<string, Person>,
  titleIn: TitleIn,
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
      ...reminderMessage(slot.kind, person, enrollment, titleIn),
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
  titleIn: TitleIn,
  now: Date,
): Promise<OutboxRow[]> {
  const overdue = enrollments.filter((e) => e.status === "overdue");
  if (overdue.length === 0) return [];
  const teamsOf = new Map<string, Set<string>>();
  for (const { teamId, userId } of await prisma.teamManager.findMany({
    select: { teamId: true, userId: true },
  })) {
    const led = teamsOf.get(userId) ?? new Set<string>();
    led.add(teamId);
    teamsOf.set(userId, led);
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
      ...digestMessage(manager, items, people, titleIn),
    });
  }
  return rows;
}

// --- Messages ----------------------------------------------------------------------------------

const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * "Tuesday 31 March 2026", "torek, 31. marec 2026": a due date is a calendar date, so no time zone
 * shifts it; the catalogue puts weekday and date in its language's order.
 */
function longDate(date: LocalDate, person: Person): string {
  let weekdays = weekdayFormats.get(person.locale);
  if (!weekdays) {
    weekdays = new Intl.DateTimeFormat(intlLocales[person.locale], {
      weekday: "long",
      timeZone: "UTC",
    });
    weekdayFormats.set(person.locale, weekdays);
  }
  return fixedT(person.locale, "email")("dueDate", {
    weekday: weekdays.format(new Date(`${date}T12:00:00Z`)),
    date: formatters(person.locale, person.timeZone).day(date),
  });
}

const firstName = (name: string) => name.split(/\s+/)[0] || name;

const kindKeys = {
  "due-soon": "dueSoon",
  overdue: "overdue",
  "overdue-weekly": "overdueWeekly",
} as const satisfies Record<ReminderSlot["kind"], string>;

function reminderMessage(
  kind: ReminderSlot["kind"],
  person: Person,
  enrollment: Enrollment,
  titleIn: TitleIn,
): { subject: string; body: string } {
  const t = fixedT(person.locale, "email");
  const values = {
    title: titleIn(enrollment, person.locale),
    due: longDate(enrollment.dueDate, person),
  };
  const link = `${appOrigin()}/training/${enrollment.slug}`;
  const subject = t(`reminder.subject.${kindKeys[kind]}`, values);
  const body = [
    t("greeting", { name: firstName(person.name) }),
    "",
    t(`reminder.opening.${kindKeys[kind]}`, values),
    t("reminder.duration", { count: enrollment.minutes }),
    link,
    "",
    t("thanks"),
    "Frontline",
  ].join("\n");
  return { subject, body };
}

/** The weekly digest, in the manager's language; each line's date and title too. */
function digestMessage(
  manager: Person,
  items: Enrollment[],
  people: Map<string, Person>,
  titleIn: TitleIn,
): { subject: string; body: string } {
  const t = fixedT(manager.locale, "email");
  const lines = items
    .map((e) => ({
      name: people.get(e.userId)!.name,
      title: titleIn(e, manager.locale),
      dueDate: e.dueDate,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.dueDate.localeCompare(b.dueDate))
    .map((i) =>
      t("digest.line", { name: i.name, title: i.title, due: longDate(i.dueDate, manager) }),
    );
  const count = items.length;
  const body = [
    t("greeting", { name: firstName(manager.name) }),
    "",
    t("digest.intro", { count }),
    "",
    ...lines,
    "",
    t("digest.outro"),
    `${appOrigin()}/team`,
    "",
    "Frontline",
  ].join("\n");
  return { subject: t("digest.subject", { count }), body };
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

/**
 * Insert one row, returning its id; null on a unique-key clash, which means a concurrent pass
 * queued it first (that is fine).
 */
async function insertOnce(row: OutboxRow): Promise<string | null> {
  try {
    return (await prisma.reminderOutbox.create({ data: row, select: { id: true } })).id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/**
 * Send every row nobody has claimed yet. A row is claimed with a conditional update before it is
 * sent, so of two passes at once exactly one sends it. A failed send keeps its claim and records
 * the error: the message may have left anyway, so it is not retried automatically. Times are the
 * pass's `now`, so a pass run for a given moment (as the tests do) books it consistently.
 */
export async function sendPending(
  mailer: Mailer,
  now: Date,
  only?: string[],
): Promise<{ sent: number; failed: number }> {
  const pending = await prisma.reminderOutbox.findMany({
    // Someone deactivated after their row was queued gets nothing; the row just stays.
    where: {
      sentAt: null,
      claimedAt: null,
      user: { active: true },
      ...(only ? { id: { in: only } } : {}),
    },
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
      // An invitation (queued by an import) is written when sent: its link exists from now on
      // only. Its row's body holds the name of the admin who invited them.
      const message =
        row.kind === "invitation"
          ? await queuedInvitation(row.userId, row.body, now)
          : { to: row.user.email, subject: row.subject, text: row.body };
      if (message) await mailer.send(message);
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

// --- A manager's nudge -------------------------------------------------------------------------

/**
 * A manager's "Remind" for one of their people: one message listing each of their overdue
 * modules, queued in the outbox and sent at once. At most one a day per person (their own
 * calendar day): the outbox key (person, "", "nudge", date) makes a second press that day, by this
 * manager or another, change nothing. Written with its audit event, or not at all.
 */
export async function remindOverdue(
  manager: { id: string; name: string; email: string },
  employeeId: string,
  mailer: Mailer,
  clientAddress: string | undefined,
  now = new Date(),
): Promise<{ modules: number; sent: boolean }> {
  const person = (await activePeopleIn([employeeId])).get(employeeId);
  if (!person) throw new UserInputError("team:errors.remindInactive");
  const overdue = (await listEnrollments([employeeId], now)).filter((e) => e.status === "overdue");
  if (overdue.length === 0) throw new UserInputError("team:errors.nothingOverdue");
  const titleIn = await moduleTitles(overdue, new Map([[person.id, person]]));
  const row: OutboxRow = {
    userId: person.id,
    moduleSlug: "",
    kind: "nudge",
    slot: localDate(now, person.timeZone),
    dueAt: now,
    ...nudgeMessage(manager.name, person, overdue, titleIn),
  };
  let id: string;
  try {
    [{ id }] = await prisma.$transaction([
      prisma.reminderOutbox.create({ data: row, select: { id: true } }),
      audit(
        prisma,
        actorOf(manager, clientAddress),
        "reminders.nudge",
        personTarget(person),
        `${overdue.length} overdue: ${overdue.map((e) => e.slug).join(", ")}`,
      ),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new UserInputError("team:errors.remindedToday");
    throw error;
  }
  const { sent } = await sendPending(mailer, now, [id]);
  log.info("reminders.nudged", { by: manager.id, userId: person.id, modules: overdue.length });
  return { modules: overdue.length, sent: sent === 1 };
}

function nudgeMessage(
  managerName: string,
  person: Person,
  overdue: Enrollment[],
  titleIn: TitleIn,
): { subject: string; body: string } {
  const t = fixedT(person.locale, "email");
  const count = overdue.length;
  const lines = [...overdue]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .flatMap((e) => [
      t("nudge.line", { title: titleIn(e, person.locale), due: longDate(e.dueDate, person) }),
      `  ${appOrigin()}/training/${e.slug}`,
    ]);
  const body = [
    t("greeting", { name: firstName(person.name) }),
    "",
    t("nudge.intro", { count, manager: managerName }),
    "",
    ...lines,
    "",
    t("nudge.outro", { manager: firstName(managerName) }),
    "",
    t("thanks"),
    "Frontline",
  ].join("\n");
  return { subject: t("nudge.subject", { count, manager: managerName }), body };
}
