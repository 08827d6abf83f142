import { audit, personTarget, type Actor } from "~/audit/audit.server";
import { forgetDemoHint } from "~/auth/login.server";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";

/** Who can be made a team's manager: active people whose role is manager or admin. */
export function listManagers() {
  return prisma.user.findMany({
    where: { active: true, role: { in: ["manager", "admin"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export function listTeams() {
  return prisma.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      managers: {
        orderBy: { user: { name: "asc" } },
        select: { userId: true, user: { select: { name: true } } },
      },
      _count: { select: { members: true } },
    },
  });
}

/** `message` is a message key (admin:errors.*), put into words where it is shown. */
export type SetActiveResult = { ok: true } | { ok: false; field: "userId"; message: string };

/** Deactivating ends every session of the user at once; reactivating lets them log in again. */
export async function setUserActive(
  actor: Actor,
  userId: string,
  active: boolean,
): Promise<SetActiveResult> {
  if (userId === actor.id)
    return { ok: false, field: "userId", message: "admin:errors.ownAccount" };
  const target = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true },
  });
  if (!target) return { ok: false, field: "userId", message: "admin:errors.noSuchUser" };
  // Only a real change is written (and audited): a second click changes nothing.
  const changed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, active: !active },
      data: { active },
    });
    if (count !== 1) return false;
    // Deactivating ends every session at once.
    const ended = active ? 0 : (await tx.session.deleteMany({ where: { userId } })).count;
    await audit(
      tx,
      actor,
      active ? "person.activate" : "person.deactivate",
      personTarget(target),
      active ? "inactive → active" : `active → inactive; ${ended} sessions ended`,
    );
    return true;
  });
  if (changed) {
    forgetDemoHint();
    log.info(active ? "user.reactivated" : "user.deactivated", { actorId: actor.id, userId });
  }
  return { ok: true };
}
