import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { CompletionChart, OverdueChart } from "~/components/team/charts";
import { MatrixFilterForm } from "~/components/team/matrix-filters";
import { MatrixPagination } from "~/components/team/matrix-pagination";
import { MatrixTable } from "~/components/team/matrix-table";
import { matrixSearch, parseMatrixFilters } from "~/team/matrix-filters";
import { buildMatrix } from "~/team/matrix.server";

export const meta: MetaFunction = () => [{ title: "My team · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const parsed = parseMatrixFilters(new URL(request.url).searchParams);
  if (!parsed.ok) throw data({ message: parsed.message }, { status: 400 });
  return { filters: parsed.filters, ...(await buildMatrix(user, parsed.filters)) };
}

const actionLink =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50";

export default function TeamHome() {
  const { filters, teams, modules, columns, rows, total, page, pageCount, charts } =
    useLoaderData<typeof loader>();
  if (teams.length === 0) {
    return (
      <Page title="My team">
        <EmptyState title="You don't manage a team yet">
          An administrator can make you a team's manager.
        </EmptyState>
      </Page>
    );
  }
  // The export takes the filters but not the sort or page: it is always the whole list.
  const exportHref = `/team/export.csv${matrixSearch({ ...filters, sort: "name", dir: "asc", page: 1 })}`;
  return (
    <Page
      title="My team"
      lead={`Who has done which module, and what is due, for ${teams.map((t) => t.name).join(", ")}.`}
    >
      <nav aria-label="Team actions" className="mb-6 flex flex-wrap gap-2">
        <Link to="/team/observations/new" className={actionLink}>
          Record an observation
        </Link>
        <Link to="/team/recognition" className={actionLink}>
          Recognise someone
        </Link>
        <Link to="/team/self-assessment" className={actionLink}>
          Team self-assessment
        </Link>
        <a href={exportHref} download className={actionLink}>
          Export CSV
        </a>
      </nav>
      <MatrixFilterForm filters={filters} teams={teams} modules={modules} />
      <section aria-labelledby="matrix-heading" className="mt-8">
        <h2 id="matrix-heading" className="mb-3 text-lg font-semibold">
          Completion
        </h2>
        {rows.length === 0 ? (
          <EmptyState title="Nobody matches these filters">
            <Link to="/team" className="font-medium text-brand-700 underline">
              Clear the filters
            </Link>{" "}
            to see everyone.
          </EmptyState>
        ) : (
          <MatrixTable
            rows={rows}
            columns={columns}
            filters={filters}
            caption={`Assigned modules per person, page ${page} of ${pageCount}`}
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
