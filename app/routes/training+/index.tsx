import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { observationsToAcknowledge } from "~/team/observations.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { StatusBadge } from "~/components/training/status-badge";
import { ProgressBar } from "~/components/ui/progress-bar";
import { readableModules } from "~/content/modules.server";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import type { Formatters } from "~/i18n/format";
import { useFormat } from "~/i18n/use-format";
import { statusInSentence } from "~/training/rollout/due";
import { inWordsOf } from "~/content/titles.server";
import { listEnrollments } from "~/training/rollout/enrollments.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  const [enrollments, all, toAcknowledge] = await Promise.all([
    listEnrollments([user.id]),
    readableModules(user),
    observationsToAcknowledge(user.id),
  ]);
  // Enrollments are shared records: their titles come in the learner's language here.
  const assigned = await inWordsOf(user.locale, enrollments);
  const assignedSlugs = new Set(assigned.map((e) => e.slug));
  const done = assigned.filter((e) => e.status === "completed").length;
  const t = fixedT(await requestLocale(request, user), "training");
  return {
    title: t("training:meta.home"),
    firstName: user.name.split(" ")[0] ?? user.name,
    toAcknowledge,
    assigned,
    other: all.filter((m) => !assignedSlugs.has(m.slug)),
    overall: {
      done,
      total: assigned.length,
      percent: assigned.length
        ? Math.round(assigned.reduce((sum, e) => sum + e.progress.percent, 0) / assigned.length)
        : 0,
    },
  };
}

type Assigned = ReturnType<typeof useLoaderData<typeof loader>>["assigned"][number];

function dueText(t: TFunction, format: Formatters, item: Assigned) {
  if (item.status === "completed" && item.completion) {
    // The day it was completed on in the person's own time zone.
    return t("training:home.completedOn", { date: format.day(item.completion.completedOn) });
  }
  const date = format.day(item.dueDate);
  return item.status === "overdue"
    ? t("training:home.wasDue", { date })
    : t("training:home.due", { date });
}

export default function TrainingHome() {
  const { firstName, assigned, other, overall, toAcknowledge } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Page title={t("common:nav.training")} lead={t("training:home.lead", { name: firstName })}>
      {toAcknowledge ? (
        <p
          role="status"
          className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950"
        >
          <span>{t("training:home.toAcknowledge", { count: toAcknowledge })}</span>
          <Link
            to="/me#observations"
            className="rounded-lg bg-white px-3 py-2 text-sm font-semibold text-amber-950 ring-1 ring-amber-300 hover:bg-amber-100"
          >
            {t("training:home.readObservations")}
          </Link>
        </p>
      ) : null}
      {assigned.length ? (
        <section
          aria-labelledby="overall"
          className="mb-8 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="overall" className="text-lg font-semibold text-slate-900">
              {t("training:home.progressTitle")}
            </h2>
            <p className="text-sm text-slate-700">
              {t("training:home.modulesCompleted", { done: overall.done, count: overall.total })}
            </p>
          </div>
          <ProgressBar
            label={t("training:home.overallProgress")}
            percent={overall.percent}
            className="mt-3 h-2.5"
          />
          <p className="mt-1 text-xs text-slate-600">
            {t("training:home.stepsDonePercent", {
              percent: format.percent(overall.percent / 100),
            })}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="assigned">
        <h2 id="assigned" className="mb-3 text-lg font-semibold text-slate-900">
          {t("training:home.assigned")}
        </h2>
        {assigned.length === 0 ? (
          <EmptyState title={t("training:home.nothingAssigned")}>
            {t("training:home.nothingAssignedBody")}
          </EmptyState>
        ) : (
          <ol className="space-y-3">
            {assigned.map((item) => (
              <li key={item.slug}>
                <Link
                  to={`/training/${item.slug}`}
                  prefetch="intent"
                  aria-label={t("training:home.cardLabel", {
                    title: item.title,
                    status: t(statusInSentence[item.status]),
                    due: dueText(t, format, item),
                  })}
                  className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-xs transition hover:border-brand-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-700 sm:p-5"
                >
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <StatusBadge status={item.status} />
                    <span
                      className={`text-sm ${item.status === "overdue" ? "font-semibold text-red-800" : "text-slate-600"}`}
                    >
                      {dueText(t, format, item)}
                    </span>
                    <span className="ml-auto text-xs text-slate-600">
                      {t("training:home.minutesVersion", {
                        minutes: item.minutes,
                        version: item.version,
                      })}
                    </span>
                  </div>
                  <h3 className="mt-2 text-lg font-semibold text-slate-900">{item.title}</h3>
                  <p className="mt-1 line-clamp-2 text-sm text-slate-700">{item.summary}</p>
                  <div className="mt-3 flex items-center gap-3">
                    <ProgressBar
                      label={t("training:home.itemProgress", { title: item.title })}
                      percent={item.progress.percent}
                      className="flex-1"
                    />
                    <span className="text-xs text-slate-600 tabular-nums">
                      {t("training:home.steps", {
                        done: item.progress.done,
                        count: item.progress.total,
                      })}
                    </span>
                  </div>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>

      {other.length ? (
        <section aria-labelledby="more" className="mt-10">
          <h2 id="more" className="mb-3 text-lg font-semibold text-slate-900">
            {t("training:home.more")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {other.map((module) => (
              <li key={module.slug} className="min-w-0">
                <Link
                  to={`/training/${module.slug}`}
                  prefetch="intent"
                  className="block h-full rounded-2xl border border-slate-200 bg-white p-4 hover:border-brand-300 focus-visible:outline-2 focus-visible:outline-brand-700"
                >
                  <p className="flex flex-wrap gap-2 text-xs text-slate-600">
                    {module.draft ? (
                      <span className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900">
                        {t("training:draft")}
                      </span>
                    ) : null}
                    {module.completedAt ? (
                      <span className="rounded bg-green-100 px-1.5 py-0.5 font-semibold text-green-900">
                        {t("training:status.completed")}
                      </span>
                    ) : null}
                    <span>
                      {t("training:home.minutesVersion", {
                        minutes: module.minutes,
                        version: module.version,
                      })}
                    </span>
                  </p>
                  <h3 className="mt-1 font-semibold text-slate-900">{module.title}</h3>
                  <p className="mt-1 line-clamp-2 text-sm text-slate-700">{module.summary}</p>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
