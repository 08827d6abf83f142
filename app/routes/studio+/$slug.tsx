import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
import { useFormat } from "~/i18n/use-format";
import { studioModule } from "~/content/studio.server";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "studio");
  const t = fixedT(await requestLocale(request, user), "studio");
  const module = await studioModule(params.slug ?? "");
  const metaTitle = t("studio:preview.metaTitle", {
    title: module.frontmatter?.title ?? module.slug,
  });
  return { module, metaTitle };
}

export default function StudioPreview() {
  const { t } = useTranslation();
  const format = useFormat();
  const { module } = useLoaderData<typeof loader>();
  const fm = module.frontmatter;
  const quizzes = new Map(module.quizzes.map((q) => [q.id, q]));
  const scenarios = new Map(module.scenarios.map((s) => [s.id, s]));
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <nav aria-label={t("studio:breadcrumb")} className="text-sm text-slate-600">
        <Link to="/studio" className="hover:text-slate-900 hover:underline">
          {t("studio:name")}
        </Link>
        <span aria-hidden> / </span>
        <span>{module.slug}</span>
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900">
        {fm?.title ?? module.slug}
      </h1>
      <p className="mt-2 text-xs text-slate-600">
        {t("studio:preview.revision", { hash: module.hash.slice(0, 8) })}
      </p>
      <p className="mt-2">
        <Link
          to={`/studio/${module.slug}/analytics`}
          className="text-sm font-semibold text-brand-700 hover:underline"
        >
          {t("studio:analytics.name")}
        </Link>
      </p>
      {fm ? (
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">{t("studio:preview.version")}</dt>
            <dd className="font-medium">{fm.version}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("studio:preview.time")}</dt>
            <dd className="font-medium">
              {t("studio:preview.minutes", { minutes: format.number(fm.minutes) })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("studio:preview.due")}</dt>
            <dd className="font-medium">{t("studio:preview.days", { count: fm.dueDays })}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("studio:preview.status")}</dt>
            <dd className="font-medium">
              {fm.draft
                ? t(fm.required ? "studio:preview.draftRequired" : "studio:preview.draft")
                : t(fm.required ? "studio:preview.publishedRequired" : "studio:preview.published")}
            </dd>
          </div>
        </dl>
      ) : null}

      <section aria-labelledby="validation" className="mt-8">
        <h2 id="validation" className="text-lg font-semibold">
          {module.problems.length
            ? t("studio:preview.problemsToFix", { count: module.problems.length })
            : t("studio:preview.noProblems")}
        </h2>
        {module.problems.length ? (
          <div className="mt-3">
            <ProblemList problems={module.problems} />
          </div>
        ) : (
          <p className="mt-1 text-sm text-green-800">{t("studio:preview.nothingToFix")}</p>
        )}
      </section>

      <section
        aria-labelledby="preview"
        className="mt-10 rounded-2xl border border-slate-200 bg-white p-5 sm:p-8"
      >
        <h2 id="preview" className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
          {t("studio:preview.heading")}
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
          <p className="mt-4 text-slate-700">{t("studio:preview.textUnavailable")}</p>
        )}
        {fm?.attestation ? (
          <blockquote className="mt-8 border-l-4 border-brand-600 pl-4 text-slate-800">
            {t("studio:preview.attestation", { statement: fm.attestation })}
          </blockquote>
        ) : null}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
