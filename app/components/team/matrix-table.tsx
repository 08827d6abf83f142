import { Link } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { StatusBadge, statusBadgeClass } from "~/components/training/status-badge";
import type { Formatters } from "~/i18n/format";
import { useFormat } from "~/i18n/use-format";
import type { MatrixFilters, SortKey } from "~/team/matrix-filters";
import { matrixSearch } from "~/team/matrix-filters";
import type { MatrixRow } from "~/team/matrix.server";
import type { Status } from "~/training/rollout/due";
import { statusLabels } from "~/training/rollout/due";

type Column = { slug: string; title: string };

/** A column header that sorts by its key; a second click turns the order round. */
function SortHeader({
  label,
  sortKey,
  filters,
  className = "",
}: {
  label: string;
  sortKey: SortKey;
  filters: MatrixFilters;
  className?: string;
}) {
  const { t } = useTranslation();
  const active = filters.sort === sortKey;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-3 font-semibold whitespace-nowrap ${className}`}
    >
      <Link
        to={matrixSearch(filters, { sort: sortKey, dir, page: 1 })}
        className="inline-flex items-center gap-1 text-brand-800 underline decoration-slate-300 underline-offset-4 hover:decoration-brand-700"
      >
        {label}
        <span aria-hidden className="text-xs text-slate-500">
          {active ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">
          {active
            ? filters.dir === "asc"
              ? t("team:matrix.sort.ascending")
              : t("team:matrix.sort.descending")
            : t("team:matrix.sort.none")}
        </span>
      </Link>
    </th>
  );
}

// Cells are styled by the table's class (app.css): a page holds thousands of them, so the
// words are looked up once per table and passed down.
type CellText = {
  done: (date: string) => string;
  due: (date: string) => string;
  status: Record<Status, string>;
} & Record<"filteredOut" | "notAssigned", string>;

function Cell({ row, column, text }: { row: MatrixRow; column: Column; text: CellText }) {
  const item = row.cells[column.slug];
  if (item) {
    return (
      <td>
        <span className={statusBadgeClass(item.status)}>{text.status[item.status]}</span>
        <p className="matrix-note">
          {item.completedOn ? text.done(item.completedOn) : text.due(item.dueDate)}
        </p>
      </td>
    );
  }
  return (
    <td className="matrix-quiet">
      {row.filteredOut.includes(column.slug) ? (
        <>
          <span aria-hidden>·</span>
          <span className="sr-only">{text.filteredOut}</span>
        </>
      ) : (
        text.notAssigned
      )}
    </td>
  );
}

/** The cells' words; the people of a page share a few hundred dates, each written once. */
function cellText(t: TFunction, format: Formatters): CellText {
  const notes = new Map<string, string>();
  const note = (key: "done" | "due", date: string) => {
    let text = notes.get(`${key} ${date}`);
    if (text === undefined) {
      text =
        key === "done"
          ? t("team:matrix.cell.done", { date: format.day(date) })
          : t("team:matrix.cell.due", { date: format.day(date) });
      notes.set(`${key} ${date}`, text);
    }
    return text;
  };
  return {
    done: (date) => note("done", date),
    due: (date) => note("due", date),
    status: Object.fromEntries(
      Object.entries(statusLabels).map(([status, key]) => [status, t(key)]),
    ) as Record<Status, string>,
    filteredOut: t("team:matrix.cell.filteredOut"),
    notAssigned: t("team:matrix.cell.notAssigned"),
  };
}

/** People down the side, modules across; the name column stays put while the modules scroll. */
export function MatrixTable({
  rows,
  columns,
  filters,
  caption,
}: {
  rows: MatrixRow[];
  columns: Column[];
  filters: MatrixFilters;
  caption: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = cellText(t, format);
  const { attach, more, update } = useScrollCue();
  return (
    <div>
      {more ? (
        <p className="mb-2 text-right text-sm text-slate-600" aria-hidden>
          {t("team:matrix.scrollHint")}
        </p>
      ) : null}
      <div className="relative">
        <div
          ref={attach}
          onScroll={update}
          className="overflow-x-auto rounded-2xl border border-slate-200 bg-white"
          role="region"
          aria-label={t("team:matrix.region")}
          tabIndex={0}
        >
          <table className="matrix-table w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <SortHeader
                  label={t("team:matrix.columns.employee")}
                  sortKey="name"
                  filters={filters}
                  className="sticky left-0 z-10 bg-slate-50"
                />
                <SortHeader
                  label={t("team:matrix.columns.status")}
                  sortKey="status"
                  filters={filters}
                />
                <SortHeader
                  label={t("team:matrix.columns.nextDue")}
                  sortKey="due"
                  filters={filters}
                />
                {columns.map((c) => (
                  <th
                    key={c.slug}
                    scope="col"
                    className="min-w-36 px-3 py-3 align-bottom font-semibold"
                  >
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 max-w-44 bg-white px-3 py-2.5 text-left align-top font-normal shadow-[1px_0_0_0_var(--color-slate-200)] sm:max-w-64"
                  >
                    <Link
                      to={`/team/${row.id}`}
                      className="font-medium text-brand-800 underline decoration-slate-300 underline-offset-4 hover:decoration-brand-700"
                    >
                      {row.name}
                    </Link>
                    <p className="truncate text-xs text-slate-600">{row.team}</p>
                  </th>
                  <td>
                    {row.urgent ? (
                      <StatusBadge status={row.urgent} />
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                    {row.assigned ? (
                      <p className="matrix-note tabular-nums">
                        {t("team:matrix.doneOf", { done: row.done, count: row.assigned })}
                      </p>
                    ) : null}
                    {row.urgent === "overdue" ? (
                      // The reminder itself is on the person's page, beside their modules.
                      <Link
                        to={`/team/${row.id}#remind`}
                        aria-label={t("team:matrix.remindLabel", { name: row.name })}
                        className="matrix-note block w-fit font-medium text-brand-800 underline underline-offset-2 print:hidden"
                      >
                        {t("team:matrix.remind")}
                      </Link>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap tabular-nums">
                    {row.nextDue ? format.day(row.nextDue) : "—"}
                  </td>
                  {columns.map((c) => (
                    <Cell key={c.slug} row={row} column={c} text={text} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {more ? (
          // The edge the hidden columns are behind, shaded so the table visibly goes on.
          <div
            aria-hidden
            className="pointer-events-none absolute inset-y-px right-px w-10 rounded-r-2xl bg-gradient-to-l from-slate-900/10 to-transparent"
          />
        ) : null}
      </div>
    </div>
  );
}

/**
 * Whether the table has columns hidden to the right: measured after hydration, on resize and as
 * it scrolls, so the hint and the shaded edge show only while there is more to see.
 */
function useScrollCue() {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [more, setMore] = useState(false);
  const update = useCallback(() => {
    if (box) setMore(box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
  }, [box]);
  useEffect(() => {
    if (!box) return;
    // Called once on observing, and again whenever the box changes size.
    const observer = new ResizeObserver(update);
    observer.observe(box);
    return () => observer.disconnect();
  }, [box, update]);
  return { attach: setBox, more, update };
}
