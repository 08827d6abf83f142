import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import type { StandardTrend } from "~/team/trend";

// One small chart per standard (small multiples): eleven lines in one chart are unreadable.
// Drawn at a fixed size on the server too and scaled by CSS; a fixed id per chart keeps the
// generated clip-path ids equal on server and client. The SVG is hidden from screen readers:
// each chart has a sentence, and all ratings are in a table below.

// Recharts' own tick text measures itself in the browser only: a plain <text> renders the same
// on both sides (otherwise hydration fails on every tick).
function ScoreTick({
  x = 0,
  y = 0,
  payload,
}: {
  x?: number;
  y?: number;
  payload?: { value: number };
}) {
  return (
    <text x={x - 6} y={y} dy={4} textAnchor="end" fontSize={12} fill="#334155">
      {String(payload?.value ?? "")}
    </text>
  );
}

// Where 1–5 fall: a 140 px chart with a 16 px top margin and a 4 px x-axis leaves 120 px.
const gridLines = [16, 46, 76, 106, 136];

const scaled =
  "[&_.recharts-surface]:h-auto [&_.recharts-surface]:w-full [&_.recharts-wrapper]:h-auto! [&_.recharts-wrapper]:w-full!";

function sentence(trend: StandardTrend) {
  const n = trend.points.length;
  const latest = trend.points.at(-1)!.rating;
  const first = trend.points[0]!.rating;
  const change =
    n < 2
      ? ""
      : latest > first
        ? ", up from " + first
        : latest < first
          ? ", down from " + first
          : ", unchanged";
  return `${n} ${n === 1 ? "rating" : "ratings"}, latest ${latest}${change}; average ${trend.average}.`;
}

export function TrendCharts({ trends }: { trends: StandardTrend[] }) {
  const rated = trends.filter((t) => t.points.length > 0);
  if (!rated.length)
    return <p className="text-sm text-slate-600">No standard has been rated yet.</p>;
  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {rated.map((trend) => (
          <li
            key={trend.standardId}
            className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4"
          >
            <h3 className="text-sm font-semibold text-slate-900">{trend.title}</h3>
            <p className="mt-0.5 text-sm text-slate-700">{sentence(trend)}</p>
            <div className={`mt-2 ${scaled}`} aria-hidden>
              <LineChart
                id={`trend-${trend.standardId}`}
                width={320}
                height={140}
                data={trend.points}
                margin={{ top: 16, right: 12, bottom: 0, left: 0 }}
              >
                {/* Recharts derives grid lines differently on the server: given explicitly. */}
                <CartesianGrid stroke="#e2e8f0" vertical={false} horizontalPoints={gridLines} />
                <XAxis dataKey="label" tick={false} height={4} />
                <YAxis
                  domain={[1, 5]}
                  ticks={[1, 2, 3, 4, 5]}
                  interval={0}
                  width={40}
                  tick={<ScoreTick />}
                />
                <Line
                  id={`trend-line-${trend.standardId}`}
                  type="linear"
                  dataKey="rating"
                  stroke="#1d4ed8"
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              </LineChart>
            </div>
          </li>
        ))}
      </ul>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer font-medium text-brand-800">
          The ratings as a table
        </summary>
        <div className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">Ratings per standard, oldest first</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Standard
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Ratings, oldest first
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Average
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rated.map((trend) => (
                <tr key={trend.standardId}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {trend.title}
                  </th>
                  <td className="px-3 py-2">
                    {trend.points.map((p) => `${p.rating} (${p.label})`).join(", ")}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{trend.average}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
