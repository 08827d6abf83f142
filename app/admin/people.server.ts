import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";

export type NewPerson = {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  hiredAt: Date | null;
  timeZone: string;
  locale: string;
  password: string;
};

/**
 * Add a person with their first password. Their assignments follow from role and team at once:
 * enrollments are derived, so nothing else needs writing.
 */
export async function addPerson(actorId: string, input: NewPerson) {
  const hash = await hashPassword(input.password);
  const user = await prisma.user.create({
    data: {
      name: input.name,
      email: input.email,
      role: input.role,
      teamId: input.teamId,
      hiredAt: input.hiredAt,
      timeZone: input.timeZone,
      locale: input.locale,
      password: { create: { hash } },
    },
    select: { id: true },
  });
  log.info("user.created", { actorId, userId: user.id, role: input.role });
  return user.id;
}

export async function emailTaken(email: string) {
  return (await prisma.user.count({ where: { email } })) > 0;
}

export async function teamExists(teamId: string) {
  return (await prisma.team.count({ where: { id: teamId } })) > 0;
}
