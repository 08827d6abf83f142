import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { ModuleBody } from "~/components/content/module-body";
import { QuizPreview } from "~/components/content/quiz-preview";
import { ScenarioCard } from "~/components/content/scenario-card";
import { SectionProgress } from "~/components/content/section-progress";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { readerView, requireReadableModule } from "~/content/modules.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.module.title} · Frontline` : "Module · Frontline" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  const module = await requireReadableModule(params.slug ?? "", user);
  return { module: readerView(module) };
}

export default function ModulePage() {
  const { module } = useLoaderData<typeof loader>();
  const quizzes = new Map(module.quizzes.map((q) => [q.id, q]));
  const scenarios = new Map(module.scenarios.map((s) => [s.id, s]));
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <div className="lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-12">
        <div className="lg:order-2">
          <header className="pt-8 pb-6 sm:pt-10">
            <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
              <Link to="/training" className="hover:text-slate-900 hover:underline">
                My training
              </Link>
              <span aria-hidden> / </span>
              <span>{module.title}</span>
            </nav>
            <h1 className="mt-3 text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl">
              {module.title}
            </h1>
            <p className="mt-3 max-w-prose text-lg text-slate-700">{module.summary}</p>
            <p className="mt-4 flex flex-wrap gap-2 text-sm">
              <span className="rounded-full bg-slate-100 px-3 py-1 text-slate-700">
                {module.minutes} min
              </span>
              <span className="rounded-full bg-slate-100 px-3 py-1 text-slate-700">
                Version {module.version}
              </span>
              {module.required ? (
                <span className="rounded-full bg-brand-50 px-3 py-1 text-brand-800">Required</span>
              ) : null}
              {module.draft ? (
                <span className="rounded-full bg-amber-100 px-3 py-1 text-amber-900">Draft</span>
              ) : null}
            </p>
          </header>
          {module.sections.length > 1 ? (
            <SectionProgress sections={module.sections} variant="bar" />
          ) : null}
          <article className="max-w-prose">
            <ModuleBody
              tree={module.tree}
              slots={{
                quiz: (id) => {
                  const quiz = quizzes.get(id);
                  return quiz ? <QuizPreview quiz={quiz} /> : null;
                },
                scenario: (id) => {
                  const scenario = scenarios.get(id);
                  return scenario ? <ScenarioCard scenario={scenario} /> : null;
                },
              }}
            />
            {module.attestation ? (
              <section
                aria-labelledby="attestation"
                className="mt-10 rounded-2xl border border-slate-300 bg-white p-5 sm:p-6"
              >
                <h2 id="attestation" className="text-lg font-semibold text-slate-900">
                  Policy statement
                </h2>
                <blockquote className="mt-2 border-l-4 border-brand-600 pl-4 text-slate-800">
                  {module.attestation}
                </blockquote>
                <p className="mt-3 text-sm text-slate-600">
                  You'll sign this with your full name when you complete the module.
                </p>
              </section>
            ) : null}
          </article>
        </div>
        {module.sections.length > 1 ? (
          <aside className="hidden pt-10 lg:order-1 lg:block">
            <SectionProgress sections={module.sections} variant="panel" />
          </aside>
        ) : null}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
