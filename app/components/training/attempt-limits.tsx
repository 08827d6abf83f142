import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";
import type { AttemptsView } from "~/training/attempt-rules";

/**
 * What the attempt rules leave the learner (docs/authoring.md, "Attempt rules"): attempts left,
 * a wait after a failed attempt, or none left. Nothing where the quiz or role-play has no rule.
 */
export function AttemptLimits({ limits, passed }: { limits: AttemptsView; passed: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (limits.blocked === "used-up") {
    return passed ? (
      <p className="text-sm text-slate-600">
        {t("training:attempts.allUsed", { count: limits.allowed ?? 0 })}
      </p>
    ) : (
      <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t("training:attempts.usedUp", { count: limits.allowed ?? 0 })}
      </p>
    );
  }
  if (limits.blocked === "wait") {
    return (
      <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t("training:attempts.wait", { time: format.dateTime(limits.nextAt!) })}
      </p>
    );
  }
  if (limits.left === null) return null;
  return (
    <p className="text-sm text-slate-600">{t("training:attempts.left", { count: limits.left })}</p>
  );
}
