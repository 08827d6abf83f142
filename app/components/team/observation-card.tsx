import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";
import { ObservationRatings } from "./observation-ratings";

type CardObservation = {
  id: string;
  /** The channel's message key (a channel no longer offered: as stored). */
  channel: string;
  /** The instant observed, ISO: written in the viewer's language and time zone. */
  observedOn: string;
  by: string;
  rated: Parameters<typeof ObservationRatings>[0]["rated"];
  notes: string;
};

/** One observation as an article (channel, date, observer, ratings, notes); the viewer adds the rest. */
export function ObservationCard({
  observation: o,
  className = "",
  children,
}: {
  observation: CardObservation;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article
      id={`observation-${o.id}`}
      aria-labelledby={`observation-${o.id}-title`}
      className={`scroll-mt-6 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5 ${className}`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`observation-${o.id}-title`} className="font-semibold text-slate-900">
          {t("team:observation.cardTitle", {
            channel: t(o.channel, { defaultValue: o.channel }),
            date: format.dateTime(o.observedOn),
          })}
        </h3>
        <p className="text-sm text-slate-600">{t("team:observation.by", { name: o.by })}</p>
      </header>
      <ObservationRatings rated={o.rated} />
      {o.notes ? (
        <p className="mt-3 text-sm whitespace-pre-line text-slate-800">{o.notes}</p>
      ) : null}
      {children}
    </article>
  );
}
