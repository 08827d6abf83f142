import { audit, personTarget, type Actor } from "~/audit/audit.server";
import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { createOnce } from "~/db/form-keys.server";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import { createInvitation } from "./invitations.server";
import { searchKeyOf } from "~/utils/search-key";

export type NewPerson = {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  hiredAt: Date | null;
  timeZone: string;
  locale: string;
  /** A first password the admin chose; null sends an invitation to choose one instead. */
  password: string | null;
  formKey: string;
};

/**
 * Add a person, with a first password or an invitation to choose their own (the token comes back
 * for the e-mail and for the admin to copy; a repeated form gets none). Their assignments follow
 * from role and team at once: enrollments are derived, so nothing else needs writing.
 */
export async function addPerson(actor: Actor, input: NewPerson) {
  const hash = input.password === null ? null : await hashPassword(input.password);
  const team = input.teamId
    ? await prisma.team.findUnique({ where: { id: input.teamId }, select: { name: true } })
    : null;
  let invitation: { token: string; expiresAt: Date } | null = null;
  const user = await createOnce(
    { userId: actor.id!, key: input.formKey, kind: "person" },
    async (tx) => {
      const row = await tx.user.create({
        data: {
          name: input.name,
          searchKey: searchKeyOf(input.name),
          email: input.email,
          role: input.role,
          teamId: input.teamId,
          hiredAt: input.hiredAt,
          timeZone: input.timeZone,
          locale: input.locale,
          ...(hash ? { password: { create: { hash } } } : {}),
        },
        select: { id: true },
      });
      invitation = hash ? null : await createInvitation(tx, row.id, actor.id);
      await audit(
        tx,
        actor,
        "person.add",
        personTarget({ id: row.id, name: input.name, email: input.email }),
        `role: ${input.role}; team: ${team?.name ?? "none"}; language: ${input.locale}; ${hash ? "first password set by admin" : "invited to choose a password"}`,
      );
      return row;
    },
  );
  if (!user.repeated)
    log.info("user.created", { actorId: actor.id, userId: user.id, role: input.role });
  return { id: user.id, invitation: user.repeated ? null : invitation };
}

export async function emailTaken(email: string) {
  return (await prisma.user.count({ where: { email } })) > 0;
}

/** A team people can be put in or assigned through: one that exists and is not archived. */
export async function teamExists(teamId: string) {
  return (await prisma.team.count({ where: { id: teamId, archivedAt: null } })) > 0;
}
