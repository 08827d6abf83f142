import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { DataTable } from "~/components/ui/data-table";
import type { Formatters } from "~/i18n/format";
import { useFormat } from "~/i18n/use-format";
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

function sentence(trend: StandardTrend, t: TFunction, format: Formatters) {
  const n = trend.points.length;
  const latest = trend.points.at(-1)!.rating;
  const first = trend.points[0]!.rating;
  const values = {
    count: n,
    ratings: format.number(n),
    latest: format.number(latest),
    first: format.number(first),
    average: format.number(trend.average ?? 0),
  };
  if (n < 2) return t("team:trend.single", values);
  if (latest > first) return t("team:trend.up", values);
  if (latest < first) return t("team:trend.down", values);
  return t("team:trend.unchanged", values);
}

export function TrendCharts({ trends }: { trends: StandardTrend[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rated = trends.filter((trend) => trend.points.length > 0);
  if (!rated.length) return <p className="text-sm text-slate-600">{t("team:trend.none")}</p>;
  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {rated.map((trend) => (
          <li
            key={trend.standardId}
            className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4"
          >
            <h3 className="text-sm font-semibold text-slate-900">{trend.title}</h3>
            <p className="mt-0.5 text-sm text-slate-700">{sentence(trend, t, format)}</p>
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
          {t("team:trend.asTable")}
        </summary>
        <DataTable
          className="mt-2"
          caption={t("team:trend.caption")}
          rows={rated}
          rowKey={(trend) => trend.standardId}
          columns={[
            {
              key: "standard",
              header: t("team:trend.standard"),
              rowHeader: true,
              className: "font-medium",
              cell: (trend) => trend.title,
            },
            {
              key: "ratings",
              header: t("team:trend.ratings"),
              cell: (trend) =>
                trend.points
                  .map((p) =>
                    t("team:trend.point", {
                      rating: format.number(p.rating),
                      date: format.dateTime(p.at),
                    }),
                  )
                  .join(", "),
            },
            {
              key: "average",
              header: t("team:trend.average"),
              className: "tabular-nums",
              cell: (trend) => (trend.average === null ? "" : format.number(trend.average)),
            },
          ]}
        />
      </details>
    </>
  );
}
