import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { ModuleProgress } from "~/training/completion.server";
import { ProgressBar } from "~/components/ui/progress-bar";
import { useFormat } from "~/i18n/use-format";

/** Completed (with date and version), or how many of the module's steps are done. */
export function CompletionBanner({
  progress,
  sectionsRead = progress.sectionsRead,
}: {
  progress: ModuleProgress;
  /** Sections read so far, counted live on the page (the loader's figure otherwise). */
  sectionsRead?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (progress.completion) {
    return (
      <p
        role="status"
        className="mt-5 rounded-xl border border-green-200 bg-green-50 px-4 py-3 text-green-900"
      >
        <Trans
          i18nKey="training:banner.completed"
          values={{
            date: format.date(progress.completion.completedAt),
            version: progress.completion.version,
          }}
          components={{ strong: <strong /> }}
        />{" "}
        <Link to="certificate" relative="path" className="font-semibold underline">
          {t("training:banner.viewCertificate")}
        </Link>
      </p>
    );
  }
  // The same steps /training and the team matrix count: each section read, each quiz passed,
  // each role-play finished and the statement signed.
  const steps =
    progress.sections + progress.quizzes + progress.scenarios + (progress.needsAttestation ? 1 : 0);
  const done =
    sectionsRead +
    progress.quizzesPassed +
    progress.scenariosFinished +
    (progress.attestation ? 1 : 0);
  if (!steps) return null;
  const tasks = [
    progress.sections ? t("training:banner.readSections", { count: progress.sections }) : null,
    progress.quizzes ? t("training:banner.passQuizzes", { count: progress.quizzes }) : null,
    progress.scenarios ? t("training:banner.finishRolePlays", { count: progress.scenarios }) : null,
    progress.needsAttestation ? t("training:banner.signStatement") : null,
  ].filter((task) => task !== null);
  return (
    <div className="mt-5 max-w-sm">
      <p className="text-sm text-slate-700">
        {t("training:banner.stepsDone", { done, count: steps, tasks: tasks.join(", ") })}
      </p>
      <ProgressBar
        label={t("training:banner.moduleProgress")}
        percent={(done / steps) * 100}
        className="mt-1.5"
      />
    </div>
  );
}
