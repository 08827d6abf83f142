import { audit, personTarget, type Actor } from "~/audit/audit.server";
import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { createOnce } from "~/db/form-keys.server";
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
  formKey: string;
};

/**
 * Add a person with their first password. Their assignments follow from role and team at once:
 * enrollments are derived, so nothing else needs writing.
 */
export async function addPerson(actor: Actor, input: NewPerson) {
  const hash = await hashPassword(input.password);
  const team = input.teamId
    ? await prisma.team.findUnique({ where: { id: input.teamId }, select: { name: true } })
    : null;
  const user = await createOnce(
    { userId: actor.id!, key: input.formKey, kind: "person" },
    async (tx) => {
      const row = await tx.user.create({
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
      await audit(
        tx,
        actor,
        "person.add",
        personTarget({ id: row.id, name: input.name, email: input.email }),
        `role: ${input.role}; team: ${team?.name ?? "none"}; language: ${input.locale}`,
      );
      return row;
    },
  );
  if (!user.repeated)
    log.info("user.created", { actorId: actor.id, userId: user.id, role: input.role });
  return user.id;
}

export async function emailTaken(email: string) {
  return (await prisma.user.count({ where: { email } })) > 0;
}

export async function teamExists(teamId: string) {
  return (await prisma.team.count({ where: { id: teamId } })) > 0;
}
