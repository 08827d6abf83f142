import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { useFormat } from "~/i18n/use-format";
import type { ModuleCompletion, OverduePoint } from "~/team/matrix-charts";
import { niceTicks } from "~/team/matrix-charts";
import { statusOrder } from "~/team/matrix-filters";
import type { Status } from "~/training/rollout/due";
import { statusLabels } from "~/training/rollout/due";

// Charts are drawn at a fixed size, on the server too, and scaled to their box by CSS; recharts'
// own responsive container would only draw after hydration. Fixed ids keep the generated clip-path
// ids equal on server and client. The SVG is decoration for screen readers: each chart has a
// summary sentence and its numbers as a table.

const colors: Record<Status, string> = {
  completed: "#15803d",
  overdue: "#dc2626",
  "needs-retraining": "#7c3aed",
  "in-progress": "#0284c7",
  "not-started": "#94a3b8",
};

/** Both charts' drawing width: a phone's card, scaled up on wider screens. */
const chartWidth = 400;

const scaled =
  "[&_.recharts-surface]:h-auto [&_.recharts-surface]:w-full [&_.recharts-wrapper]:mx-auto [&_.recharts-wrapper]:h-auto! [&_.recharts-wrapper]:w-full! [&_.recharts-wrapper]:max-w-md";

// recharts' own tick labels measure text in the DOM to wrap and thin them out, which the server
// cannot do, so server and browser would draw different labels. These draw plain text, and every
// axis names a fixed interval instead of a measured one.
type TickProps = { x?: number; y?: number; payload?: { value: string | number } };

function ModuleTick({ x = 0, y = 0, payload }: TickProps) {
  const title = String(payload?.value ?? "");
  const label = title.length > 19 ? `${title.slice(0, 18).trimEnd()}…` : title;
  return (
    <text x={x - 6} y={y} dy={4} textAnchor="end" fontSize={12} fill="#334155">
      <title>{title}</title>
      {label}
    </text>
  );
}

function PlainTick({
  x = 0,
  y = 0,
  payload,
  axis,
  format = String,
}: TickProps & { axis: "x" | "y"; format?: (value: string) => string }) {
  const label = format(String(payload?.value ?? ""));
  return axis === "x" ? (
    <text x={x} y={y} dy={14} textAnchor="middle" fontSize={12} fill="#334155">
      {label}
    </text>
  ) : (
    <text x={x - 6} y={y} dy={4} textAnchor="end" fontSize={12} fill="#334155">
      {label}
    </text>
  );
}

function ChartFrame({
  id,
  title,
  summary,
  children,
  table,
}: {
  id: string;
  title: string;
  summary: string;
  children: React.ReactNode;
  table: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{summary}</p>
      {/* As an image its name is the summary above; the numbers are in the table below it. */}
      <div className={`mt-3 ${scaled}`} role="img" aria-label={summary}>
        {children}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-800">
          {t("team:charts.asTable")}
        </summary>
        <div
          className="mt-2 overflow-x-auto"
          role="region"
          aria-label={t("team:charts.numbersOf", { title })}
          tabIndex={0}
        >
          {table}
        </div>
      </details>
    </section>
  );
}

const cellClass = "border-b border-slate-100 px-2 py-1.5";

/**
 * Stacked bars per module, drawn as plain SVG: with fifty modules recharts spent tens of
 * milliseconds a page on its 250 bars. Same layout as the line chart's axes and grid.
 */
function CompletionBars({ data }: { data: ModuleCompletion[] }) {
  const format = useFormat();
  // Drawn for a phone's width and scaled to the card: the whole chart fits from 360 px up.
  const width = chartWidth;
  const height = Math.max(160, 40 * data.length + 40);
  const left = 8 + 140; // margin + module names
  const right = width - 16;
  const top = 16;
  const bottom = height - 8 - 30; // margin + number axis
  const ticks = niceTicks(
    Math.max(0, ...data.map((m) => statusOrder.reduce((n, s) => n + m[s], 0))),
  );
  const x = (value: number) => left + (value / ticks.at(-1)!) * (right - left);
  const band = data.length ? (bottom - top) / data.length : 0;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="mx-auto h-auto w-full max-w-md"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} stroke="#e2e8f0" />
          <line x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + 6} stroke="#666" />
          <PlainTick
            axis="x"
            x={x(t)}
            y={bottom + 8}
            payload={{ value: t }}
            format={(value) => format.number(Number(value))}
          />
        </g>
      ))}
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="#666" />
      <line x1={left} x2={left} y1={top} y2={bottom} stroke="#666" />
      {data.map((m, row) => {
        const middle = top + band * (row + 0.5);
        let from = 0;
        return (
          <g key={m.slug}>
            <line x1={left - 6} x2={left} y1={middle} y2={middle} stroke="#666" />
            <ModuleTick x={left - 6} y={middle} payload={{ value: m.title }} />
            {statusOrder.map((s) => {
              const start = from;
              from += m[s];
              return m[s] > 0 ? (
                <rect
                  key={s}
                  x={x(start)}
                  y={middle - band * 0.4}
                  width={x(from) - x(start)}
                  height={band * 0.8}
                  fill={colors[s]}
                />
              ) : null;
            })}
          </g>
        );
      })}
    </svg>
  );
}

export function CompletionChart({ data }: { data: ModuleCompletion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = (s: Status) => data.reduce((sum, m) => sum + m[s], 0);
  const summary =
    data.length === 0
      ? t("team:charts.completion.empty")
      : t("team:charts.completion.summary", {
          count: data.length,
          modules: format.number(data.length),
          counts: statusOrder
            .map((s) =>
              t(`team:charts.completion.statusCount.${s}`, {
                count: total(s),
                n: format.number(total(s)),
              }),
            )
            .join(", "),
        });
  return (
    <ChartFrame
      id="completion-chart"
      title={t("team:charts.completion.title")}
      summary={summary}
      table={
        <table className="w-full text-left">
          <thead>
            <tr>
              <th scope="col" className={cellClass}>
                {t("team:charts.completion.module")}
              </th>
              {statusOrder.map((s) => (
                <th key={s} scope="col" className={`${cellClass} text-right`}>
                  {t(statusLabels[s])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((m) => (
              <tr key={m.slug}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {m.title}
                </th>
                {statusOrder.map((s) => (
                  <td key={s} className={`${cellClass} text-right tabular-nums`}>
                    {format.number(m[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <CompletionBars data={data} />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {statusOrder.map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ background: colors[s] }} />
            {t(statusLabels[s])}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}

export function OverdueChart({ data }: { data: OverduePoint[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = data.at(-1)?.overdue ?? 0;
  const then = data[0]?.overdue ?? 0;
  const summary = data.length
    ? t("team:charts.overdue.summary", {
        count: now,
        now: format.number(now),
        then: format.number(then),
        date: format.day(data[0]!.date),
        period: t("team:charts.overdue.period", {
          count: data.length,
          weeks: format.number(data.length),
        }),
      })
    : t("team:charts.overdue.empty");
  const itemsLabel = t("team:charts.overdue.items");
  return (
    <ChartFrame
      id="overdue-chart"
      title={t("team:charts.overdue.title")}
      summary={summary}
      table={
        <table className="w-full text-left">
          <thead>
            <tr>
              <th scope="col" className={cellClass}>
                {t("team:charts.overdue.weekEnding")}
              </th>
              <th scope="col" className={`${cellClass} text-right`}>
                {itemsLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.date}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {format.day(p.date)}
                </th>
                <td className={`${cellClass} text-right tabular-nums`}>
                  {format.number(p.overdue)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LineChart
        id="overdue-chart"
        width={chartWidth}
        height={220}
        data={data}
        // Room on the right for half of the last date, centred under the latest point.
        margin={{ top: 16, right: 36, bottom: 8, left: 8 }}
      >
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis
          dataKey="date"
          interval={2}
          tick={<PlainTick axis="x" format={(date) => format.day(date, false)} />}
        />
        <YAxis
          allowDecimals={false}
          interval={0}
          // Room for the longest count: four digits did not fit in 40 px.
          width={Math.max(
            40,
            16 + 8 * format.number(Math.max(0, ...data.map((p) => p.overdue))).length,
          )}
          tick={<PlainTick axis="y" format={(value) => format.number(Number(value))} />}
        />
        <Line
          type="linear"
          dataKey="overdue"
          name={itemsLabel}
          stroke={colors.overdue}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
