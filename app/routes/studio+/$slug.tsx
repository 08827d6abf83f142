import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { ModuleBody } from "~/components/content/module-body";
import {
  lastLine,
  ProblemList,
  problemsWithin,
  TrainerQuiz,
  TrainerScenario,
} from "~/components/content/studio-previews";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { studioModule } from "~/content/studio.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Preview: ${data?.module.frontmatter?.title ?? data?.module.slug ?? "module"} · Studio · Frontline`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireArea(request, "studio");
  return { module: await studioModule(params.slug ?? "") };
}

export default function StudioPreview() {
  const { module } = useLoaderData<typeof loader>();
  const fm = module.frontmatter;
  const quizzes = new Map(module.quizzes.map((q) => [q.id, q]));
  const scenarios = new Map(module.scenarios.map((s) => [s.id, s]));
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link to="/studio" className="hover:text-slate-900 hover:underline">
          Studio
        </Link>
        <span aria-hidden> / </span>
        <span>{module.slug}</span>
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900">
        {fm?.title ?? module.slug}
      </h1>
      <p className="mt-2 font-mono text-xs text-slate-600">
        {module.file} · content hash {module.hash.slice(0, 12)}
      </p>
      <p className="mt-2">
        <Link
          to={`/studio/${module.slug}/analytics`}
          className="text-sm font-semibold text-brand-700 hover:underline"
        >
          Analytics
        </Link>
      </p>
      {fm ? (
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Version</dt>
            <dd className="font-medium">{fm.version}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Time</dt>
            <dd className="font-medium">{fm.minutes} min</dd>
          </div>
          <div>
            <dt className="text-slate-600">Due</dt>
            <dd className="font-medium">{fm.dueDays} days</dd>
          </div>
          <div>
            <dt className="text-slate-600">Status</dt>
            <dd className="font-medium">
              {fm.draft ? "Draft" : "Published"}
              {fm.required ? ", required" : ""}
            </dd>
          </div>
        </dl>
      ) : null}

      <section aria-labelledby="validation" className="mt-8">
        <h2 id="validation" className="text-lg font-semibold">
          {module.problems.length
            ? `${module.problems.length} problem${module.problems.length === 1 ? "" : "s"} to fix`
            : "No problems"}
        </h2>
        {module.problems.length ? (
          <div className="mt-3">
            <ProblemList problems={module.problems} />
          </div>
        ) : (
          <p className="mt-1 text-sm text-green-800">
            content:check finds nothing to fix in this module.
          </p>
        )}
      </section>

      <section
        aria-labelledby="preview"
        className="mt-10 rounded-2xl border border-slate-200 bg-white p-5 sm:p-8"
      >
        <h2 id="preview" className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
          Preview, with answers
        </h2>
        {fm?.summary ? <p className="mt-2 mb-8 text-lg text-slate-700">{fm.summary}</p> : null}
        {module.tree ? (
          <ModuleBody
            tree={module.tree}
            slots={{
              quiz: (id) => {
                const quiz = quizzes.get(id);
                return quiz ? (
                  <TrainerQuiz
                    quiz={quiz}
                    problems={problemsWithin(module.problems, quiz.at.line, lastLine(quiz))}
                  />
                ) : null;
              },
              scenario: (id) => {
                const scenario = scenarios.get(id);
                return scenario ? (
                  <TrainerScenario
                    scenario={scenario}
                    problems={problemsWithin(module.problems, scenario.at.line, lastLine(scenario))}
                  />
                ) : null;
              },
            }}
          />
        ) : (
          <p className="mt-4 text-slate-700">
            The text cannot be shown until the MDX problems above are fixed.
          </p>
        )}
        {fm?.attestation ? (
          <blockquote className="mt-8 border-l-4 border-brand-600 pl-4 text-slate-800">
            Attestation: {fm.attestation}
          </blockquote>
        ) : null}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
