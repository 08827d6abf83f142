import { useHydrated } from "~/utils/use-hydrated";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import type { SavedAssessment } from "~/team/self-assessment.server";
import { assetFrom, bandText, losingUpTo, maxTotal, minTotal } from "~/team/self-assessment";
import { formatDate } from "./self-assessment-result";

/** Totals over time with the two band edges; the table under it is the text alternative. */
export function SelfAssessmentHistory({
  teamName,
  history,
}: {
  teamName: string;
  history: SavedAssessment[];
}) {
  const hydrated = useHydrated();
  const points = history.map((a) => ({ date: formatDate(a.assessedOn), total: a.total }));
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="text-lg font-semibold">
        History of {teamName}
      </h2>
      {history.length === 0 ? (
        <p className="mt-2 text-slate-700">No assessments yet. Save the first one above.</p>
      ) : (
        <>
          <figure className="mt-3 rounded-2xl border border-slate-200 bg-white p-4">
            <div aria-hidden className="h-64">
              {hydrated ? (
                <ResponsiveContainer
                  width="100%"
                  height="100%"
                  initialDimension={{ width: 320, height: 256 }}
                >
                  <LineChart
                    id="self-assessment-history"
                    data={points}
                    margin={{ top: 16, right: 16, bottom: 0, left: -16 }}
                  >
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="date" tick={{ fontSize: 12 }} />
                    <YAxis
                      domain={[minTotal, maxTotal]}
                      ticks={[7, 14, 20, 28, 35]}
                      tick={{ fontSize: 12 }}
                    />
                    <ReferenceLine
                      y={assetFrom}
                      stroke="#15803d"
                      strokeDasharray="4 4"
                      label={{
                        value: "Asset",
                        position: "insideTopLeft",
                        fontSize: 12,
                        fill: "#166534",
                      }}
                    />
                    <ReferenceLine
                      y={losingUpTo}
                      stroke="#b91c1c"
                      strokeDasharray="4 4"
                      label={{
                        value: "Losing",
                        position: "insideBottomLeft",
                        fontSize: 12,
                        fill: "#991b1b",
                      }}
                    />
                    <Line
                      type="monotone"
                      dataKey="total"
                      stroke="#1a4fb0"
                      strokeWidth={2}
                      dot={{ r: 4 }}
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              ) : null}
            </div>
            <figcaption className="mt-2 text-sm text-slate-600">
              Total per assessment ({minTotal}–{maxTotal}); dashed lines at {assetFrom} (asset) and{" "}
              {losingUpTo} (losing customers).
            </figcaption>
          </figure>
          <div className="mt-4 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Self-assessments of {teamName}, oldest first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    Date
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    Total
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    Band
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    By
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.map((a) => (
                  <tr key={a.id}>
                    <td className="px-4 py-2.5 whitespace-nowrap">{formatDate(a.assessedOn)}</td>
                    <td className="px-4 py-2.5 tabular-nums">{a.total.toFixed(1)}</td>
                    <td className="px-4 py-2.5">{bandText[a.band].title}</td>
                    <td className="px-4 py-2.5">{a.managerName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
