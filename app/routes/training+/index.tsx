import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { formatLocalDate, StatusBadge } from "~/components/training/status-badge";
import { ProgressBar } from "~/components/ui/progress-bar";
import { readableModules } from "~/content/modules.server";
import { listEnrollments } from "~/training/rollout/enrollments.server";

export const meta: MetaFunction = () => [{ title: "My training · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  const [assigned, all] = await Promise.all([listEnrollments([user.id]), readableModules(user)]);
  const assignedSlugs = new Set(assigned.map((e) => e.slug));
  const done = assigned.filter((e) => e.status === "completed").length;
  return {
    firstName: user.name.split(" ")[0] ?? user.name,
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

function dueText(item: Assigned) {
  if (item.status === "completed" && item.completion) {
    return `Completed ${formatLocalDate(item.completion.completedAt.slice(0, 10), "medium")}`;
  }
  return `${item.status === "overdue" ? "Was due" : "Due"} ${formatLocalDate(item.dueDate, "medium")}`;
}

export default function TrainingHome() {
  const { firstName, assigned, other, overall } = useLoaderData<typeof loader>();
  return (
    <Page
      title="My training"
      lead={`Welcome, ${firstName}. Our service policy, one short module at a time.`}
    >
      {assigned.length ? (
        <section
          aria-labelledby="overall"
          className="mb-8 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="overall" className="text-lg font-semibold text-slate-900">
              Your progress
            </h2>
            <p className="text-sm text-slate-700">
              {overall.done} of {overall.total} modules completed
            </p>
          </div>
          <ProgressBar label="Overall progress" percent={overall.percent} className="mt-3 h-2.5" />
          <p className="mt-1 text-xs text-slate-600">{overall.percent}% of all steps done</p>
        </section>
      ) : null}

      <section aria-labelledby="assigned">
        <h2 id="assigned" className="mb-3 text-lg font-semibold text-slate-900">
          Assigned to you
        </h2>
        {assigned.length === 0 ? (
          <EmptyState title="Nothing assigned yet">
            When a module is assigned to you, it appears here with its due date.
          </EmptyState>
        ) : (
          <ol className="space-y-3">
            {assigned.map((item) => (
              <li key={item.slug}>
                <Link
                  to={`/training/${item.slug}`}
                  prefetch="intent"
                  aria-label={`${item.title}: ${item.status.replace("-", " ")}, ${dueText(item)}`}
                  className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-xs transition hover:border-brand-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-700 sm:p-5"
                >
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <StatusBadge status={item.status} />
                    <span
                      className={`text-sm ${item.status === "overdue" ? "font-semibold text-red-800" : "text-slate-600"}`}
                    >
                      {dueText(item)}
                    </span>
                    <span className="ml-auto text-xs text-slate-600">
                      {item.minutes} min · v{item.version}
                    </span>
                  </div>
                  <h3 className="mt-2 text-lg font-semibold text-slate-900">{item.title}</h3>
                  <p className="mt-1 line-clamp-2 text-sm text-slate-700">{item.summary}</p>
                  <div className="mt-3 flex items-center gap-3">
                    <ProgressBar
                      label={`${item.title} progress`}
                      percent={item.progress.percent}
                      className="flex-1"
                    />
                    <span className="text-xs text-slate-600 tabular-nums">
                      {item.progress.done}/{item.progress.total} steps
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
            More from the course
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
                        Draft
                      </span>
                    ) : null}
                    {module.completedAt ? (
                      <span className="rounded bg-green-100 px-1.5 py-0.5 font-semibold text-green-900">
                        Completed
                      </span>
                    ) : null}
                    <span>
                      {module.minutes} min · v{module.version}
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
