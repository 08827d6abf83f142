import { useTranslation } from "react-i18next";
import type { TranslationMatrix as Matrix, TranslationCell } from "~/content/translations.server";
import { DataTable } from "~/components/ui/data-table";
import { localeNames, type Locale } from "~/i18n/config";

const tone: Record<TranslationCell["status"], string> = {
  current: "bg-green-100 text-green-800",
  stale: "bg-amber-100 text-amber-900",
  outdated: "bg-red-100 text-red-800",
  broken: "bg-red-100 text-red-800",
  missing: "bg-slate-100 text-slate-700",
};

function Cell({ cell }: { cell: TranslationCell }) {
  const { t } = useTranslation();
  return (
    <>
      <span
        className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${tone[cell.status]}`}
      >
        {t(`content:matrix.status.${cell.status}`)}
      </span>
      {cell.fromVersion && cell.status !== "current" ? (
        <p className="mt-1 text-xs text-slate-600">
          {t("content:matrix.fromVersion", { version: cell.fromVersion })}
        </p>
      ) : null}
      {cell.problems ? (
        <p className="mt-1 text-xs text-red-800">
          {t("content:matrix.problems", { count: cell.problems })}
        </p>
      ) : null}
      {cell.changedSections.length && cell.status !== "broken" ? (
        <details className="mt-1 text-xs text-slate-700">
          <summary className="cursor-pointer">
            {t("content:matrix.changed", { count: cell.changedSections.length })}
          </summary>
          <ul className="mt-1 list-disc pl-4">
            {cell.changedSections.map((s) => (
              <li key={s.id}>{s.title ?? t("content:topSection")}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** Module × language: how each translation stands against the English text as it is now. */
export function TranslationMatrix({ rows }: { rows: Matrix }) {
  const { t } = useTranslation();
  const languages = (rows[0]?.cells ?? []).map((c) => c.locale as Locale);
  const statuses = ["current", "stale", "outdated", "broken", "missing"] as const;
  return (
    <section aria-labelledby="translations-heading" className="mt-10">
      <h2 id="translations-heading" className="text-xl font-bold text-slate-900">
        {t("content:matrix.title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("content:matrix.lead")}</p>
      <DataTable
        className="mt-4"
        caption={t("content:matrix.caption")}
        rows={rows}
        rowKey={(row) => row.slug}
        columns={[
          {
            key: "module",
            header: t("content:matrix.module"),
            rowHeader: true,
            headClassName: "sticky left-0 bg-slate-50",
            className:
              "sticky left-0 min-w-36 bg-white font-medium text-slate-900 shadow-[1px_0_0_var(--color-slate-200)]",
            cell: (row) => (
              <>
                {row.title}
                <span className="block text-xs font-normal text-slate-600">
                  {t("content:matrix.english", { version: row.version })}
                </span>
              </>
            ),
          },
          ...languages.map((locale) => ({
            key: locale,
            header: localeNames[locale],
            lang: locale,
            cell: (row: Matrix[number]) => {
              const cell = row.cells.find((c) => c.locale === locale);
              return cell ? <Cell cell={cell} /> : null;
            },
          })),
        ]}
      />
      <details className="mt-3 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium">{t("content:matrix.legendTitle")}</summary>
        <dl className="mt-2 grid gap-1 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          {statuses.map((status) => (
            <div key={status} className="contents">
              <dt className="font-semibold">{t(`content:matrix.status.${status}`)}</dt>
              <dd>{t(`content:matrix.legend.${status}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2">{t("content:matrix.howTo")}</p>
      </details>
    </section>
  );
}
