import { useHydrated } from "~/utils/use-hydrated";
import { shortDate } from "~/utils/dates";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { SavedAssessment } from "~/team/self-assessment.server";
import type { Band } from "~/team/self-assessment";
import {
  assetFrom,
  bandText,
  losingUpTo,
  maxTotal,
  minTotal,
  selfAssessmentAreas,
} from "~/team/self-assessment";

export const bandStyles: Record<Band, string> = {
  asset: "border-green-200 bg-green-50 text-green-900",
  adequate: "border-amber-200 bg-amber-50 text-amber-900",
  losing: "border-red-200 bg-red-50 text-red-900",
};

// By hand, not toLocaleDateString: Node and Chromium abbreviate September differently.
export const formatDate = (iso: string) => shortDate(iso);

/** Per-area averages as a bar chart, with the same numbers as a list for screen readers. */
function AreaChart({ assessment }: { assessment: SavedAssessment }) {
  const hydrated = useHydrated();
  const rows = selfAssessmentAreas.map((area, i) => ({
    name: `${i + 1}. ${area.title}`,
    short: String(i + 1),
    average: assessment.areaAverages[area.id],
  }));
  return (
    <div>
      {/* The list below carries the numbers; the chart repeats them for the eye. */}
      <div aria-hidden className="h-64">
        {hydrated ? (
          <ResponsiveContainer
            width="100%"
            height="100%"
            initialDimension={{ width: 320, height: 256 }}
          >
            <BarChart
              id="self-assessment-areas"
              data={rows}
              margin={{ top: 16, right: 8, bottom: 0, left: -24 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="short" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
              <Bar
                dataKey="average"
                fill="#1a4fb0"
                radius={[4, 4, 0, 0]}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        ) : null}
      </div>
      <ol className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {rows.map((row) => (
          <li key={row.name} className="flex justify-between gap-3 border-b border-slate-100 py-1">
            <span>{row.name}</span>
            <span className="font-semibold tabular-nums">{row.average.toFixed(2)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One assessment: the total, the band and what it means, and the averages per area. */
export function SelfAssessmentResult({
  assessment,
  justSaved,
}: {
  assessment: SavedAssessment;
  justSaved: boolean;
}) {
  const band = bandText[assessment.band];
  return (
    <section
      aria-labelledby="result-heading"
      className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
    >
      <h2 id="result-heading" className="text-lg font-semibold">
        {justSaved ? "Saved: " : "Latest: "}assessment of {formatDate(assessment.assessedOn)}
      </h2>
      <div
        role={justSaved ? "status" : undefined}
        className={`mt-3 rounded-xl border px-4 py-3 ${bandStyles[assessment.band]}`}
      >
        <p className="text-lg font-semibold">
          Total {assessment.total.toFixed(1)} of {maxTotal}: {band.title}
        </p>
        <p className="text-sm">{band.advice}</p>
      </div>
      <p className="mt-3 text-sm text-slate-700">
        The total adds the seven area averages, so it runs from {minTotal} to {maxTotal}.{" "}
        {assetFrom} or more: service is an asset. {losingUpTo} or less: you are probably losing
        customers. In between (also 27.5 or 20.5): adequate, needs overall improvement.
      </p>
      <h3 className="mt-5 text-base font-semibold">Average per area (1–5)</h3>
      <AreaChart assessment={assessment} />
    </section>
  );
}
