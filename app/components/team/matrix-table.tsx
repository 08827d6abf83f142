import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/training/status-badge";
import type { MatrixFilters, SortKey } from "~/team/matrix-filters";
import { matrixSearch } from "~/team/matrix-filters";
import type { MatrixRow } from "~/team/matrix.server";
import { shortDate } from "~/utils/dates";

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
            ? `, sorted ${filters.dir === "asc" ? "ascending" : "descending"}; sort ${dir === "asc" ? "ascending" : "descending"}`
            : ", sort"}
        </span>
      </Link>
    </th>
  );
}

// Cells are styled by the table's class (app.css): a page holds thousands of them.
function Cell({ row, column }: { row: MatrixRow; column: Column }) {
  const item = row.cells[column.slug];
  if (item) {
    return (
      <td>
        <StatusBadge status={item.status} />
        <p className="matrix-note">
          {item.completedOn
            ? `Done ${shortDate(item.completedOn)}`
            : `Due ${shortDate(item.dueDate)}`}
        </p>
      </td>
    );
  }
  return (
    <td className="matrix-quiet">
      {row.filteredOut.includes(column.slug) ? (
        <>
          <span aria-hidden>·</span>
          <span className="sr-only">Filtered out</span>
        </>
      ) : (
        "Not assigned"
      )}
    </td>
  );
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
  return (
    <div
      className="overflow-x-auto rounded-2xl border border-slate-200 bg-white"
      role="region"
      aria-label="Completion matrix"
      tabIndex={0}
    >
      <table className="matrix-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <SortHeader
              label="Employee"
              sortKey="name"
              filters={filters}
              className="sticky left-0 z-10 bg-slate-50"
            />
            <SortHeader label="Status" sortKey="status" filters={filters} />
            <SortHeader label="Next due" sortKey="due" filters={filters} />
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
              </td>
              <td className="whitespace-nowrap tabular-nums">
                {row.nextDue ? shortDate(row.nextDue) : "—"}
              </td>
              {columns.map((c) => (
                <Cell key={c.slug} row={row} column={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
