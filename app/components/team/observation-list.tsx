import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";
import type { ObservationView } from "~/team/observations.server";
import { ObservationCard } from "./observation-card";
import { Acknowledgement } from "./observation-ratings";

/** A manager's view of one person's observations, newest first; each can lead to recognition. */
export function ObservationList({
  observations,
  employee,
}: {
  observations: ObservationView[];
  employee: { id: string; name: string };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="space-y-4">
      {observations.map((o) => (
        <li key={o.id}>
          <ObservationCard
            observation={o}
            className="target:border-brand-600 target:ring-2 target:ring-brand-600/30"
          >
            <Acknowledgement
              acknowledgedOn={o.acknowledgedOn}
              comment={o.comment}
              who={employee.name}
            />
            <p className="mt-3">
              <Link
                to={`/team/recognition?employee=${employee.id}&observation=${o.id}`}
                aria-label={t("team:observation.recogniseFor", {
                  name: employee.name,
                  date: format.dateTime(o.observedOn),
                })}
                className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
              >
                {t("team:observation.recogniseForThis")}
              </Link>
            </p>
          </ObservationCard>
        </li>
      ))}
    </ol>
  );
}
