import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { EmployeeModules } from "~/components/team/employee-modules";
import { ObservationList } from "~/components/team/observation-list";
import { RecognitionList } from "~/components/team/recognition-list";
import { TrendCharts } from "~/components/team/trend-chart";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { useFormat } from "~/i18n/use-format";
import { requireTeamMember } from "~/team/access.server";
import { observationsOf, trendOf } from "~/team/observations.server";
import { recognitionsOf } from "~/team/recognition.server";
import { inWordsOf } from "~/content/titles.server";
import { listEnrollments } from "~/training/rollout/enrollments.server";

// The title comes from the loader, in the manager's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const employee = await requireTeamMember(user, params.userId ?? "");
  const locale = await requestLocale(request, user);
  const [enrollments, observations, recognitions] = await Promise.all([
    listEnrollments([employee.id]),
    observationsOf(employee.id, undefined, locale),
    recognitionsOf(employee.id),
  ]);
  return {
    title: fixedT(locale, "team")("person.metaTitle", { name: employee.name }),
    employee: {
      id: employee.id,
      name: employee.name,
      email: employee.email,
      team: employee.team?.name ?? null,
      active: employee.active,
    },
    modules: (await inWordsOf(locale, enrollments)).map((e) => ({
      slug: e.slug,
      title: e.title,
      status: e.status,
      dueDate: e.dueDate,
      percent: e.progress.percent,
    })),
    observations,
    trend: trendOf(observations, locale),
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
  const { t } = useTranslation();
  const format = useFormat();
  const lead = [
    employee.team ?? t("team:person.noTeam"),
    employee.email,
    ...(employee.active ? [] : [t("team:person.inactive")]),
  ].join(" · ");
  return (
    <Page title={employee.name} lead={lead}>
      <div className="mb-8 flex flex-wrap gap-3">
        <Link
          to={`/team/observations/new?employee=${employee.id}`}
          className={`${action} bg-brand-700 text-white hover:bg-brand-800`}
        >
          {t("team:actions.recordObservation")}
        </Link>
        <Link
          to={`/team/recognition?employee=${employee.id}`}
          className={`${action} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}
        >
          {t("team:person.recognise", { name: employee.name.split(" ")[0] })}
        </Link>
      </div>
      <div className="space-y-10">
        <Section id="modules-heading" title={t("team:person.modules")}>
          <EmployeeModules modules={modules} labelledBy="modules-heading" />
        </Section>
        <Section id="trend-heading" title={t("team:person.trend")}>
          <TrendCharts trends={trend} />
        </Section>
        <Section
          id="observations-heading"
          title={
            <>
              {t("team:person.observations")}{" "}
              <span className="text-sm font-normal text-slate-600">
                ({format.number(observations.length)})
              </span>
            </>
          }
        >
          {observations.length ? (
            <ObservationList observations={observations} employee={employee} />
          ) : (
            <p className="text-sm text-slate-600">{t("team:person.noObservations")}</p>
          )}
        </Section>
        <Section id="recognition-heading" title={t("team:person.recognition")}>
          <p className="mb-3 text-slate-800">
            <Trans
              i18nKey="team:person.pointsTotal"
              count={recognitions.totalPoints}
              values={{ points: format.number(recognitions.totalPoints) }}
              components={{ strong: <strong className="tabular-nums" /> }}
            />
          </p>
          {recognitions.items.length ? (
            <RecognitionList items={recognitions.items} labelledBy="recognition-heading" />
          ) : (
            <p className="text-sm text-slate-600">{t("team:person.noRecognition")}</p>
          )}
        </Section>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
