import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { readableModules } from "~/content/modules.server";

export const meta: MetaFunction = () => [{ title: "My training · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  return { firstName: user.name.split(" ")[0] ?? user.name, modules: await readableModules(user) };
}

export default function TrainingHome() {
  const { firstName, modules } = useLoaderData<typeof loader>();
  return (
    <Page
      title="My training"
      lead={`Welcome, ${firstName}. Our service policy, one short module at a time.`}
    >
      {modules.length === 0 ? (
        <EmptyState title="No modules yet">
          When the training team publishes a module, it appears here.
        </EmptyState>
      ) : (
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {modules.map((module, index) => (
            <li key={module.slug} className="min-w-0">
              <Link
                to={`/training/${module.slug}`}
                prefetch="intent"
                className="flex h-full flex-col rounded-2xl border border-slate-200 bg-white p-5 shadow-xs transition hover:border-brand-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-700"
              >
                {module.completedAt ? (
                  <p className="mb-2 w-fit rounded-full bg-green-100 px-2.5 py-0.5 text-xs font-semibold text-green-900">
                    Completed{" "}
                    {new Date(module.completedAt).toLocaleDateString("en-GB", {
                      dateStyle: "medium",
                    })}
                  </p>
                ) : null}
                <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
                  Module {index + 1}
                  {module.draft ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">
                      Draft
                    </span>
                  ) : null}
                </p>
                <h2 className="mt-1 text-lg font-semibold text-slate-900">{module.title}</h2>
                <p className="mt-2 line-clamp-3 flex-1 text-sm text-slate-700">{module.summary}</p>
                <p className="mt-4 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                  <span>{module.minutes} min</span>
                  <span>
                    {module.quizzes} quiz{module.quizzes === 1 ? "" : "zes"}
                  </span>
                  {module.scenarios ? <span>{module.scenarios} role-play</span> : null}
                  {module.required ? <span>Required</span> : null}
                  <span>v{module.version}</span>
                </p>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
