import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";

/** The teams a user may oversee: their own managed teams, or every team for an admin. */
export function teamsVisibleTo(user: SessionUser) {
  return prisma.team.findMany({
    where: user.role === "admin" ? {} : { managerId: user.id },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      manager: { select: { name: true } },
      members: {
        where: { id: { not: user.id } },
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, role: true, active: true },
      },
    },
  });
}
