import { Link } from "@remix-run/react";
import type { MatrixFilters } from "~/team/matrix-filters";
import { matrixSearch, pageSize } from "~/team/matrix-filters";

const linkClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50";

/** Previous / next links and where we are; links, so the pages work without JavaScript. */
export function MatrixPagination({
  filters,
  page,
  pageCount,
  total,
}: {
  filters: MatrixFilters;
  page: number;
  pageCount: number;
  total: number;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700" aria-live="polite">
        {total === 0
          ? "Nobody matches."
          : `Showing ${first}–${last} of ${total} ${total === 1 ? "person" : "people"}`}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link to={matrixSearch(filters, { page: page - 1 })} rel="prev" className={linkClass}>
              Previous page
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link to={matrixSearch(filters, { page: page + 1 })} rel="next" className={linkClass}>
              Next page
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
