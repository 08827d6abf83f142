import type { Db } from "~/db.server";
import { auditActions, type AuditAction } from "./actions";

// The audit log: one AuditEvent per change made by a person (or by the system on their behalf),
// written in the same transaction as the change, so neither can exist without the other. The
// table is append-only (database triggers refuse UPDATE and DELETE). See README, "Audit log".

/** Who acted, from where. A null id is the system (provisioning from the identity provider). */
export type Actor = { id: string | null; label: string; clientAddress: string | null };

export { auditActions, type AuditAction };

export type AuditTarget = { type: string; id: string | null; label: string };

/** The actor for a signed-in person acting from a request. */
export function actorOf(
  user: { id: string; name: string; email: string },
  clientAddress: string | undefined | null,
): Actor {
  return {
    id: user.id,
    label: `${user.name} <${user.email}>`,
    clientAddress: clientAddress ?? null,
  };
}

/** The system, acting on what the identity provider said (label names the provider). */
export function systemActor(label: string, clientAddress: string | undefined | null): Actor {
  return { id: null, label, clientAddress: clientAddress ?? null };
}

/** A person as an audit target: their name and e-mail, as they were at the time. */
export const personTarget = (p: { id: string; name: string; email: string }): AuditTarget => ({
  type: "person",
  id: p.id,
  label: `${p.name} <${p.email}>`,
});

type Writer = Pick<Db, "auditEvent">;

/**
 * The write of one audit event, for a batch transaction (`prisma.$transaction([change, audit(...)])`)
 * or an interactive one (`await audit(tx, ...)`). `summary` says what changed, "before → after"
 * where there is a before; it is cut to 500 characters.
 */
export function audit(
  db: Writer,
  actor: Actor,
  action: AuditAction,
  target: AuditTarget,
  summary: string,
) {
  return db.auditEvent.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.label.slice(0, 300),
      action,
      targetType: target.type,
      targetId: target.id,
      targetLabel: target.label.slice(0, 300),
      summary: summary.slice(0, 500),
      clientAddress: actor.clientAddress?.slice(0, 100) ?? null,
    },
    select: { id: true },
  });
}
