import { z } from "zod";
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
  team: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That is not a team id.")),
  module: optional(z.string().regex(/^[a-z0-9-]{1,100}$/, "That is not a module name.")),
  status: optional(
    z.enum(statusOrder as [Status, ...Status[]], { message: "Choose a status from the list." }),
  ),
  q: optional(z.string().trim().max(100, "Search for at most 100 characters.")),
  sort: z.enum(sortKeys, { message: "Sort by name, due date or status." }).default("name"),
  dir: z.enum(["asc", "desc"], { message: "Sort up or down." }).default("asc"),
  page: z.coerce
    .number({ message: "The page is a number." })
    .int("The page is a whole number.")
    .min(1, "Pages start at 1.")
    .max(100_000, "There are not that many pages.")
    .default(1),
});

export type MatrixFilters = z.infer<typeof MatrixFiltersSchema>;

export type ParsedFilters = { ok: true; filters: MatrixFilters } | { ok: false; message: string };

const fieldLabels: Record<string, string> = {
  team: "The team",
  module: "The module",
  status: "The status",
  q: "The search",
  sort: "The sort order",
  dir: "The sort direction",
  page: "The page",
};

/** The filters of a URL; repeated keys count once (the first), unknown keys are ignored. */
export function parseMatrixFilters(params: URLSearchParams): ParsedFilters {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in raw)) raw[key] = value;
  const result = MatrixFiltersSchema.safeParse(raw);
  if (result.success) return { ok: true, filters: result.data };
  const issue = result.error.issues[0]!;
  const label = fieldLabels[String(issue.path[0])] ?? "A filter";
  return { ok: false, message: `${label} in the address is not valid: ${issue.message}` };
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

/** Case- and accent-insensitive, so "lucia" finds "Lucía". */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");
}
