import { actorOf, audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import type { Standard } from "~/content/standards.server";
import { readStandards, standardsIn } from "~/content/standards.server";
import { contentDir } from "~/content/store.server";
import { createOnce } from "~/db/form-keys.server";
import { prisma } from "~/db.server";
import { defaultLocale, isLocale, type Locale } from "~/i18n/config";
import { log } from "~/utils/log.server";
import { requireTeamMember } from "./access.server";
import type { ObservationInput } from "./observation-schema";
import { channelName, parseRatings } from "./observation-schema";
import { trendByStandard } from "./trend";

// Observations a manager makes of the people in their teams, and the observed person's
// acknowledgement. Who may do what is decided here, not only in the routes.

/**
 * The service standards from content/ (empty when the file is broken; content:check says why),
 * in `locale`'s words where content/standards.<locale>.yaml translates them. Ids are the
 * source's in every language.
 */
export function observationStandards(locale: Locale = defaultLocale): Standard[] {
  const source = readStandards(contentDir()).standards;
  if (locale === defaultLocale || !source.length) return source;
  const translated = new Map(standardsIn(contentDir(), locale).map((s) => [s.id, s]));
  return source.map((s) => translated.get(s.id) ?? s);
}

export async function timeZoneOf(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { timeZone: true },
  });
  return user.timeZone;
}

/** Records an observation of someone in the manager's teams (404 for anyone else). */
export async function createObservation(
  manager: SessionUser,
  input: ObservationInput,
  standards: Standard[],
  clientAddress: string | undefined,
) {
  const employee = await requireTeamMember(manager, input.employeeId);
  const ratings = Object.fromEntries(
    standards.map((s) => {
      const choice = input.ratings[s.id];
      return [s.id, choice === undefined || choice === "na" ? null : Number(choice)];
    }),
  );
  const rated = Object.values(ratings).filter((r) => r !== null);
  const row = await createOnce(
    { userId: manager.id, key: input.formKey, kind: "observation" },
    async (tx) => {
      const created = await tx.observation.create({
        data: {
          managerId: manager.id,
          employeeId: employee.id,
          observedAt: input.observedAt,
          channel: input.channel,
          ratings: JSON.stringify(ratings),
          notes: input.notes,
        },
        select: { id: true },
      });
      await audit(
        tx,
        actorOf(manager, clientAddress),
        "observation.add",
        { type: "observation", id: created.id, label: `of ${employee.name} <${employee.email}>` },
        `${input.channel}, ${input.observedAt.toISOString()}; ${rated.length} of ${standards.length} standards rated`,
      );
      return created;
    },
  );
  log.info(row.repeated ? "observation.repeated" : "observation.created", {
    managerId: manager.id,
    employeeId: employee.id,
    id: row.id,
  });
  return { id: row.id, employeeId: employee.id };
}

const observationSelect = {
  id: true,
  observedAt: true,
  channel: true,
  ratings: true,
  notes: true,
  acknowledgedAt: true,
  employeeComment: true,
  manager: { select: { name: true } },
} as const;

/**
 * One person's observations, newest first. Instants are ISO strings, put into words where they
 * are shown (in the viewer's language and time zone); the channel is a message key. Standards
 * are titled in `locale`, by default the observed person's own (they see them on /me).
 */
export async function observationsOf(
  employeeId: string,
  _viewerTimeZone?: string,
  locale?: Locale,
) {
  const standards = observationStandards(locale ?? (await localeOf(employeeId)));
  const rows = await prisma.observation.findMany({
    where: { employeeId },
    orderBy: { observedAt: "desc" },
    select: observationSelect,
  });
  const titles = new Map(standards.map((s) => [s.id, s.title]));
  return rows.map((o) => {
    const ratings = parseRatings(o.ratings);
    // Standards first in content order, then any since removed from content/, by id.
    const ids = [
      ...standards.map((s) => s.id).filter((id) => id in ratings),
      ...Object.keys(ratings).filter((id) => !titles.has(id)),
    ];
    return {
      id: o.id,
      observedAt: o.observedAt.toISOString(),
      /** The same instant: what the card shows, formatted where it is shown. */
      observedOn: o.observedAt.toISOString(),
      channel: channelName(o.channel),
      by: o.manager.name,
      notes: o.notes,
      ratings,
      rated: ids.map((id) => ({ id, title: titles.get(id) ?? id, rating: ratings[id] ?? null })),
      acknowledgedOn: o.acknowledgedAt ? o.acknowledgedAt.toISOString() : null,
      comment: o.employeeComment,
    };
  });
}

/** A person's language, for what they read of their own record. */
async function localeOf(userId: string): Promise<Locale> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return isLocale(user?.locale) ? user.locale : defaultLocale;
}

export type ObservationView = Awaited<ReturnType<typeof observationsOf>>[number];

/** Per standard, the ratings over time (oldest first) from already loaded observations. */
export function trendOf(observations: ObservationView[], locale: Locale = defaultLocale) {
  return trendByStandard(observations, observationStandards(locale));
}

export type AcknowledgeOutcome = { ok: true } | { ok: false; reason: "not-found" | "already" };

/**
 * The observed person confirms they have seen an observation, once. The conditional update makes
 * a double submit (or a race) land exactly once; someone else's observation reads as not found.
 */
export async function acknowledgeObservation(
  employee: { id: string; name: string; email: string },
  observationId: string,
  comment: string | undefined,
  clientAddress: string | undefined,
  now = new Date(),
): Promise<AcknowledgeOutcome> {
  const employeeId = employee.id;
  const count = await prisma.$transaction(async (tx) => {
    const { count } = await tx.observation.updateMany({
      where: { id: observationId, employeeId, acknowledgedAt: null },
      data: { acknowledgedAt: now, employeeComment: comment || null },
    });
    if (count === 1)
      await audit(
        tx,
        actorOf(employee, clientAddress),
        "observation.acknowledge",
        {
          type: "observation",
          id: observationId,
          label: `of ${employee.name} <${employee.email}>`,
        },
        comment ? "acknowledged, with a comment" : "acknowledged",
      );
    return count;
  });
  if (count === 1) {
    log.info("observation.acknowledged", { employeeId, id: observationId });
    return { ok: true };
  }
  const mine = await prisma.observation.findFirst({
    where: { id: observationId, employeeId },
    select: { id: true },
  });
  if (!mine) log.warn("authz.not_your_observation", { userId: employeeId, observationId });
  return { ok: false, reason: mine ? "already" : "not-found" };
}

/** "YYYY-MM-DDTHH:mm" for a datetime-local input showing this instant in the given zone. */
export function wallClockValue(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The active people (not the manager) of the teams the user oversees, for a form's select. */
export async function selectablePeople(user: SessionUser) {
  const teams = await prisma.team.findMany({
    where: user.role === "admin" ? {} : { managers: { some: { userId: user.id } } },
    orderBy: { name: "asc" },
    select: {
      name: true,
      members: {
        where: { id: { not: user.id }, active: true },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      },
    },
  });
  return teams.filter((t) => t.members.length);
}

/** How many observations of this person they have not yet acknowledged. */
export const observationsToAcknowledge = (employeeId: string) =>
  prisma.observation.count({ where: { employeeId, acknowledgedAt: null } });
