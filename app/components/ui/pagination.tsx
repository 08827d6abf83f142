import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";

const linkClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50";

/**
 * Previous / next links and where we are ("Showing 51–100 of 9,812 people · page 2 of 197");
 * links, so the pages work without JavaScript. `href` gives a page's URL.
 */
export function Pagination({
  page,
  pageCount,
  pageSize,
  total,
  href,
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label={t("team:pagination.label")}
      className="mt-4 flex flex-wrap items-center justify-between gap-3"
    >
      <p className="text-sm text-slate-700" aria-live="polite">
        {total === 0
          ? t("team:pagination.nobody")
          : t("team:pagination.showing", {
              count: total,
              first: format.number(first),
              last: format.number(last),
              total: format.number(total),
            })}
        {pageCount > 1
          ? ` · ${t("team:pagination.page", { page: format.number(page), pageCount: format.number(pageCount) })}`
          : ""}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link to={href(page - 1)} rel="prev" className={linkClass}>
              {t("team:pagination.previous")}
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link to={href(page + 1)} rel="next" className={linkClass}>
              {t("team:pagination.next")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
