import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import { ChartBox } from "~/components/ui/chart-box";
import { DataTable } from "~/components/ui/data-table";
import { useFormat } from "~/i18n/use-format";
import { fixedDecimals } from "~/team/numbers";
import type { SavedAssessment } from "~/team/self-assessment.server";
import { assetFrom, bandText, losingUpTo, maxTotal, minTotal } from "~/team/self-assessment";

/** Totals over time with the two band edges; the table under it is the text alternative. */
export function SelfAssessmentHistory({
  teamName,
  history,
}: {
  teamName: string;
  history: SavedAssessment[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const points = history.map((a) => ({ date: format.day(a.assessedOn), total: a.total }));
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("team:selfAssessment.history.title", { team: teamName })}
      </h2>
      {history.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("team:selfAssessment.history.empty")}</p>
      ) : (
        <>
          <figure className="mt-3 rounded-2xl border border-slate-200 bg-white p-4">
            <ChartBox>
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
                    value: t("team:selfAssessment.history.assetLine"),
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
                    value: t("team:selfAssessment.history.losingLine"),
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
            </ChartBox>
            <figcaption className="mt-2 text-sm text-slate-600">
              {t("team:selfAssessment.history.caption", {
                min: format.number(minTotal),
                max: format.number(maxTotal),
                asset: format.number(assetFrom),
                losing: format.number(losingUpTo),
              })}
            </figcaption>
          </figure>
          <DataTable
            className="mt-4"
            caption={t("team:selfAssessment.history.tableCaption", { team: teamName })}
            rows={history}
            rowKey={(a) => a.id}
            columns={[
              {
                key: "date",
                header: t("team:selfAssessment.history.date"),
                className: "whitespace-nowrap",
                cell: (a) => format.day(a.assessedOn),
              },
              {
                key: "total",
                header: t("team:selfAssessment.history.total"),
                className: "tabular-nums",
                cell: (a) => fixedDecimals(format.locale, a.total, 2),
              },
              {
                key: "band",
                header: t("team:selfAssessment.history.band"),
                cell: (a) => t(bandText[a.band].title),
              },
              {
                key: "by",
                header: t("team:selfAssessment.history.by"),
                cell: (a) => a.managerName,
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
