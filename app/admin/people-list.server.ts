import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db.server";
import { foldForSearch, searchKeyOf } from "~/utils/search-key";
import { log } from "~/utils/log.server";
import type { PeopleFilters } from "./people-filters";
import { peoplePageSize } from "./people-filters";

// The admin's list of everyone, one page at a time: searched by name (accents and case ignored,
// through User.searchKey) or e-mail, filtered, sorted, counted. Two queries per page whatever
// the organisation's size: the page's rows (with what the table shows of each) and the count.

function whereOf(filters: PeopleFilters): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (filters.q) {
    const folded = foldForSearch(filters.q);
    and.push({
      OR: [{ searchKey: { contains: folded } }, { email: { contains: filters.q.toLowerCase() } }],
    });
  }
  if (filters.team === "none") and.push({ teamId: null });
  else if (filters.team) and.push({ teamId: filters.team });
  if (filters.role) and.push({ role: filters.role });
  if (filters.status !== "all") and.push({ active: filters.status === "active" });
  if (filters.locale) and.push({ locale: filters.locale });
  if (filters.signIn === "never") and.push({ lastSignInAt: null });
  if (filters.signIn === "signed-in") and.push({ lastSignInAt: { not: null } });
  // Still to accept an invitation: no password and no company sign-in.
  if (filters.signIn === "invited") and.push({ password: { is: null }, ssoLinks: { none: {} } });
  return and.length ? { AND: and } : {};
}

function orderOf(filters: PeopleFilters): Prisma.UserOrderByWithRelationInput[] {
  const dir = filters.dir;
  const first: Prisma.UserOrderByWithRelationInput = {
    name: { name: dir },
    email: { email: dir },
    team: { team: { name: dir } },
    role: { role: dir },
    lastSignIn: {
      lastSignInAt: { sort: dir, nulls: dir === "asc" ? ("first" as const) : ("last" as const) },
    },
    added: { createdAt: dir },
  }[filters.sort];
  // Ties (two people called Ana Novak) in a stable order, so pages never repeat or skip anyone.
  return [first, { name: "asc" }, { id: "asc" }];
}

export const peopleRowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  locale: true,
  lastSignInAt: true,
  team: { select: { id: true, name: true } },
  password: { select: { userId: true } },
  ssoLinks: { select: { issuer: true }, take: 1 },
  invitations: {
    where: { usedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { expiresAt: true },
  },
} satisfies Prisma.UserSelect;

export async function listPeople(filters: PeopleFilters) {
  const where = whereOf(filters);
  const total = await prisma.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / peoplePageSize));
  // A page past the end (after a filter narrowed the list) shows the last one.
  const page = Math.min(filters.page, pageCount);
  const rows = await prisma.user.findMany({
    where,
    orderBy: orderOf(filters),
    skip: (page - 1) * peoplePageSize,
    take: peoplePageSize,
    select: peopleRowSelect,
  });
  return { rows, total, page, pageCount };
}

/** How many people there are in each state, for the admin's overview. */
export async function peopleCounts() {
  const [active, inactive, awaiting, never] = await Promise.all([
    prisma.user.count({ where: { active: true } }),
    prisma.user.count({ where: { active: false } }),
    prisma.user.count({
      where: { active: true, password: { is: null }, ssoLinks: { none: {} } },
    }),
    prisma.user.count({ where: { active: true, lastSignInAt: null } }),
  ]);
  return { active, inactive, awaiting, never };
}

/**
 * Give everyone without a search key one (people from before the key existed, or written by a
 * path that did not set it). Run at start; a few hundred at a time.
 */
export async function fillSearchKeys() {
  let filled = 0;
  for (;;) {
    const people = await prisma.user.findMany({
      where: { searchKey: "" },
      select: { id: true, name: true },
      take: 500,
    });
    if (people.length === 0) break;
    await prisma.$transaction(
      people.map((p) =>
        prisma.user.update({
          where: { id: p.id },
          // A name that folds to nothing still gets a key, so it is not picked up again.
          data: { searchKey: searchKeyOf(p.name) || " " },
          select: { id: true },
        }),
      ),
    );
    filled += people.length;
  }
  if (filled) log.info("people.search_keys_filled", { filled });
}
