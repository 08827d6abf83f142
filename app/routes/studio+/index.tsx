import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { DataTable } from "~/components/ui/data-table";
import { TranslationMatrix } from "~/components/content/translation-matrix";
import { studioList } from "~/content/modules.server";
import { translationMatrix } from "~/content/translations.server";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "studio");
  const metaTitle = fixedT(await requestLocale(request, user), "studio")("studio:list.metaTitle");
  const [modules, translations] = await Promise.all([studioList(), translationMatrix()]);
  return { modules, translations, metaTitle };
}

/** Frontmatter audience roles, as lower-case words in a list. */
const audienceRoles: Record<string, string> = {
  employee: "studio:list.roles.employee",
  manager: "studio:list.roles.manager",
  trainer: "studio:list.roles.trainer",
  admin: "studio:list.roles.admin",
};

function State({ problems, draft }: { problems: number; draft: boolean }) {
  const { t } = useTranslation();
  if (problems) {
    return (
      <span className="rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-semibold text-red-800">
        {t("studio:list.problems", { count: problems })}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap gap-1">
      <span className="rounded-full bg-green-100 px-2.5 py-0.5 text-xs font-semibold text-green-800">
        {t("studio:list.valid")}
      </span>
      {draft ? (
        <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900">
          {t("studio:list.draft")}
        </span>
      ) : null}
    </span>
  );
}

export default function StudioHome() {
  const { t } = useTranslation();
  const { modules, translations } = useLoaderData<typeof loader>();
  const broken = modules.filter((m) => m.problems > 0).length;
  const moduleCount = t("studio:list.moduleCount", { count: modules.length });
  return (
    <Page
      title={t("studio:name")}
      lead={
        broken
          ? t("studio:list.leadBroken", { count: broken, modules: moduleCount })
          : t("studio:list.leadValid", { modules: moduleCount })
      }
    >
      {modules.length === 0 ? (
        <EmptyState title={t("studio:list.emptyTitle")}>{t("studio:list.emptyBody")}</EmptyState>
      ) : (
        <DataTable
          caption={t("studio:list.caption")}
          rows={modules}
          rowKey={(m) => m.slug}
          columns={[
            {
              key: "module",
              header: t("studio:list.columns.module"),
              cell: (m) => (
                <>
                  <Link
                    to={`/studio/${m.slug}`}
                    className="font-medium text-brand-800 hover:underline"
                  >
                    {m.title}
                  </Link>
                  <p className="text-xs text-slate-600">{m.file}</p>
                </>
              ),
            },
            {
              key: "state",
              header: t("studio:list.columns.state"),
              cell: (m) => <State problems={m.problems} draft={m.draft} />,
            },
            {
              key: "version",
              header: t("studio:list.columns.version"),
              className: "tabular-nums",
              cell: (m) => m.version ?? "—",
            },
            {
              key: "practice",
              header: t("studio:list.columns.practice"),
              className: "whitespace-nowrap",
              cell: (m) =>
                m.scenarios
                  ? t("studio:list.practice", {
                      quizzes: t("studio:list.quizzes", { count: m.quizzes }),
                      rolePlays: t("studio:list.rolePlays", { count: m.scenarios }),
                    })
                  : t("studio:list.quizzes", { count: m.quizzes }),
            },
            {
              key: "audience",
              header: t("studio:list.columns.audience"),
              className: "text-slate-700",
              cell: (m) =>
                m.audience
                  ? [
                      ...m.audience.roles.map((role) => {
                        const label = audienceRoles[role];
                        return label ? t(label) : role;
                      }),
                      ...(m.audience.teams ?? []),
                    ].join(", ")
                  : "—",
            },
          ]}
        />
      )}
      {translations.length ? <TranslationMatrix rows={translations} /> : null}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
