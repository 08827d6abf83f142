import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";

/** An observation's ratings as a description list: the standard, then its score or N/A. */
export function ObservationRatings({
  rated,
}: {
  rated: { id: string; title: string; rating: number | null }[];
}) {
  const { t } = useTranslation();
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2">
      {rated.map((r) => (
        <div
          key={r.id}
          className="flex items-baseline justify-between gap-3 border-b border-slate-100 py-1"
        >
          <dt className="text-slate-700">{r.title}</dt>
          <dd className="shrink-0 font-semibold text-slate-900 tabular-nums">
            {r.rating === null ? (
              <span className="font-normal text-slate-600">
                {t("team:observation.notApplicable")}
              </span>
            ) : (
              <>
                {r.rating}
                <span className="sr-only"> {t("team:observation.outOfFive")}</span>
                <span aria-hidden className="font-normal text-slate-500">
                  /5
                </span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * "Acknowledged by … on …" with the employee's comment, or that they have not seen it yet.
 * `who` is the person's name, or null when they are the reader ("by you").
 */
export function Acknowledgement({
  acknowledgedOn,
  comment,
  who,
}: {
  /** The instant, ISO: written in the viewer's language and time zone. */
  acknowledgedOn: string | null;
  comment: string | null;
  who: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!acknowledgedOn)
    return <p className="mt-3 text-sm text-slate-600">{t("team:observation.notAcknowledged")}</p>;
  const date = format.dateTime(acknowledgedOn);
  return (
    <div className="mt-3 rounded-lg bg-green-50 px-3 py-2 text-sm text-green-950">
      <p>
        {who === null
          ? t("team:observation.acknowledgedByYou", { date })
          : t("team:observation.acknowledgedBy", { name: who, date })}
      </p>
      {comment ? (
        <p className="mt-1 whitespace-pre-line">{t("team:observation.comment", { comment })}</p>
      ) : null}
    </div>
  );
}
