import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { EmployeeModules } from "~/components/team/employee-modules";
import { ObservationList } from "~/components/team/observation-list";
import { RecognitionList } from "~/components/team/recognition-list";
import { TrendCharts } from "~/components/team/trend-chart";
import { requireTeamMember } from "~/team/access.server";
import { observationsOf, timeZoneOf, trendOf } from "~/team/observations.server";
import { recognitionsOf } from "~/team/recognition.server";
import { listEnrollments } from "~/training/rollout/enrollments.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.employee.name ?? "Team member"} · Frontline` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const employee = await requireTeamMember(user, params.userId ?? "");
  const timeZone = await timeZoneOf(user.id);
  const [enrollments, observations, recognitions] = await Promise.all([
    listEnrollments([employee.id]),
    observationsOf(employee.id, timeZone),
    recognitionsOf(employee.id, timeZone),
  ]);
  return {
    employee: {
      id: employee.id,
      name: employee.name,
      email: employee.email,
      team: employee.team?.name ?? null,
      active: employee.active,
    },
    modules: enrollments.map((e) => ({
      slug: e.slug,
      title: e.title,
      status: e.status,
      dueDate: e.dueDate,
      percent: e.progress.percent,
    })),
    observations,
    trend: trendOf(observations),
    recognitions,
  };
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="scroll-mt-6">
      <h2 id={id} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

const action =
  "inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export default function EmployeeRecord() {
  const { employee, modules, observations, trend, recognitions } = useLoaderData<typeof loader>();
  return (
    <Page
      title={employee.name}
      lead={`${employee.team ?? "No team"} · ${employee.email}${employee.active ? "" : " · inactive"}`}
    >
      <div className="mb-8 flex flex-wrap gap-3">
        <Link
          to={`/team/observations/new?employee=${employee.id}`}
          className={`${action} bg-brand-700 text-white hover:bg-brand-800`}
        >
          Record an observation
        </Link>
        <Link
          to={`/team/recognition?employee=${employee.id}`}
          className={`${action} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}
        >
          Recognise {employee.name.split(" ")[0]}
        </Link>
      </div>
      <div className="space-y-10">
        <Section id="modules-heading" title="Assigned modules">
          <EmployeeModules modules={modules} labelledBy="modules-heading" />
        </Section>
        <Section id="trend-heading" title="Trend per standard">
          <TrendCharts trends={trend} />
        </Section>
        <Section
          id="observations-heading"
          title={
            <>
              Observations{" "}
              <span className="text-sm font-normal text-slate-600">({observations.length})</span>
            </>
          }
        >
          {observations.length ? (
            <ObservationList observations={observations} employee={employee} />
          ) : (
            <p className="text-sm text-slate-600">No observation recorded yet.</p>
          )}
        </Section>
        <Section id="recognition-heading" title="Recognition">
          <p className="mb-3 text-slate-800">
            <strong className="tabular-nums">{recognitions.totalPoints}</strong> points in total
          </p>
          {recognitions.items.length ? (
            <RecognitionList items={recognitions.items} labelledBy="recognition-heading" />
          ) : (
            <p className="text-sm text-slate-600">No recognition yet.</p>
          )}
        </Section>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
