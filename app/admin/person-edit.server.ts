import { audit, personTarget, type Actor } from "~/audit/audit.server";
import { forgetDemoHint } from "~/auth/login.server";
import type { Role } from "~/auth/roles";
import { prisma } from "~/db.server";
import { mailerFromEnv, type Mailer } from "~/mail/mailer.server";
import { log } from "~/utils/log.server";
import { searchKeyOf } from "~/utils/search-key";
import { createInvitation, invitationLink, mailInvitation } from "./invitations.server";

// A person changed in place by an admin: name, e-mail, role, team, language, hire date, time zone.
// Their assignments follow at once (enrolments are derived from role and team on every read);
// their manager's views too (access is read per request). Someone who stops being a manager
// stops managing their teams. Each change is one audit event naming every field, old → new.

export type PersonEdit = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  locale: string;
  hiredAt: string | null;
  timeZone: string;
};

/** `message` is a message key (admin:errors.*); `field` the form field it belongs to. */
export type EditResult =
  { ok: true; changed: boolean } | { ok: false; field: keyof PersonEdit | "form"; message: string };

const ymd = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : "");
const managesTeams = (role: string) => role === "manager" || role === "admin";

export async function updatePerson(
  actor: Actor & { id: string },
  edit: PersonEdit,
): Promise<EditResult> {
  const person = await prisma.user.findUnique({
    where: { id: edit.userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      teamId: true,
      locale: true,
      hiredAt: true,
      timeZone: true,
      team: { select: { name: true } },
      managedTeams: { select: { team: { select: { name: true } } } },
    },
  });
  if (!person) return { ok: false, field: "userId", message: "admin:errors.noSuchUser" };
  // An admin who took away their own role would lock themselves out mid-sentence.
  if (person.id === actor.id && edit.role !== person.role)
    return { ok: false, field: "role", message: "admin:errors.ownRole" };
  if (
    edit.email !== person.email &&
    (await prisma.user.count({ where: { email: edit.email, id: { not: person.id } } })) > 0
  )
    return { ok: false, field: "email", message: "admin:errors.emailTaken" };
  let teamName: string | null = null;
  if (edit.teamId && edit.teamId !== person.teamId) {
    const team = await prisma.team.findFirst({
      where: { id: edit.teamId, archivedAt: null },
      select: { name: true },
    });
    if (!team) return { ok: false, field: "teamId", message: "admin:errors.unknownTeam" };
    teamName = team.name;
  }

  const changes: string[] = [];
  const note = (field: string, before: string, after: string) => {
    if (before !== after) changes.push(`${field}: ${before || "—"} → ${after || "—"}`);
  };
  note("name", person.name, edit.name);
  note("e-mail", person.email, edit.email);
  note("role", person.role, edit.role);
  if (edit.teamId !== person.teamId)
    changes.push(`team: ${person.team?.name ?? "none"} → ${teamName ?? "none"}`);
  note("language", person.locale, edit.locale);
  note("hire date", ymd(person.hiredAt), edit.hiredAt ?? "");
  note("time zone", person.timeZone, edit.timeZone);
  const stopsManaging = !managesTeams(edit.role) && person.managedTeams.length > 0;
  if (stopsManaging)
    changes.push(`no longer manages: ${person.managedTeams.map((m) => m.team.name).join(", ")}`);
  if (changes.length === 0) return { ok: true, changed: false };

  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: person.id },
      data: {
        name: edit.name,
        searchKey: searchKeyOf(edit.name),
        email: edit.email,
        role: edit.role,
        teamId: edit.teamId,
        locale: edit.locale,
        hiredAt: edit.hiredAt ? new Date(`${edit.hiredAt}T09:00:00Z`) : null,
        timeZone: edit.timeZone,
      },
      select: { id: true },
    });
    if (stopsManaging) await tx.teamManager.deleteMany({ where: { userId: person.id } });
    await audit(tx, actor, "person.update", personTarget(person), changes.join("; "));
  });
  // The login page's demo hint names people by e-mail and role.
  forgetDemoHint();
  log.info("user.updated", { actorId: actor.id, userId: person.id, fields: changes.length });
  return { ok: true, changed: true };
}

export type BulkResult =
  { ok: true; changed: number; skipped: number } | { ok: false; message: string };

/**
 * Move the chosen people to a team, all or none: an unknown or archived team refuses the whole
 * selection. People already in the team are left as they are (and counted as skipped).
 */
export async function movePeople(
  actor: Actor & { id: string },
  userIds: string[],
  teamId: string,
): Promise<BulkResult> {
  const team = await prisma.team.findFirst({
    where: { id: teamId, archivedAt: null },
    select: { id: true, name: true },
  });
  if (!team) return { ok: false, message: "admin:errors.unknownTeam" };
  const people = await prisma.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true, teamId: true, team: { select: { name: true } } },
  });
  if (people.length !== new Set(userIds).size)
    return { ok: false, message: "admin:errors.noSuchUser" };
  const moving = people.filter((p) => p.teamId !== team.id);
  await prisma.$transaction(async (tx) => {
    await tx.user.updateMany({
      where: { id: { in: moving.map((p) => p.id) } },
      data: { teamId: team.id },
    });
    for (const p of moving)
      await audit(
        tx,
        actor,
        "person.update",
        personTarget(p),
        `team: ${p.team?.name ?? "none"} → ${team.name}`,
      );
  });
  log.info("users.moved", { actorId: actor.id, teamId: team.id, moved: moving.length });
  return { ok: true, changed: moving.length, skipped: people.length - moving.length };
}

/**
 * Deactivate or reactivate the chosen people, all or none. The admin's own account refuses the
 * selection (it would sign them out); people already in that state are skipped. Deactivating ends
 * each one's sessions at once.
 */
export async function setPeopleActive(
  actor: Actor & { id: string },
  userIds: string[],
  active: boolean,
): Promise<BulkResult> {
  if (userIds.includes(actor.id)) return { ok: false, message: "admin:errors.ownAccount" };
  const people = await prisma.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true, active: true },
  });
  if (people.length !== new Set(userIds).size)
    return { ok: false, message: "admin:errors.noSuchUser" };
  const changing = people.filter((p) => p.active !== active);
  await prisma.$transaction(async (tx) => {
    const ids = changing.map((p) => p.id);
    await tx.user.updateMany({ where: { id: { in: ids } }, data: { active } });
    const ended = new Map<string, number>();
    if (!active)
      for (const row of await tx.session.groupBy({
        by: ["userId"],
        where: { userId: { in: ids } },
        _count: { _all: true },
      }))
        ended.set(row.userId, row._count._all);
    if (!active) await tx.session.deleteMany({ where: { userId: { in: ids } } });
    for (const p of changing)
      await audit(
        tx,
        actor,
        active ? "person.activate" : "person.deactivate",
        personTarget(p),
        active ? "inactive → active" : `active → inactive; ${ended.get(p.id) ?? 0} sessions ended`,
      );
  });
  if (changing.length) forgetDemoHint();
  log.info(active ? "users.reactivated" : "users.deactivated", {
    actorId: actor.id,
    count: changing.length,
  });
  return { ok: true, changed: changing.length, skipped: people.length - changing.length };
}

/**
 * A new invitation link for each chosen person still to choose a password (active, no password,
 * no company sign-in), each earlier link revoked; the others are skipped. Written all at once,
 * then mailed one by one.
 */
export async function reinvitePeople(
  actor: Actor & { id: string },
  userIds: string[],
  mailer: Mailer,
  invitedBy: string,
): Promise<BulkResult & { failed?: number }> {
  const people = await prisma.user.findMany({
    where: { id: { in: userIds } },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      timeZone: true,
      active: true,
      password: { select: { userId: true } },
      _count: { select: { ssoLinks: true } },
    },
  });
  if (people.length !== new Set(userIds).size)
    return { ok: false, message: "admin:errors.noSuchUser" };
  const inviting = people.filter((p) => p.active && !p.password && p._count.ssoLinks === 0);
  const invitations = await prisma.$transaction(async (tx) => {
    const made = [];
    for (const p of inviting) {
      made.push({ person: p, invitation: await createInvitation(tx, p.id, actor.id) });
      await audit(tx, actor, "invitation.send", personTarget(p), "new link; earlier links revoked");
    }
    return made;
  });
  let failed = 0;
  for (const { person, invitation } of invitations)
    if (!(await mailInvitation(mailer, person, invitedBy, invitation))) failed += 1;
  return { ok: true, changed: inviting.length, skipped: people.length - inviting.length, failed };
}

/**
 * Mail an invitation and say what the admin sees: the link, once, to pass on themselves when no
 * mail server is set up or the e-mail does not arrive.
 */
export async function sendInvitation(
  person: { id: string; name: string; email: string; locale: string; timeZone: string },
  invitedBy: string,
  invitation: { token: string; expiresAt: Date },
) {
  const sent = await mailInvitation(mailerFromEnv(), person, invitedBy, invitation);
  return {
    name: person.name,
    email: person.email,
    link: invitationLink(invitation.token),
    expiresOn: invitation.expiresAt.toISOString().slice(0, 10),
    sent,
  };
}
