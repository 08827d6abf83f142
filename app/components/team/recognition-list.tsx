import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";
import type { RecognitionView } from "~/team/recognition.server";

/** Recognitions as cards: who, for what, points and badge. `showTo` for a wall of many people. */
export function RecognitionList({
  items,
  showTo = false,
  labelledBy,
}: {
  items: RecognitionView[];
  showTo?: boolean;
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul aria-labelledby={labelledBy} className="grid gap-3 sm:grid-cols-2">
      {items.map((r) => {
        const from = t("team:recognition.from", { name: r.from });
        const meta = [
          ...(showTo ? [from, ...(r.to.team ? [r.to.team] : [])] : []),
          format.dateTime(r.at),
          ...(r.observationId ? [t("team:recognition.forObservation")] : []),
        ];
        return (
          <li key={r.id} className="rounded-2xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-semibold text-slate-900">{showTo ? r.to.name : from}</p>
              <p className="flex items-center gap-2">
                {r.badge ? (
                  <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
                    {t(r.badge)}
                  </span>
                ) : null}
                <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-900 tabular-nums">
                  {t("team:recognition.pointCount", {
                    count: r.points,
                    points: format.number(r.points),
                  })}
                </span>
              </p>
            </div>
            <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{r.reason}</p>
            <p className="mt-2 text-xs text-slate-600">{meta.join(" · ")}</p>
          </li>
        );
      })}
    </ul>
  );
}
