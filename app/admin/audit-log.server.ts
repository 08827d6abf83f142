import { z } from "zod";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { addDays, zonedInstant, type LocalDate } from "~/training/rollout/time";
import type { CsvSeparator } from "~/team/csv";
import { csvBom, csvRow } from "~/team/csv";
import { auditActions } from "~/audit/actions";

// Reading the audit log: /admin/audit's filters, its pages and its CSV file.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "forms:invalid")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "forms:invalid");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const AuditFilterSchema = z.object({
  actor: optional(z.string().trim().max(200)),
  action: optional(z.enum(auditActions)),
  target: optional(z.string().trim().max(200)),
  from: optional(day),
  to: optional(day),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
export type AuditFilters = z.infer<typeof AuditFilterSchema>;

export const pageSize = 50;

/** The filters from a URL's query, or the fields that are wrong (a 400 page says which). */
export function parseAuditFilters(params: URLSearchParams) {
  const raw = Object.fromEntries(
    ["actor", "action", "target", "from", "to", "page"].map((k) => [k, params.get(k)]),
  );
  return AuditFilterSchema.safeParse(raw);
}

/** Dates are the admin's own calendar days: "to" includes the whole of that day. */
function where(filters: AuditFilters, timeZone: string): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = zonedInstant(filters.from as LocalDate, "00:00", timeZone);
  if (filters.to) at.lt = zonedInstant(addDays(filters.to as LocalDate, 1), "00:00", timeZone);
  return {
    ...(filters.actor ? { actorLabel: { contains: filters.actor } } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.target ? { targetLabel: { contains: filters.target } } : {}),
    ...(filters.from || filters.to ? { at } : {}),
  };
}

const columns = {
  id: true,
  at: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetLabel: true,
  summary: true,
  clientAddress: true,
} as const;

/** One page of events, newest first, with the total that matches. */
export async function auditPage(filters: AuditFilters, timeZone: string) {
  const page = filters.page ?? 1;
  const filter = where(filters, timeZone);
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where: filter }),
    prisma.auditEvent.findMany({
      where: filter,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: columns,
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

/**
 * The matching events as CSV, newest first, read in batches as the response is sent (a long log
 * never sits whole in memory). Times are ISO 8601 in UTC, for auditors' tools.
 */
export function auditCsv(
  filters: AuditFilters,
  timeZone: string,
  header: string[],
  separator: CsvSeparator = ",",
) {
  const filter = where(filters, timeZone);
  const encoder = new TextEncoder();
  let cursor: { at: Date; id: string } | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvBom + csvRow(header, separator)));
    },
    async pull(controller) {
      const batch = await prisma.auditEvent.findMany({
        where: cursor
          ? {
              AND: [
                filter,
                {
                  OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }],
                },
              ],
            }
          : filter,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: 500,
        select: columns,
      });
      if (!batch.length) {
        controller.close();
        return;
      }
      const last = batch.at(-1)!;
      cursor = { at: last.at, id: last.id };
      controller.enqueue(
        encoder.encode(
          batch
            .map((e) =>
              csvRow(
                [
                  e.at.toISOString(),
                  e.actorLabel,
                  e.action,
                  e.targetType,
                  e.targetLabel,
                  e.summary,
                  e.clientAddress,
                ],
                separator,
              ),
            )
            .join(""),
        ),
      );
    },
  });
}
