import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartBox } from "~/components/ui/chart-box";
import type { SelfAssessmentText } from "~/content/self-assessment.server";
import { useFormat } from "~/i18n/use-format";
import { fixedDecimals } from "~/team/numbers";
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

/** Per-area averages as a bar chart, with the same numbers as a list for screen readers. */
function AreaChart({
  assessment,
  text,
}: {
  assessment: SavedAssessment;
  text: SelfAssessmentText;
}) {
  const format = useFormat();
  const rows = selfAssessmentAreas.map((area, i) => ({
    name: `${i + 1}. ${text.areas.find((a) => a.id === area.id)?.title ?? area.title}`,
    short: String(i + 1),
    average: assessment.areaAverages[area.id],
  }));
  return (
    <div>
      {/* The list below carries the numbers; the chart repeats them for the eye. */}
      <ChartBox>
        <BarChart
          id="self-assessment-areas"
          data={rows}
          margin={{ top: 16, right: 8, bottom: 0, left: -24 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="short" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
          <Bar dataKey="average" fill="#1a4fb0" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartBox>
      <ol className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {rows.map((row) => (
          <li key={row.name} className="flex justify-between gap-3 border-b border-slate-100 py-1">
            <span>{row.name}</span>
            <span className="font-semibold tabular-nums">
              {fixedDecimals(format.locale, row.average, 2)}
            </span>
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
  text,
}: {
  assessment: SavedAssessment;
  justSaved: boolean;
  text: SelfAssessmentText;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const band = bandText[assessment.band];
  const date = format.day(assessment.assessedOn);
  return (
    <section
      aria-labelledby="result-heading"
      className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
    >
      <h2 id="result-heading" className="text-lg font-semibold">
        {justSaved
          ? t("team:selfAssessment.result.saved", { date })
          : t("team:selfAssessment.result.latest", { date })}
      </h2>
      <div
        role={justSaved ? "status" : undefined}
        className={`mt-3 rounded-xl border px-4 py-3 ${bandStyles[assessment.band]}`}
      >
        <p className="text-lg font-semibold">
          {t("team:selfAssessment.result.total", {
            total: fixedDecimals(format.locale, assessment.total, 2),
            max: format.number(maxTotal),
            band: t(band.title),
          })}
        </p>
        <p className="text-sm">{t(band.advice)}</p>
      </div>
      <p className="mt-3 text-sm text-slate-700">
        {t("team:selfAssessment.result.explanation", {
          min: format.number(minTotal),
          max: format.number(maxTotal),
          asset: format.number(assetFrom),
          losing: format.number(losingUpTo),
          upper: format.number(27.5),
          lower: format.number(20.5),
        })}
      </p>
      <h3 className="mt-5 text-base font-semibold">{t("team:selfAssessment.result.perArea")}</h3>
      <AreaChart assessment={assessment} text={text} />
    </section>
  );
}
