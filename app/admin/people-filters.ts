import { z } from "zod";
import { roles } from "~/auth/roles";
import { locales } from "~/i18n/config";

// The /admin/people list's search, filters, sort and page live in the URL (a GET form), so a view
// can be bookmarked and shared, and the browser's back button works. Pure: the page builds its
// links from the same shape. A value the list does not know falls back to its default rather
// than failing the page: these are links people edit by hand.

export const peopleSortKeys = ["name", "email", "team", "role", "lastSignIn", "added"] as const;
export type PeopleSortKey = (typeof peopleSortKeys)[number];
export const peopleStatuses = ["active", "inactive", "all"] as const;
export const signInFilters = ["never", "invited", "signed-in"] as const;

export const peoplePageSize = 50;

const orUndefined = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const PeopleFiltersSchema = z.object({
  q: orUndefined(z.string().trim().min(1).max(100)),
  // A team's id, or "none" for people in no team.
  team: orUndefined(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  role: orUndefined(z.enum(roles)),
  status: z.enum(peopleStatuses).catch("active"),
  locale: orUndefined(z.enum(locales)),
  signIn: orUndefined(z.enum(signInFilters)),
  sort: z.enum(peopleSortKeys).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type PeopleFilters = z.infer<typeof PeopleFiltersSchema>;

/** The filters of a URL; repeated keys count once (the first), unknown keys are ignored. */
export function parsePeopleFilters(params: URLSearchParams): PeopleFilters {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in raw)) raw[key] = value;
  return PeopleFiltersSchema.parse(raw);
}

/** The query string for these filters with some changed; defaults are left out. */
export function peopleSearch(filters: PeopleFilters, change: Partial<PeopleFilters> = {}): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.team) params.set("team", next.team);
  if (next.role) params.set("role", next.role);
  if (next.status !== "active") params.set("status", next.status);
  if (next.locale) params.set("locale", next.locale);
  if (next.signIn) params.set("signIn", next.signIn);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page !== 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether any filter narrows the list (beyond the default of active people). */
export const isFiltered = (f: PeopleFilters) =>
  Boolean(f.q || f.team || f.role || f.locale || f.signIn || f.status !== "active");
