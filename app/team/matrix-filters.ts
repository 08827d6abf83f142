import { z } from "zod";
import { errorKey } from "~/i18n/errors";
import type { Status } from "~/training/rollout/due";

// The /team matrix's filters live in the URL (a GET form), so a filtered view can be bookmarked,
// shared and exported as it is. One schema serves the page and the CSV export. Pure: the page's
// links are built from the same shape in the browser.

export const statusOrder: Status[] = [
  "overdue",
  "needs-retraining",
  "in-progress",
  "not-started",
  "completed",
];

export const sortKeys = ["name", "due", "status"] as const;
export type SortKey = (typeof sortKeys)[number];

export const pageSize = 50;

// The empty "All …" options of the form arrive as "": the same as leaving the filter out.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    schema.optional(),
  );

export const MatrixFiltersSchema = z.object({
  team: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "team:filters.errors.team")),
  module: optional(z.string().regex(/^[a-z0-9-]{1,100}$/, "team:filters.errors.module")),
  status: optional(
    z.enum(statusOrder as [Status, ...Status[]], { message: "team:filters.errors.status" }),
  ),
  q: optional(z.string().trim().max(100, "team:filters.errors.search")),
  sort: z.enum(sortKeys, { message: "team:filters.errors.sort" }).default("name"),
  dir: z.enum(["asc", "desc"], { message: "team:filters.errors.dir" }).default("asc"),
  page: z.coerce
    .number({ message: "team:filters.errors.pageNumber" })
    .int("team:filters.errors.pageWhole")
    .min(1, "team:filters.errors.pageMin")
    .max(100_000, "team:filters.errors.pageMax")
    .default(1),
});

export type MatrixFilters = z.infer<typeof MatrixFiltersSchema>;

export type ParsedFilters = { ok: true; filters: MatrixFilters } | { ok: false; message: string };

/** Message keys naming each filter in an error ("The page in the address is not valid: …"). */
const fieldLabels: Record<string, string> = {
  team: "team:filters.fields.team",
  module: "team:filters.fields.module",
  status: "team:filters.fields.status",
  q: "team:filters.fields.q",
  sort: "team:filters.fields.sort",
  dir: "team:filters.fields.dir",
  page: "team:filters.fields.page",
};

/**
 * The filters of a URL; repeated keys count once (the first), unknown keys are ignored. A bad
 * filter's message is a key whose text names the filter and the reason, both keys themselves
 * (the catalogue nests them with $t(…)).
 */
export function parseMatrixFilters(params: URLSearchParams): ParsedFilters {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in raw)) raw[key] = value;
  const result = MatrixFiltersSchema.safeParse(raw);
  if (result.success) return { ok: true, filters: result.data };
  const issue = result.error.issues[0]!;
  const field = fieldLabels[String(issue.path[0])] ?? "team:filters.fields.other";
  // Only the key of zod's own messages ("forms:tooLong|{…}"): a reason is nested as a plain key.
  const reason = issue.message.split("|")[0]!;
  return { ok: false, message: errorKey("team:filters.invalid", { field, reason }) };
}

/** The query string for these filters with some changed; defaults are left out to keep URLs short. */
export function matrixSearch(filters: MatrixFilters, change: Partial<MatrixFilters> = {}): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (next.team) params.set("team", next.team);
  if (next.module) params.set("module", next.module);
  if (next.status) params.set("status", next.status);
  if (next.q) params.set("q", next.q);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page !== 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
