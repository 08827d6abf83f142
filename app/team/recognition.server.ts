import { actorOf, audit, personTarget } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { createOnce } from "~/db/form-keys.server";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import { requireTeamMember, visibleTeamIds } from "./access.server";
import { channelName } from "./observation-schema";
import type { RecognitionInput } from "./recognition-schema";
import { badgeTitle } from "./recognition-schema";

// Recognition a manager gives to people in their teams, and the team wall where it shows.

const wallSize = 30;
// Observations offered for linking: recent enough to still be the reason for a thank-you.
const linkableDays = 120;
const linkableMax = 300;

/** Whether the observation is one of this employee's, and the employee one of the manager's. */
export async function observationLinkable(
  manager: SessionUser,
  employeeId: string,
  observationId: string,
) {
  const found = await prisma.observation.findFirst({
    where: {
      id: observationId,
      employeeId,
      employee: { teamId: { in: await visibleTeamIds(manager) } },
    },
    select: { id: true },
  });
  return Boolean(found);
}

/** Recognises someone in the manager's teams (404 for anyone else); the link is checked before. */
export async function recognise(
  manager: SessionUser,
  input: RecognitionInput,
  clientAddress: string | undefined,
) {
  const employee = await requireTeamMember(manager, input.employeeId);
  const row = await createOnce(
    { userId: manager.id, key: input.formKey, kind: "recognition" },
    async (tx) => {
      const created = await tx.recognition.create({
        data: {
          fromId: manager.id,
          toId: employee.id,
          reason: input.reason,
          points: input.points,
          badge: input.badge ?? null,
          observationId: input.observationId ?? null,
        },
        select: { id: true },
      });
      await audit(
        tx,
        actorOf(manager, clientAddress),
        "recognition.give",
        personTarget(employee),
        `${input.points} points${input.badge ? `, badge ${input.badge}` : ""}`,
      );
      return created;
    },
  );
  log.info(row.repeated ? "recognition.repeated" : "recognition.created", {
    managerId: manager.id,
    employeeId: employee.id,
    id: row.id,
  });
  return { id: row.id, employeeId: employee.id };
}

const recognitionSelect = {
  id: true,
  reason: true,
  points: true,
  badge: true,
  createdAt: true,
  observationId: true,
  from: { select: { name: true } },
  to: { select: { id: true, name: true, team: { select: { name: true } } } },
} as const;

type RecognitionRow = {
  id: string;
  reason: string;
  points: number;
  badge: string | null;
  createdAt: Date;
  observationId: string | null;
  from: { name: string };
  to: { id: string; name: string; team: { name: string } | null };
};

// The badge is the message key of its title; the instant an ISO string, put into words where shown.
function shape(r: RecognitionRow) {
  return {
    id: r.id,
    reason: r.reason,
    points: r.points,
    badge: badgeTitle(r.badge),
    at: r.createdAt.toISOString(),
    from: r.from.name,
    to: { id: r.to.id, name: r.to.name, team: r.to.team?.name ?? null },
    observationId: r.observationId,
  };
}

export type RecognitionView = ReturnType<typeof shape>;

/**
 * What one person has received, newest first, with the total of their points. (Dates are shown
 * in the viewer's own zone where they are rendered; the zone argument is no longer needed.)
 */
export async function recognitionsOf(employeeId: string, _viewerTimeZone?: string) {
  const rows = await prisma.recognition.findMany({
    where: { toId: employeeId },
    orderBy: { createdAt: "desc" },
    select: recognitionSelect,
  });
  return {
    items: rows.map(shape),
    totalPoints: rows.reduce((sum, r) => sum + r.points, 0),
  };
}

/** The latest recognitions for people in these teams. */
async function wall(teamIds: string[]) {
  if (!teamIds.length) return [];
  const rows = await prisma.recognition.findMany({
    where: { to: { teamId: { in: teamIds } } },
    orderBy: { createdAt: "desc" },
    take: wallSize,
    select: recognitionSelect,
  });
  return rows.map(shape);
}

/** A manager's wall: every team they oversee. */
export async function managerWall(manager: SessionUser) {
  return wall(await visibleTeamIds(manager));
}

/** An employee's wall: their own team's recognitions. */
export async function teamWallOf(userId: string, _viewerTimeZone?: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { teamId: true, team: { select: { name: true } } },
  });
  return {
    team: user.team?.name ?? null,
    items: user.teamId ? await wall([user.teamId]) : [],
  };
}

/**
 * Recent observations in the manager's teams, for the recognition form's optional link: when
 * (ISO), the channel's message key and the start of the notes, labelled where shown.
 */
export async function linkableObservations(manager: SessionUser) {
  const since = new Date(Date.now() - linkableDays * 24 * 60 * 60 * 1000);
  const rows = await prisma.observation.findMany({
    where: {
      employee: { teamId: { in: await visibleTeamIds(manager) } },
      observedAt: { gte: since },
    },
    orderBy: { observedAt: "desc" },
    take: linkableMax,
    select: { id: true, employeeId: true, observedAt: true, channel: true, notes: true },
  });
  return rows.map((o) => ({
    id: o.id,
    employeeId: o.employeeId,
    observedAt: o.observedAt.toISOString(),
    channel: channelName(o.channel),
    excerpt: o.notes ? `${o.notes.slice(0, 40)}${o.notes.length > 40 ? "…" : ""}` : "",
  }));
}
