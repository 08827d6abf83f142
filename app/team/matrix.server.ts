import type { SessionUser } from "~/auth/session.server";
import { defaultLocale, type Locale } from "~/i18n/config";
import { fixedT } from "~/i18n/i18n.server";
import { moduleWords } from "~/content/titles.server";
import { prisma } from "~/db.server";
import type { Status } from "~/training/rollout/due";
import { statusLabels } from "~/training/rollout/due";
import { localDate } from "~/training/rollout/time";
import { visibleTeamIds } from "./access.server";
import type { CsvSeparator } from "./csv";
import { csvBom, csvRow } from "./csv";
import type { MatrixItem } from "./matrix-charts";
import { completionByModule, overdueOverTime } from "./matrix-charts";
import type { MatrixFilters } from "./matrix-filters";
import { pageSize, statusOrder } from "./matrix-filters";
import type { Enrollment } from "~/training/rollout/enrollments.server";
import { listEnrollments, loadRollout } from "~/training/rollout/enrollments.server";
import type { MatrixPerson } from "./matrix-scope.server";
import {
  enrollmentsOf,
  itemMatches,
  moduleCatalogue,
  peopleInScope,
  peopleInScopeBatches,
  toItem,
} from "./matrix-scope.server";

// The /team completion matrix (people × assigned modules) and its CSV export.

/** What one cell of the matrix shows. */
export type MatrixCell = Pick<MatrixItem, "status" | "dueDate" | "completedOn">;

export type MatrixRow = {
  id: string;
  name: string;
  email: string;
  team: string;
  /** Per module slug: the cell when it passes the filters; absent when not assigned or filtered. */
  cells: Record<string, MatrixCell>;
  /** Modules assigned to them that the filters hide. */
  filteredOut: string[];
  urgent: Status | null;
  nextDue: string | null;
  /** Modules shown for them, and how many of those are completed. */
  done: number;
  assigned: number;
};

/** What sorting and counting need of a person; a row is made only for the people on the page. */
type Summary = {
  person: MatrixPerson;
  items: MatrixItem[];
  shown: MatrixItem[];
  urgent: Status | null;
  nextDue: string | null;
};

const urgency = (status: Status) => statusOrder.indexOf(status);

function summarise(person: MatrixPerson, items: MatrixItem[], filters: MatrixFilters): Summary {
  const shown = items.filter((i) => itemMatches(i, filters));
  let urgent: Status | null = null;
  let nextDue: string | null = null;
  for (const i of shown) {
    if (urgent === null || urgency(i.status) < urgency(urgent)) urgent = i.status;
    if (i.status !== "completed" && (nextDue === null || i.dueDate < nextDue)) nextDue = i.dueDate;
  }
  // The person's overall state: someone with some modules done and the rest not begun is under
  // way, not "not started".
  if (urgent === "not-started" && shown.some((i) => i.status === "completed"))
    urgent = "in-progress";
  return { person, items, shown, urgent, nextDue };
}

function toRow({ person, items, shown, urgent, nextDue }: Summary): MatrixRow {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    team: person.team.name,
    cells: Object.fromEntries(
      shown.map((i) => [
        i.slug,
        { status: i.status, dueDate: i.dueDate, completedOn: i.completedOn },
      ]),
    ),
    filteredOut: items.filter((i) => !shown.includes(i)).map((i) => i.slug),
    urgent,
    nextDue,
    done: shown.filter((i) => i.status === "completed").length,
    assigned: shown.length,
  };
}

// One collator for every comparison: localeCompare with options builds one per call.
const names = new Intl.Collator("en", { sensitivity: "base" });

// People without a value for the key (nothing open, nothing shown) go last in either direction.
function compareRows(sort: MatrixFilters["sort"], dir: MatrixFilters["dir"]) {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: Summary, b: Summary) =>
    names.compare(a.person.name, b.person.name) ||
    (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0);
  const keyed =
    <T>(key: (r: Summary) => T | null, cmp: (a: T, b: T) => number) =>
    (a: Summary, b: Summary) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null)
        return (ka === null ? 1 : 0) - (kb === null ? 1 : 0) || byName(a, b);
      return sign * cmp(ka, kb) || byName(a, b);
    };
  if (sort === "due")
    return keyed(
      (r) => r.nextDue,
      (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    );
  if (sort === "status")
    return keyed(
      (r) => (r.urgent ? urgency(r.urgent) : null),
      (a, b) => a - b,
    );
  return (a: Summary, b: Summary) => sign * byName(a, b);
}

/** Everything the /team page shows for these filters; throws 404 for a team outside the user's. */
export async function buildMatrix(user: SessionUser, filters: MatrixFilters, now = new Date()) {
  // No `await` inside the list: while one ran, a 404 thrown by peopleInScope would have no handler
  // yet, and Node treats an unhandled rejection as fatal.
  const [people, rollout, teams] = await Promise.all([
    peopleInScope(user, filters),
    loadRollout(),
    visibleTeamIds(user).then((teamIds) =>
      prisma.team.findMany({
        where: { id: { in: teamIds } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      }),
    ),
  ]);
  // Module titles in the manager's language (the records behind them are the same for everyone).
  const words = user.locale === "en" ? null : await moduleWords(user.locale);
  const titled = <T extends { slug: string; title: string }>(m: T): T =>
    words?.has(m.slug) ? { ...m, title: words.get(m.slug)!.title } : m;
  const catalogue = moduleCatalogue(rollout).map(titled);
  const enrollments = await enrollmentsOf(people, now, rollout);
  const itemsOf = new Map<string, MatrixItem[]>(people.map((p) => [p.id, []]));
  for (const e of enrollments) itemsOf.get(e.userId)?.push(titled(toItem(e)));

  const present = new Set(enrollments.map((e) => e.slug));
  const columns = catalogue.filter(
    (m) => present.has(m.slug) && (!filters.module || m.slug === filters.module),
  );
  const filtering = Boolean(filters.module || filters.status);
  const all = people
    .map((p) => summarise(p, itemsOf.get(p.id)!, filters))
    // With a module or status filter, only people with something that matches are listed.
    .filter((summary) => !filtering || summary.shown.length > 0)
    .sort(compareRows(filters.sort, filters.dir));

  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(filters.page, pageCount);
  const shownItems = all.flatMap((summary) => summary.shown);
  return {
    teams,
    modules: catalogue,
    columns,
    rows: all.slice((page - 1) * pageSize, page * pageSize).map(toRow),
    total: all.length,
    page,
    pageCount,
    // Everyone in view (every page), as one figure: completed of assigned.
    completion: {
      done: shownItems.filter((i) => i.status === "completed").length,
      assigned: shownItems.length,
    },
    charts: {
      byModule: completionByModule(columns, shownItems),
      // The weeks end today on the manager's calendar (in UTC the day changes an hour or two
      // before it does for a team in Central Europe, and today's point then missed a day).
      overdue: overdueOverTime(shownItems, localDate(now, user.timeZone)),
    },
  };
}

/** Message keys of the CSV's column headers, written in the manager's language. */
export const csvColumns = [
  "team:csv.employee",
  "team:csv.email",
  "team:csv.team",
  "team:csv.module",
  "team:csv.version",
  "team:csv.status",
  "team:csv.dueDate",
  "team:csv.completedOn",
] as const;

/**
 * The matrix as CSV, one row per person × assigned module that passes the filters, by team, name
 * and course order. Headers and statuses are in `locale`; dates stay YYYY-MM-DD, which every
 * spreadsheet reads as a date. The scope is checked (and a foreign team refused) before the
 * stream starts, so errors are still proper status codes.
 *
 * Streamed from the database a batch of people at a time: a batch is read only when the response
 * asks for more, and dropped once written. Its records and enrollments are not kept for the
 * matrix page (`remember: false`), though what that page keeps is used, so an export of the
 * whole organisation leaves those caches as it found them.
 */
export async function exportCsv(
  user: SessionUser,
  filters: MatrixFilters,
  now = new Date(),
  locale: Locale = defaultLocale,
  separator: CsvSeparator = ",",
): Promise<ReadableStream<Uint8Array>> {
  const [batches, rollout] = await Promise.all([
    peopleInScopeBatches(user, filters),
    loadRollout(),
  ]);
  const catalogue = moduleCatalogue(rollout);
  const order = new Map(catalogue.map((m, i) => [m.slug, i]));
  const t = fixedT(locale, "team");
  const words = locale === "en" ? null : await moduleWords(locale);
  const statusText = Object.fromEntries(statusOrder.map((s) => [s, t(statusLabels[s])])) as Record<
    Status,
    string
  >;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(
          encoder.encode(
            csvBom +
              csvRow(
                csvColumns.map((key) => t(key)),
                separator,
              ),
          ),
        );
      },
      async pull(controller) {
        // Let the response send what it was given (and compression run) first: the SQLite
        // driver answers without yielding to the event loop, so otherwise the whole file would
        // pile up in memory before its first byte left.
        await new Promise((resolve) => setImmediate(resolve));
        const { done, value: batch } = await batches.next();
        if (done) return controller.close();
        const ids = batch.map((p) => p.id);
        const enrollments = new Map<string, Enrollment[]>();
        for (const e of await listEnrollments(ids, now, rollout, { remember: false })) {
          const list = enrollments.get(e.userId);
          if (list) list.push(e);
          else enrollments.set(e.userId, [e]);
        }
        let text = "";
        for (const person of batch) {
          const shown = (enrollments.get(person.id) ?? [])
            .filter((e) => itemMatches(e, filters))
            .sort((a, b) => (order.get(a.slug) ?? 99) - (order.get(b.slug) ?? 99));
          for (const e of shown) {
            text += csvRow(
              [
                person.name,
                person.email,
                person.team.name,
                words?.get(e.slug)?.title ?? e.title,
                e.version,
                statusText[e.status],
                e.dueDate,
                e.completion?.completedOn ?? null,
              ],
              separator,
            );
          }
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        // The download was abandoned: read no further.
        await batches.return();
      },
    },
    // Nothing read ahead: pull runs only when the response asks for the next chunk.
    { highWaterMark: 0 },
  );
}
