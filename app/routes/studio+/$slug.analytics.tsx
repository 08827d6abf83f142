import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { QuizTable, ScenarioTables } from "~/components/content/analytics-tables";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { minGroup } from "~/content/analytics";
import { moduleAnalytics } from "~/content/analytics.server";
import { isLocale } from "~/i18n/config";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Analytics: ${data?.title ?? "module"} · Studio · Frontline` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireArea(request, "studio");
  // ?language=sl: only records made in that language; anything else means every language.
  const language = new URL(request.url).searchParams.get("language");
  return moduleAnalytics(params.slug ?? "", isLocale(language) ? language : null);
}

export default function ModuleAnalyticsPage() {
  const analytics = useLoaderData<typeof loader>();
  const major = analytics.version?.split(".")[0];
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link to="/studio" className="hover:text-slate-900 hover:underline">
          Studio
        </Link>
        <span aria-hidden> / </span>
        <Link to={`/studio/${analytics.slug}`} className="hover:text-slate-900 hover:underline">
          {analytics.slug}
        </Link>
        <span aria-hidden> / </span>
        <span>Analytics</span>
      </nav>
      <h1 className="mt-3 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        Analytics: {analytics.title}
      </h1>
      <p className="mt-2 max-w-prose text-slate-700">
        {major
          ? `Everyone's records at version ${major}.x, the current major version. `
          : "This module's frontmatter has problems, so it has no version to count records against. "}
        Anonymous totals only: no names, and any group of fewer than {minGroup} learners is shown as
        “too few answers”.
      </p>

      <section aria-labelledby="questions-heading" className="mt-8">
        <h2 id="questions-heading" className="text-lg font-semibold">
          Questions
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          The share of learners whose first attempt at the quiz got the question right.
        </p>
        {analytics.quizzes.length ? (
          analytics.quizzes.map((quiz) => <QuizTable key={quiz.id} quiz={quiz} />)
        ) : (
          <p className="mt-2 text-slate-700">This module has no quiz.</p>
        )}
      </section>

      <section aria-labelledby="scenarios-heading" className="mt-10">
        <h2 id="scenarios-heading" className="text-lg font-semibold">
          Role-plays
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          From finished and abandoned runs: the replies chosen at each point of the conversation,
          the endings reached and where people gave up.
        </p>
        {analytics.scenarios.length ? (
          analytics.scenarios.map((s) => <ScenarioTables key={s.id} scenario={s} />)
        ) : (
          <p className="mt-2 text-slate-700">This module has no role-play.</p>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
