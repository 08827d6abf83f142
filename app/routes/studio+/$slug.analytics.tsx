import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { QuizTable, ScenarioTables } from "~/components/content/analytics-tables";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { minGroup } from "~/content/analytics";
import { moduleAnalytics } from "~/content/analytics.server";
import { isLocale, localeNames, locales } from "~/i18n/config";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "studio");
  const t = fixedT(await requestLocale(request, user), "studio");
  // ?language=sl: only records made in that language; anything else means every language.
  const language = new URL(request.url).searchParams.get("language");
  const analytics = await moduleAnalytics(params.slug ?? "", isLocale(language) ? language : null);
  return { ...analytics, metaTitle: t("studio:analytics.metaTitle", { title: analytics.title }) };
}

/** Every language, or only the records made in one (the language a quiz or role-play was shown in). */
function LanguageFilter({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const options = [null, ...locales] as const;
  return (
    <nav aria-label={t("content:analytics.filterLabel")} className="mt-6">
      <p className="text-sm font-medium text-slate-800">{t("content:analytics.filterLabel")}</p>
      <ul className="mt-2 flex flex-wrap gap-1">
        {options.map((locale) => (
          <li key={locale ?? "all"}>
            <Link
              to={locale ? `?language=${locale}` : "?"}
              lang={locale ?? undefined}
              aria-current={locale === current ? "page" : undefined}
              className={`block rounded-md px-3 py-1.5 text-sm ${
                locale === current
                  ? "bg-brand-50 font-semibold text-brand-800"
                  : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {locale ? localeNames[locale] : t("content:analytics.allLanguages")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function ModuleAnalyticsPage() {
  const { t } = useTranslation();
  const analytics = useLoaderData<typeof loader>();
  const major = analytics.version?.split(".")[0];
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <nav aria-label={t("studio:breadcrumb")} className="text-sm text-slate-600">
        <Link to="/studio" className="hover:text-slate-900 hover:underline">
          {t("studio:name")}
        </Link>
        <span aria-hidden> / </span>
        <Link to={`/studio/${analytics.slug}`} className="hover:text-slate-900 hover:underline">
          {analytics.slug}
        </Link>
        <span aria-hidden> / </span>
        <span>{t("studio:analytics.name")}</span>
      </nav>
      <h1 className="mt-3 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        {t("studio:analytics.title", { title: analytics.title })}
      </h1>
      <p className="mt-2 max-w-prose text-slate-700">
        {major ? t("studio:analytics.scope", { major }) : t("studio:analytics.noVersion")}{" "}
        {t("studio:analytics.anonymous", { count: minGroup })}
      </p>

      <LanguageFilter current={analytics.language} />

      <section aria-labelledby="questions-heading" className="mt-8">
        <h2 id="questions-heading" className="text-lg font-semibold">
          {t("studio:analytics.questions")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("studio:analytics.questionsLead")}</p>
        {analytics.quizzes.length ? (
          analytics.quizzes.map((quiz) => <QuizTable key={quiz.id} quiz={quiz} />)
        ) : (
          <p className="mt-2 text-slate-700">{t("studio:analytics.noQuiz")}</p>
        )}
      </section>

      <section aria-labelledby="scenarios-heading" className="mt-10">
        <h2 id="scenarios-heading" className="text-lg font-semibold">
          {t("studio:analytics.rolePlays")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("studio:analytics.rolePlaysLead")}</p>
        {analytics.scenarios.length ? (
          analytics.scenarios.map((s) => <ScenarioTables key={s.id} scenario={s} />)
        ) : (
          <p className="mt-2 text-slate-700">{t("studio:analytics.noRolePlay")}</p>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
