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
  return (
    <ul aria-labelledby={labelledBy} className="grid gap-3 sm:grid-cols-2">
      {items.map((r) => (
        <li key={r.id} className="rounded-2xl border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-semibold text-slate-900">{showTo ? r.to.name : `From ${r.from}`}</p>
            <p className="flex items-center gap-2">
              {r.badge ? (
                <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
                  {r.badge}
                </span>
              ) : null}
              <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-900 tabular-nums">
                {r.points} {r.points === 1 ? "point" : "points"}
              </span>
            </p>
          </div>
          <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{r.reason}</p>
          <p className="mt-2 text-xs text-slate-600">
            {showTo ? `From ${r.from}${r.to.team ? ` · ${r.to.team}` : ""} · ` : ""}
            {r.on}
            {r.observationId ? " · for an observation" : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
