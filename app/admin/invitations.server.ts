import { createHash, randomBytes } from "node:crypto";
import { actorOf, audit, personTarget, type Actor } from "~/audit/audit.server";
import { hashPassword } from "~/auth/password.server";
import type { Db } from "~/db.server";
import { prisma } from "~/db.server";
import { appOrigin } from "~/env.server";
import { defaultLocale, isLocale } from "~/i18n/config";
import { formatters } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n.server";
import type { Mailer } from "~/mail/mailer.server";
import { localDate } from "~/training/rollout/time";
import { log } from "~/utils/log.server";

// Invitations: instead of an admin typing someone's first password, the person gets a one-time
// link and chooses their own. The token (256 random bits) is in the link only; the database keeps
// its SHA-256, so a copy of the database opens no account. A link works once, for 7 days, and
// sending a new one revokes the ones before it.

export const invitationDays = 7;

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The link for a token, as the e-mail and the admin's page show it. */
export const invitationLink = (token: string) => `${appOrigin()}/invite/${token}`;

type Person = { id: string; name: string; email: string };

/**
 * Create a person's invitation inside the caller's transaction, revoking any earlier one; returns
 * the token (to mail, and to show the admin once). The caller writes the audit event.
 */
export async function createInvitation(
  tx: Pick<Db, "invitation">,
  userId: string,
  createdById: string | null,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000);
  await tx.invitation.updateMany({
    where: { userId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  await tx.invitation.create({
    data: { userId, tokenHash: hashToken(token), createdById, createdAt: now, expiresAt },
    select: { id: true },
  });
  return { token, expiresAt };
}

/** The invitation e-mail's subject and text, in the person's language. */
export function invitationMessage(
  person: Person & { locale: string; timeZone: string },
  invitedBy: string,
  invitation: { token: string; expiresAt: Date },
) {
  const locale = isLocale(person.locale) ? person.locale : defaultLocale;
  const t = fixedT(locale, "email");
  const until = formatters(locale, person.timeZone).day(
    localDate(invitation.expiresAt, person.timeZone),
  );
  const text = [
    t("greeting", { name: person.name.split(/\s+/)[0] || person.name }),
    "",
    t("invitation.intro", { name: invitedBy }),
    t("invitation.choose", { date: until }),
    invitationLink(invitation.token),
    "",
    t("invitation.ignore"),
    "",
    "Frontline",
  ].join("\n");
  return { subject: t("invitation.subject"), text };
}

/** The invitation e-mail, in the person's language; false when the mailer failed. */
export async function mailInvitation(
  mailer: Mailer,
  person: Person & { locale: string; timeZone: string },
  invitedBy: string,
  invitation: { token: string; expiresAt: Date },
): Promise<boolean> {
  const { subject, text } = invitationMessage(person, invitedBy, invitation);
  try {
    await mailer.send({ to: person.email, subject, text });
    return true;
  } catch (error) {
    log.error("invitation.send_failed", {
      userId: person.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}

/**
 * A queued invitation (from an import), made when it is sent: the token exists only from here on,
 * in the message, and its hash in the database; earlier links are revoked; audited. Null for
 * someone who no longer needs one (they have a password or company sign-in, or were deactivated).
 */
export async function queuedInvitation(userId: string, invitedBy: string, now = new Date()) {
  const person = await prisma.user.findUnique({
    where: { id: userId },
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
  if (!person || !person.active || person.password || person._count.ssoLinks) return null;
  const invitation = await prisma.$transaction(async (tx) => {
    const made = await createInvitation(tx, person.id, null, now);
    await audit(
      tx,
      { id: null, label: "Frontline", clientAddress: null },
      "invitation.send",
      personTarget(person),
      `invitation queued by ${invitedBy}; earlier links revoked`,
    );
    return made;
  });
  return { to: person.email, ...invitationMessage(person, invitedBy, invitation) };
}

export type ResendResult =
  | {
      ok: true;
      token: string;
      expiresAt: Date;
      person: Person & { locale: string; timeZone: string };
    }
  | { ok: false; message: string };

/** A new link for someone who has not chosen a password yet; the old link stops working. */
export async function resendInvitation(
  actor: Actor & { id: string },
  userId: string,
  now = new Date(),
): Promise<ResendResult> {
  const person = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      timeZone: true,
      active: true,
      password: { select: { userId: true } },
    },
  });
  if (!person) return { ok: false, message: "admin:errors.noSuchUser" };
  if (!person.active) return { ok: false, message: "admin:errors.inviteInactive" };
  if (person.password) return { ok: false, message: "admin:errors.hasPassword" };
  const invitation = await prisma.$transaction(async (tx) => {
    const created = await createInvitation(tx, person.id, actor.id, now);
    await audit(
      tx,
      actor,
      "invitation.send",
      personTarget(person),
      "new link; earlier links revoked",
    );
    return created;
  });
  return { ok: true, ...invitation, person };
}

/** The person a token invites, while it is unused, unrevoked, unexpired and they are active. */
export async function openInvitation(token: string, now = new Date()) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, role: true, active: true } },
    },
  });
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= now || !row.user.active) return null;
  return { id: row.id, user: row.user };
}

export type OpenInvitation = NonNullable<Awaited<ReturnType<typeof openInvitation>>>;

/**
 * Use an invitation the caller has just opened (`openInvitation`): the person's password is set
 * and the link spent, both or neither (a second use, even at the same moment, finds it spent).
 * Returns the person, or null when the link no longer works. The password has been checked
 * against the policy by the caller.
 */
export async function acceptInvitation(
  open: OpenInvitation,
  password: string,
  clientAddress: string | undefined,
  now = new Date(),
) {
  const hash = await hashPassword(password);
  const accepted = await prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: open.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) return false;
    await tx.password.upsert({
      where: { userId: open.user.id },
      create: { userId: open.user.id, hash },
      update: { hash },
    });
    await audit(
      tx,
      actorOf(open.user, clientAddress),
      "invitation.accept",
      personTarget(open.user),
      "password chosen through the invitation link",
    );
    return true;
  });
  if (!accepted) return null;
  log.info("invitation.accepted", { userId: open.user.id });
  return open.user;
}
