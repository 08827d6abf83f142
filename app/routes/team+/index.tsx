import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { CompletionChart, OverdueChart } from "~/components/team/charts";
import { ProgressBar } from "~/components/ui/progress-bar";
import { MatrixFilterForm } from "~/components/team/matrix-filters";
import { MatrixPagination } from "~/components/team/matrix-pagination";
import { MatrixTable } from "~/components/team/matrix-table";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { useFormat } from "~/i18n/use-format";
import { spreadsheetSeparator } from "~/team/csv";
import { matrixSearch, parseMatrixFilters } from "~/team/matrix-filters";
import { buildMatrix } from "~/team/matrix.server";

// The title comes from the loader, in the manager's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const parsed = parseMatrixFilters(new URL(request.url).searchParams);
  if (!parsed.ok) throw data({ message: parsed.message }, { status: 400 });
  const title = fixedT(await requestLocale(request, user), "team")("matrix.metaTitle");
  return { title, filters: parsed.filters, ...(await buildMatrix(user, parsed.filters)) };
}

const actionLink =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50";

export default function TeamHome() {
  const { filters, teams, modules, columns, rows, total, page, pageCount, charts, completion } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (teams.length === 0) {
    return (
      <Page title={t("team:matrix.title")}>
        <EmptyState title={t("team:matrix.noTeam.title")}>
          {t("team:matrix.noTeam.body")}
        </EmptyState>
      </Page>
    );
  }
  // The export takes the filters but not the sort or page: it is always the whole list.
  // Spreadsheets where a comma is the decimal sign (sl, sk, da, lt) split CSV on semicolons.
  const search = matrixSearch({ ...filters, sort: "name", dir: "asc", page: 1 });
  const semicolons =
    spreadsheetSeparator(i18n.language) === ";" ? `${search ? "&" : "?"}sep=%3B` : "";
  const exportHref = `/team/export.csv${search}${semicolons}`;
  return (
    <Page
      wide
      title={t("team:matrix.title")}
      lead={t("team:matrix.lead", { teams: teams.map((team) => team.name).join(", ") })}
    >
      <nav aria-label={t("team:matrix.actions")} className="mb-6 flex flex-wrap gap-2">
        <Link to="/team/observations/new" className={actionLink}>
          {t("team:actions.recordObservation")}
        </Link>
        <Link to="/team/recognition" className={actionLink}>
          {t("team:actions.recogniseSomeone")}
        </Link>
        <Link to="/team/self-assessment" className={actionLink}>
          {t("team:actions.selfAssessment")}
        </Link>
        <a href={exportHref} download className={actionLink}>
          {t("team:actions.exportCsv")}
        </a>
      </nav>
      <MatrixFilterForm filters={filters} teams={teams} modules={modules} />
      <section aria-labelledby="matrix-heading" className="mt-8">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
          <h2 id="matrix-heading" className="text-lg font-semibold">
            {t("team:matrix.completion")}
          </h2>
          {completion.assigned ? (
            <div className="w-full max-w-xs">
              <p className="text-sm text-slate-700">
                {t("team:matrix.teamCompletion", {
                  percent: format.percent(completion.done / completion.assigned),
                  done: format.number(completion.done),
                  count: completion.assigned,
                })}
              </p>
              <ProgressBar
                label={t("team:matrix.teamCompletionLabel")}
                percent={(completion.done / completion.assigned) * 100}
                className="mt-1.5"
              />
            </div>
          ) : null}
        </div>
        {rows.length === 0 ? (
          <EmptyState title={t("team:matrix.noMatch.title")}>
            <Trans
              i18nKey="team:matrix.noMatch.body"
              components={{
                link: <Link to="/team" className="font-medium text-brand-700 underline" />,
              }}
            />
          </EmptyState>
        ) : (
          <MatrixTable
            rows={rows}
            columns={columns}
            filters={filters}
            caption={t("team:matrix.caption", {
              page: format.number(page),
              pageCount: format.number(pageCount),
            })}
          />
        )}
        <MatrixPagination filters={filters} page={page} pageCount={pageCount} total={total} />
      </section>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <CompletionChart data={charts.byModule} />
        <OverdueChart data={charts.overdue} />
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
