import { data } from "@remix-run/node";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { isLookupKey } from "~/db/lookup-key";
import { log } from "~/utils/log.server";

// What a manager may see: the people of the teams they manage (an admin: everyone). Anything
// outside is answered with 404, as if it did not exist, so ids cannot be probed.

/** Ids of the teams this user oversees. */
export async function visibleTeamIds(user: SessionUser): Promise<string[]> {
  const teams = await prisma.team.findMany({
    where: user.role === "admin" ? {} : { managers: { some: { userId: user.id } } },
    select: { id: true },
  });
  return teams.map((t) => t.id);
}

/** The employee if they are in one of the user's teams; otherwise a thrown 404 (and a log line). */
export async function requireTeamMember(user: SessionUser, employeeId: string) {
  const teamIds = await visibleTeamIds(user);
  const employee = !isLookupKey(employeeId)
    ? null
    : await prisma.user.findFirst({
        where: { id: employeeId, teamId: { in: teamIds } },
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          teamId: true,
          active: true,
          timeZone: true,
          team: { select: { name: true } },
        },
      });
  if (!employee) {
    log.warn("authz.not_in_team", { userId: user.id, employeeId });
    throw data({ message: "team:errors.noSuchPerson" }, { status: 404 });
  }
  return employee;
}

/** The team if the user oversees it; otherwise a thrown 404. */
export async function requireVisibleTeam(user: SessionUser, teamId: string) {
  if (!(await visibleTeamIds(user)).includes(teamId)) {
    log.warn("authz.not_your_team", { userId: user.id, teamId });
    throw data({ message: "team:errors.noSuchTeam" }, { status: 404 });
  }
  return prisma.team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, name: true } });
}
