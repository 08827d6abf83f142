import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import { ChartBox } from "~/components/ui/chart-box";
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
          <div className="mt-4 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                {t("team:selfAssessment.history.tableCaption", { team: teamName })}
              </caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    {t("team:selfAssessment.history.date")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    {t("team:selfAssessment.history.total")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    {t("team:selfAssessment.history.band")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">
                    {t("team:selfAssessment.history.by")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.map((a) => (
                  <tr key={a.id}>
                    <td className="px-4 py-2.5 whitespace-nowrap">{format.day(a.assessedOn)}</td>
                    <td className="px-4 py-2.5 tabular-nums">
                      {fixedDecimals(format.locale, a.total, 1)}
                    </td>
                    <td className="px-4 py-2.5">{t(bandText[a.band].title)}</td>
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
