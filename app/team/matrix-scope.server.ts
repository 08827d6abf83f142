import { data } from "@remix-run/node";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Enrollment, Rollout } from "~/training/rollout/enrollments.server";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { log } from "~/utils/log.server";
import { visibleTeamIds } from "./access.server";
import type { MatrixItem } from "./matrix-charts";
import type { MatrixFilters } from "./matrix-filters";
import { foldForSearch } from "~/utils/search-key";

// Who and what the /team matrix and its CSV cover, shared by both so they never disagree.

export type MatrixPerson = {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  team: { id: string; name: string };
};

// People per listEnrollments call: SQLite takes at most 999 values in one query, and smaller
// batches keep memory flat and let the CSV's first rows leave early.
export const enrollmentBatch = 200;

const personSelect = {
  id: true,
  name: true,
  email: true,
  timeZone: true,
  team: { select: { id: true, name: true } },
} as const;

/** The user's teams, or the one asked for; a team outside them is a 404 (and a log line). */
async function scopeOf(user: SessionUser, filters: Pick<MatrixFilters, "team">) {
  const teamIds = await visibleTeamIds(user);
  if (filters.team && !teamIds.includes(filters.team)) {
    log.warn("authz.not_your_team", { userId: user.id, teamId: filters.team });
    throw data({ message: "team:errors.noSuchTeam" }, { status: 404 });
  }
  return {
    active: true,
    id: { not: user.id },
    teamId: { in: filters.team ? [filters.team] : teamIds },
  };
}

// Searched here rather than in SQL: SQLite's LIKE folds neither accents nor non-ASCII case.
type PersonRow = Omit<MatrixPerson, "team"> & { team: MatrixPerson["team"] | null };

function searched(people: PersonRow[], filters: Pick<MatrixFilters, "q">): MatrixPerson[] {
  const q = filters.q ? foldForSearch(filters.q) : null;
  return people
    .filter((p): p is MatrixPerson => p.team !== null)
    .filter((p) => !q || foldForSearch(`${p.name} ${p.email}`).includes(q));
}

/**
 * The active people of the user's teams that match the team filter and the search, by team and
 * name. The user is left out: their own training is on /training, and a manager's row among their
 * team's would be counted in the team's figures. A team outside the user's is a 404, like every
 * record outside them.
 */
export async function peopleInScope(
  user: SessionUser,
  filters: Pick<MatrixFilters, "team" | "q">,
): Promise<MatrixPerson[]> {
  const people = await prisma.user.findMany({
    where: await scopeOf(user, filters),
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: personSelect,
  });
  return searched(people, filters);
}

/**
 * The same people in the same order, read `size` at a time, for going through everyone without
 * holding everyone. Each read starts after the last person of the one before (team names are
 * unique, so team name, name and id order everyone), so people who join or leave meanwhile
 * shift nobody else. The scope is checked, and a foreign team refused, before this returns.
 * Batches can come out smaller than `size` (the search leaves people out, a team ends), never
 * empty.
 */
export async function peopleInScopeBatches(
  user: SessionUser,
  filters: Pick<MatrixFilters, "team" | "q">,
  size = enrollmentBatch,
): Promise<AsyncGenerator<MatrixPerson[], void>> {
  const scope = await scopeOf(user, filters);
  const teamIds = (
    await prisma.team.findMany({
      where: { id: { in: scope.teamId.in } },
      orderBy: { name: "asc" },
      select: { id: true },
    })
  ).map((t) => t.id);
  return (async function* () {
    // Where the last read stopped: the team it was in, and the last person read of that team.
    let next = 0;
    let after: { id: string; name: string } | null = null;
    // How many teams one read looks at: a few hundred people to sort, not everyone left.
    let span = 1;
    while (next < teamIds.length) {
      const teams = teamIds.slice(next, next + span);
      const page: PersonRow[] = await prisma.user.findMany({
        where: {
          ...scope,
          teamId: { in: teams },
          ...(after && {
            OR: [
              { teamId: { not: teams[0] } },
              { name: { gt: after.name } },
              { name: after.name, id: { gt: after.id } },
            ],
          }),
        },
        orderBy: [{ team: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
        select: personSelect,
        take: size,
      });
      const people = searched(page, filters);
      if (people.length) yield people;
      const end = page.at(-1);
      // Everyone read has a team: the scope asks for one of the user's.
      if (page.length < size || !end?.team) {
        // These teams are done; the next ones are probably as small, so read more at once.
        next += teams.length;
        after = null;
        span *= 2;
      } else {
        const reached = teamIds.indexOf(end.team.id, next);
        span = 2 * (reached - next + 1);
        next = reached;
        after = { id: end.id, name: end.name };
      }
    }
  })();
}

export type CatalogueModule = { slug: string; title: string };

/** Published, assigned modules in course order (the order they were first assigned in). */
export function moduleCatalogue({ assignments, modules }: Rollout): CatalogueModule[] {
  const slugs = [...new Set(assignments.map((a) => a.moduleSlug))];
  return slugs.flatMap((slug) => {
    const module = modules.get(slug);
    return module ? [{ slug, title: module.frontmatter.title }] : [];
  });
}

/** Enrollments of many people, fetched a batch at a time against one read of the rollout. */
export async function enrollmentsOf(people: { id: string }[], now: Date, rollout: Rollout) {
  const result: Enrollment[] = [];
  for (let start = 0; start < people.length; start += enrollmentBatch) {
    const ids = people.slice(start, start + enrollmentBatch).map((p) => p.id);
    result.push(...(await listEnrollments(ids, now, rollout)));
  }
  return result;
}

// Enrollments are remembered while unchanged (enrollments.server.ts), and so are their items.
const items = new WeakMap<Enrollment, MatrixItem>();

/** An enrollment as the matrix shows it. */
export function toItem(enrollment: Enrollment): MatrixItem {
  let item = items.get(enrollment);
  if (!item) {
    item = {
      slug: enrollment.slug,
      title: enrollment.title,
      version: enrollment.version,
      status: enrollment.status,
      dueDate: enrollment.dueDate,
      completedOn: enrollment.completion?.completedOn ?? null,
    };
    items.set(enrollment, item);
  }
  return item;
}

/** Whether an item passes the module and status filters. */
export function itemMatches(
  item: Pick<MatrixItem, "slug" | "status">,
  filters: Pick<MatrixFilters, "module" | "status">,
) {
  return (
    (!filters.module || item.slug === filters.module) &&
    (!filters.status || item.status === filters.status)
  );
}
