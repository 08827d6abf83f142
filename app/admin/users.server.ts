import { deactivateUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";

export function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      team: { select: { name: true } },
      _count: { select: { sessions: true } },
    },
  });
}

export function listTeams() {
  return prisma.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      manager: { select: { name: true } },
      _count: { select: { members: true } },
    },
  });
}

/** `message` is a message key (admin:errors.*), put into words where it is shown. */
export type SetActiveResult = { ok: true } | { ok: false; field: "userId"; message: string };

/** Deactivating ends every session of the user at once; reactivating lets them log in again. */
export async function setUserActive(
  actorId: string,
  userId: string,
  active: boolean,
): Promise<SetActiveResult> {
  if (userId === actorId) return { ok: false, field: "userId", message: "admin:errors.ownAccount" };
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!target) return { ok: false, field: "userId", message: "admin:errors.noSuchUser" };
  if (active) {
    await prisma.user.update({
      where: { id: userId },
      data: { active: true },
      select: { id: true },
    });
  } else {
    await deactivateUser(userId);
  }
  log.info(active ? "user.reactivated" : "user.deactivated", { actorId, userId });
  return { ok: true };
}
