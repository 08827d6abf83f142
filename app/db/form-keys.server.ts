import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { prisma } from "~/db.server";

// Creates that happen once per form: a double click, a resend after a lost answer or twenty
// copies of one request at once store one record. The key is remembered with the record's id in
// the same transaction as the record, so a repeat finds the first one's id; two at once both
// try, and the database's primary key lets one commit (the other rolls back whole, record
// included, and answers with the winner's id).

/** A fresh key for a create form, issued by the page's loader. */
export const newFormKey = () => randomUUID();

export type CreateWriter = Omit<Db, `$${string}`>;

type Once = { userId: string; key: string; kind: string };

const isKeyTaken = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * Runs `create` unless this person already submitted this key for this kind of record; either way
 * answers with the record's id, and whether this submission was a repeat.
 */
export async function createOnce(
  once: Once,
  create: (tx: CreateWriter) => Promise<{ id: string }>,
): Promise<{ id: string; repeated: boolean }> {
  const earlier = await recordFor(once);
  if (earlier) return { id: earlier, repeated: true };
  try {
    return await prisma.$transaction(async (tx) => {
      const { id } = await create(tx);
      await tx.formKey.create({
        data: { userId: once.userId, key: once.key, kind: once.kind, recordId: id },
        select: { key: true },
      });
      return { id, repeated: false };
    });
  } catch (error) {
    if (!isKeyTaken(error)) throw error;
    const winner = await recordFor(once);
    if (!winner) throw error;
    return { id: winner, repeated: true };
  }
}

/** The record this person's key created for this kind of form, if any. */
export async function recordFor({ userId, key, kind }: Once) {
  const row = await prisma.formKey.findUnique({
    where: { userId_kind_key: { userId, kind, key } },
    select: { recordId: true },
  });
  return row?.recordId ?? null;
}
