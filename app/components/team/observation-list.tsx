import { Link } from "@remix-run/react";
import type { ObservationView } from "~/team/observations.server";
import { Acknowledgement, ObservationRatings } from "./observation-ratings";

/** A manager's view of one person's observations, newest first; each can lead to recognition. */
export function ObservationList({
  observations,
  employee,
}: {
  observations: ObservationView[];
  employee: { id: string; name: string };
}) {
  return (
    <ol className="space-y-4">
      {observations.map((o) => (
        <li key={o.id}>
          <article
            id={`observation-${o.id}`}
            aria-labelledby={`observation-${o.id}-title`}
            className="scroll-mt-6 rounded-2xl border border-slate-200 bg-white p-4 target:border-brand-600 target:ring-2 target:ring-brand-600/30 sm:p-5"
          >
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`observation-${o.id}-title`} className="font-semibold text-slate-900">
                {o.channel}, {o.observedOn}
              </h3>
              <p className="text-sm text-slate-600">Observed by {o.by}</p>
            </header>
            <ObservationRatings rated={o.rated} />
            {o.notes ? (
              <p className="mt-3 text-sm whitespace-pre-line text-slate-800">{o.notes}</p>
            ) : null}
            <Acknowledgement
              acknowledgedOn={o.acknowledgedOn}
              comment={o.comment}
              who={employee.name}
            />
            <p className="mt-3">
              <Link
                to={`/team/recognition?employee=${employee.id}&observation=${o.id}`}
                aria-label={`Recognise ${employee.name} for the observation of ${o.observedOn}`}
                className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
              >
                Recognise for this
              </Link>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
