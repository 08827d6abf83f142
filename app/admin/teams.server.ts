import { audit, type Actor, type AuditTarget } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";

// Teams managed in place by an admin: created, renamed, given managers, archived. A team is never
// deleted (its self-assessments and past members' records point to it); archiving takes it out of
// every picker once nobody active is in it. Each change is one audit event, written with it.

/** `message` is a message key (admin:errors.*), put into words where it is shown. */
export type TeamResult = { ok: true } | { ok: false; field: string; message: string };

const teamTarget = (team: { id: string; name: string }): AuditTarget => ({
  type: "team",
  id: team.id,
  label: team.name,
});

/** A slug from a team's name: lower-case ASCII letters and digits, accents dropped. */
export function teamSlug(name: string) {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "team"
  );
}

/** A slug no other team has: the name's, or the name's with a number after it. */
async function freeSlug(name: string, except?: string) {
  const base = teamSlug(name);
  const taken = new Set(
    (
      await prisma.team.findMany({
        where: { slug: { startsWith: base }, ...(except ? { id: { not: except } } : {}) },
        select: { slug: true },
      })
    ).map((t) => t.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Whether another team already has this name (names are unique, ignoring case). */
async function nameTaken(name: string, except?: string) {
  const teams = await prisma.team.findMany({
    where: except ? { id: { not: except } } : {},
    select: { name: true },
  });
  return teams.some((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
}

/** The managers field's check: each an active person whose role is manager (or admin). */
async function managersProblem(managerIds: string[]) {
  if (managerIds.length === 0) return null;
  const managers = await prisma.user.findMany({
    where: { id: { in: managerIds } },
    select: { role: true, active: true },
  });
  if (managers.length !== managerIds.length || managers.some((m) => !m.active))
    return "admin:errors.noSuchUser";
  return managers.every((m) => m.role === "manager" || m.role === "admin")
    ? null
    : "admin:errors.notAManager";
}

/** The managers' names for an audit line, in alphabetical order; "none" for none. */
async function managerNames(managerIds: string[]) {
  if (managerIds.length === 0) return "none";
  const people = await prisma.user.findMany({
    where: { id: { in: managerIds } },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return people.map((p) => p.name).join(", ") || "none";
}

export type TeamInput = { name: string; managerIds: string[] };

export async function createTeam(actor: Actor, input: TeamInput): Promise<TeamResult> {
  const managerIds = [...new Set(input.managerIds)];
  if (await nameTaken(input.name))
    return { ok: false, field: "name", message: "admin:errors.teamNameTaken" };
  const problem = await managersProblem(managerIds);
  if (problem) return { ok: false, field: "managerIds", message: problem };
  const slug = await freeSlug(input.name);
  const managers = await managerNames(managerIds);
  const team = await prisma.$transaction(async (tx) => {
    const created = await tx.team.create({
      data: {
        name: input.name,
        slug,
        managers: { create: managerIds.map((userId) => ({ userId })) },
      },
      select: { id: true, name: true },
    });
    await audit(tx, actor, "team.add", teamTarget(created), `managers: ${managers}`);
    return created;
  });
  log.info("team.created", { actorId: actor.id, teamId: team.id });
  return { ok: true };
}

export async function updateTeam(
  actor: Actor,
  input: TeamInput & { teamId: string },
): Promise<TeamResult> {
  const managerIds = [...new Set(input.managerIds)];
  const team = await prisma.team.findUnique({
    where: { id: input.teamId },
    select: { id: true, name: true, archivedAt: true, managers: { select: { userId: true } } },
  });
  if (!team) return { ok: false, field: "teamId", message: "admin:errors.unknownTeam" };
  if (await nameTaken(input.name, team.id))
    return { ok: false, field: "name", message: "admin:errors.teamNameTaken" };
  const problem = await managersProblem(managerIds);
  if (problem) return { ok: false, field: "managerIds", message: problem };
  const before = team.managers.map((m) => m.userId);
  const managersChanged =
    before.length !== managerIds.length || before.some((id) => !managerIds.includes(id));
  const changes = [
    ...(team.name !== input.name ? [`name: ${team.name} → ${input.name}`] : []),
    ...(managersChanged
      ? [`managers: ${await managerNames(before)} → ${await managerNames(managerIds)}`]
      : []),
  ];
  if (changes.length === 0) return { ok: true };
  const slug = team.name !== input.name ? await freeSlug(input.name, team.id) : undefined;
  await prisma.$transaction(async (tx) => {
    await tx.team.update({
      where: { id: team.id },
      data: { name: input.name, ...(slug ? { slug } : {}) },
      select: { id: true },
    });
    if (managersChanged) {
      await tx.teamManager.deleteMany({
        where: { teamId: team.id, userId: { notIn: managerIds } },
      });
      for (const userId of managerIds.filter((id) => !before.includes(id)))
        await tx.teamManager.create({
          data: { teamId: team.id, userId },
          select: { userId: true },
        });
    }
    await audit(tx, actor, "team.update", teamTarget(team), changes.join("; "));
  });
  // The managers' views follow at once: access is read from the team on every request.
  return { ok: true };
}

/** Archive a team nobody active is in any more, or bring an archived one back. */
export async function setTeamArchived(
  actor: Actor,
  teamId: string,
  archived: boolean,
): Promise<TeamResult> {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    select: { id: true, name: true, archivedAt: true },
  });
  if (!team) return { ok: false, field: "teamId", message: "admin:errors.unknownTeam" };
  if (archived) {
    const members = await prisma.user.count({ where: { teamId, active: true } });
    if (members > 0) return { ok: false, field: "teamId", message: "admin:errors.teamHasPeople" };
  }
  const changed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.team.updateMany({
      where: { id: teamId, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (count !== 1) return false;
    await audit(
      tx,
      actor,
      archived ? "team.archive" : "team.restore",
      teamTarget(team),
      archived ? "active → archived" : "archived → active",
    );
    return true;
  });
  if (changed) log.info(archived ? "team.archived" : "team.restored", { teamId });
  return { ok: true };
}
