import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditPage, parseAuditFilters } from "~/admin/audit-log.server";
import { auditActions } from "~/audit/actions";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { DataTable } from "~/components/ui/data-table";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { useFormat } from "~/i18n/use-format";
import { spreadsheetSeparator } from "~/team/csv";

// The audit log for admins: who changed what, when and from where, newest first, filtered by
// actor, action, target and dates, 50 to a page; the same filters download it as CSV.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireArea(request, "admin");
  const url = new URL(request.url);
  const parsed = parseAuditFilters(url.searchParams);
  if (!parsed.success) throw data({ message: "admin:audit.badFilter" }, { status: 400 });
  const locale = await requestLocale(request, admin);
  return {
    title: fixedT(locale, "admin")("audit.metaTitle"),
    filters: parsed.data,
    query: url.searchParams.toString(),
    ...(await auditPage(parsed.data, admin.timeZone)),
  };
}

const input =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-700";

export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { filters, events, total, page, pages, query } = useLoaderData<typeof loader>();
  const withPage = (n: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(n));
    return `?${params}`;
  };
  // The CSV takes the same filters: the ones set, without the page.
  const csv = new URLSearchParams(
    [...new URLSearchParams(query)].filter(([key, value]) => value && key !== "page"),
  );
  // Spreadsheets where a comma is the decimal sign split CSV on semicolons.
  if (spreadsheetSeparator(i18n.language) === ";") csv.set("sep", ";");
  return (
    <Page title={t("admin:audit.title")} lead={t("admin:audit.lead")}>
      <p className="mb-6 text-sm">
        <Link to="/admin" className="text-brand-800 underline">
          {t("admin:audit.back")}
        </Link>
      </p>
      <Form
        method="get"
        aria-label={t("admin:audit.filters")}
        className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      >
        <label className="text-sm font-medium text-slate-800">
          {t("admin:audit.actor")}
          <input name="actor" defaultValue={filters.actor ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("admin:audit.action")}
          <select name="action" defaultValue={filters.action ?? ""} className={input}>
            <option value="">{t("admin:audit.anyAction")}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {t(`admin:audit.actions.${action}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("admin:audit.target")}
          <input name="target" defaultValue={filters.target ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("admin:audit.from")}
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("admin:audit.to")}
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={input} />
        </label>
        <div className="flex items-end gap-2">
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t("admin:audit.apply")}
          </button>
        </div>
      </Form>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {t("admin:audit.count", { count: total, total: format.number(total) })}
        </p>
        <a
          href={`/admin/audit.csv${csv.size ? `?${csv}` : ""}`}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50"
        >
          {t("admin:audit.download")}
        </a>
      </div>

      {events.length ? (
        <DataTable
          className="mt-3"
          caption={t("admin:audit.caption")}
          rows={events}
          rowKey={(e) => e.id}
          columns={[
            {
              key: "when",
              header: t("admin:audit.when"),
              className: "whitespace-nowrap text-slate-700",
              cell: (e) => <time dateTime={e.at}>{format.dateTime(e.at)}</time>,
            },
            { key: "actor", header: t("admin:audit.actor"), cell: (e) => e.actorLabel },
            {
              key: "action",
              header: t("admin:audit.action"),
              className: "whitespace-nowrap",
              cell: (e) => t(`admin:audit.actions.${e.action}`, { defaultValue: e.action }),
            },
            { key: "target", header: t("admin:audit.target"), cell: (e) => e.targetLabel },
            {
              key: "change",
              header: t("admin:audit.change"),
              className: "min-w-56 text-slate-700",
              cell: (e) => e.summary,
            },
            {
              key: "address",
              header: t("admin:audit.from_address"),
              className: "font-mono text-xs text-slate-600",
              cell: (e) => e.clientAddress ?? "—",
            },
          ]}
        />
      ) : (
        <p className="mt-3 rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
          {t("admin:audit.none")}
        </p>
      )}

      {pages > 1 ? (
        <nav aria-label={t("admin:audit.pages")} className="mt-4 flex items-center gap-3 text-sm">
          {page > 1 ? (
            <Link to={withPage(page - 1)} className="text-brand-800 underline" rel="prev">
              {t("admin:audit.previous")}
            </Link>
          ) : null}
          <span>{t("admin:audit.pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link to={withPage(page + 1)} className="text-brand-800 underline" rel="next">
              {t("admin:audit.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
