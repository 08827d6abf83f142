import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ModuleProgress } from "~/training/completion.server";
import { useFormat } from "~/i18n/use-format";
import type { Status } from "~/training/rollout/due";

export type NextModule = { slug: string; title: string; status: Status; dueDate: string } | null;

const check = (
  <svg viewBox="0 0 20 20" className="size-5" fill="currentColor" aria-hidden>
    <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" />
  </svg>
);

/**
 * The end of a completed module: what was achieved, the certificate, and the next module by
 * urgency (or word that everything assigned is done).
 */
export function ModuleFinished({
  title,
  progress,
  next,
}: {
  title: string;
  progress: ModuleProgress;
  next: NextModule;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const completion = progress.completion!;
  const achieved = [
    progress.sections ? t("training:finished.read", { count: progress.sections }) : null,
    progress.quizzes ? t("training:finished.quizzes", { count: progress.quizzes }) : null,
    progress.scenarios ? t("training:finished.rolePlays", { count: progress.scenarios }) : null,
    progress.needsAttestation ? t("training:finished.signed") : null,
  ].filter((line) => line !== null);
  return (
    <section
      id="module-complete"
      aria-labelledby="module-complete-title"
      tabIndex={-1}
      className="not-prose my-10 scroll-mt-20 overflow-hidden rounded-2xl border border-green-200 bg-white shadow-sm outline-none"
    >
      <div className="bg-green-50 px-5 py-5 sm:px-6">
        <p className="flex items-center gap-2 text-sm font-semibold text-green-800">
          <span className="flex size-7 items-center justify-center rounded-full bg-green-600 text-white">
            {check}
          </span>
          {t("training:finished.badge")}
        </p>
        <h2
          id="module-complete-title"
          className="mt-2 text-xl font-bold text-slate-900 sm:text-2xl"
        >
          {t("training:finished.title", { title })}
        </h2>
        <p className="mt-1 text-slate-700">
          {t("training:finished.when", {
            date: format.date(completion.completedAt),
            version: completion.version,
          })}
        </p>
        {achieved.length ? (
          <ul className="mt-3 grid gap-1.5 text-sm text-slate-800 sm:grid-cols-2">
            {achieved.map((line) => (
              <li key={line} className="flex items-center gap-2">
                <span className="text-green-700">{check}</span>
                {line}
              </li>
            ))}
          </ul>
        ) : null}
        <Link
          to="certificate"
          relative="path"
          className="mt-4 inline-flex rounded-lg border border-green-700 bg-white px-4 py-2.5 text-sm font-semibold text-green-900 hover:bg-green-100"
        >
          {t("training:finished.certificate")}
        </Link>
      </div>
      <div className="border-t border-green-100 px-5 py-5 sm:px-6">
        {next ? (
          <>
            <p className="text-sm font-semibold text-slate-600">
              {t("training:finished.nextLabel")}
            </p>
            <p className="mt-1 text-lg font-semibold text-slate-900">{next.title}</p>
            <p
              className={`text-sm ${next.status === "overdue" ? "font-semibold text-red-800" : "text-slate-700"}`}
            >
              {next.status === "overdue"
                ? t("training:finished.nextOverdue", { date: format.day(next.dueDate) })
                : t("training:finished.nextDue", { date: format.day(next.dueDate) })}
            </p>
            <Link
              to={`/training/${next.slug}`}
              className="mt-3 inline-flex rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
            >
              {t("training:finished.startNext")}
            </Link>
          </>
        ) : (
          <>
            <p className="font-semibold text-slate-900">{t("training:finished.allDone")}</p>
            <Link
              to="/training"
              className="mt-2 inline-flex text-sm font-semibold text-brand-700 underline"
            >
              {t("training:finished.backToTraining")}
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
