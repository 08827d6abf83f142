import { Pagination } from "~/components/ui/pagination";
import type { MatrixFilters } from "~/team/matrix-filters";
import { matrixSearch, pageSize } from "~/team/matrix-filters";

/** The matrix's pages: links that keep its filters. */
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
  return (
    <Pagination
      page={page}
      pageCount={pageCount}
      pageSize={pageSize}
      total={total}
      href={(to) => matrixSearch(filters, { page: to })}
    />
  );
}
