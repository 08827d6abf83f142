import { useTranslation } from "react-i18next";
import { dataCell, headingsOf, TableFrame } from "~/components/ui/data-table";
import { isLocale, localeNames } from "~/i18n/config";
import type { QuizAnalytics, ScenarioAnalytics } from "~/content/analytics.server";
import { minGroup } from "~/content/analytics";
import { useFormat } from "~/i18n/use-format";

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** What a share counts: "3 of 5 learners (60%)". */
const shareKeys = {
  learners: "studio:analytics.shareLearners",
  replies: "studio:analytics.shareReplies",
  runs: "studio:analytics.shareRuns",
} as const;

/** A count with its share as a bar; the text carries the numbers, the bar only repeats them. */
function ShareBar({
  part,
  whole,
  unit,
}: {
  part: number;
  whole: number;
  unit: keyof typeof shareKeys;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = percent(part, whole);
  return (
    <div className="flex min-w-28 flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
      <div aria-hidden className="h-2.5 w-24 shrink-0 rounded-full bg-slate-200 sm:w-40">
        <div className="h-2.5 rounded-full bg-brand-600" style={{ width: `${value}%` }} />
      </div>
      <span className="text-sm tabular-nums sm:whitespace-nowrap">
        {t(shareKeys[unit], {
          count: whole,
          part: format.number(part),
          whole: format.number(whole),
          percent: format.percent(value / 100),
        })}
      </span>
    </div>
  );
}

export function TooFew() {
  const { t } = useTranslation();
  return (
    <span className="text-sm text-slate-600 italic">
      {t("studio:analytics.tooFew", { count: minGroup })}
    </span>
  );
}

export function QuizTable({ quiz }: { quiz: QuizAnalytics }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`quiz-${quiz.id}`} className="mt-6">
      <h3 id={`quiz-${quiz.id}`} className="text-base font-semibold">
        {t("studio:quizTitle", { title: quiz.title })}
      </h3>
      <TableFrame
        className="mt-3"
        caption={t("studio:analytics.quizCaption", { title: quiz.title })}
        headings={headingsOf(t("studio:analytics.question"), t("studio:analytics.rightFirst"))}
      >
        {quiz.questions.map((q, i) => (
          <tr key={q.id}>
            <td className={dataCell}>
              <span className="text-slate-600 tabular-nums">{i + 1}.</span> {q.prompt}
            </td>
            <td className={dataCell}>
              {q.stats.hidden ? (
                <TooFew />
              ) : (
                <ShareBar part={q.stats.correct} whole={q.stats.learners} unit="learners" />
              )}
              {q.byLanguage.length > 1 ? <ByLanguage rows={q.byLanguage} /> : null}
            </td>
          </tr>
        ))}
      </TableFrame>
    </section>
  );
}

/** The same share per language the quiz was shown in: one much lower points at its translation. */
function ByLanguage({ rows }: { rows: QuizAnalytics["questions"][number]["byLanguage"] }) {
  const { t } = useTranslation();
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-700">
        {t("content:analytics.byLanguage")}
      </summary>
      <dl className="mt-2 grid gap-2">
        {rows.map((row) => (
          <div key={row.locale}>
            <dt lang={row.locale} className="font-medium text-slate-800">
              {isLocale(row.locale) ? localeNames[row.locale] : row.locale}
            </dt>
            <dd>
              {row.stats.hidden ? (
                <TooFew />
              ) : (
                <ShareBar part={row.stats.correct} whole={row.stats.learners} unit="learners" />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function ScenarioTables({ scenario }: { scenario: ScenarioAnalytics }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { endings, abandoned } = scenario;
  return (
    <section aria-labelledby={`scenario-${scenario.id}`} className="mt-8">
      <h3 id={`scenario-${scenario.id}`} className="text-base font-semibold">
        {t("studio:rolePlayTitle", { title: scenario.title })}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {t(`studio:preview.scoring.${scenario.scoring}`, {
          maxScore: scenario.maxScore === null ? "—" : format.number(scenario.maxScore),
        })}
      </p>
      {scenario.scores ? (
        <>
          <h4 className="mt-4 text-sm font-semibold text-slate-800">
            {t("studio:analytics.scoresHeading")}
          </h4>
          {scenario.scores.hidden ? (
            <p className="mt-2">
              <TooFew />
            </p>
          ) : (
            <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="sr-only">{t("studio:analytics.scoresHeading")}</dt>
                <dd>
                  {t("studio:analytics.averageScore", {
                    average: format.number(scenario.scores.average, 1),
                    maxScore: format.number(scenario.maxScore ?? 0),
                  })}
                </dd>
              </div>
              {scenario.passScore !== null ? (
                <div>
                  <dt className="text-slate-700">
                    {t("studio:analytics.passedRuns", { passScore: scenario.passScore })}
                  </dt>
                  <dd>
                    <ShareBar
                      part={scenario.scores.passed}
                      whole={scenario.scores.runs}
                      unit="runs"
                    />
                  </dd>
                </div>
              ) : null}
            </dl>
          )}
        </>
      ) : null}
      <h4 className="mt-4 text-sm font-semibold text-slate-800">
        {t("studio:analytics.repliesHeading")}
      </h4>
      <TableFrame
        className="mt-3"
        caption={t("studio:analytics.repliesCaption", { title: scenario.title })}
        headings={headingsOf(t("studio:analytics.reply"), t("studio:analytics.chosen"))}
        grouped
      >
        {scenario.nodes.map((node) => (
          <tbody key={node.id} className="divide-y divide-slate-100 border-t-2 border-slate-200">
            <tr className="bg-slate-50/70">
              <th scope="rowgroup" colSpan={2} className={`${dataCell} font-normal`}>
                <span className="mr-2 font-mono text-xs text-slate-600">{node.id}</span>
                <span className="font-medium">{node.speaker}:</span>{" "}
                {t("studio:quoted", { text: node.line })}
              </th>
            </tr>
            {node.replies.map((reply, i) => (
              <tr key={reply.index}>
                <td className={`${dataCell} pl-8`}>{reply.text}</td>
                <td className={dataCell}>
                  {node.stats.hidden ? (
                    i === 0 ? (
                      <TooFew />
                    ) : null
                  ) : (
                    <ShareBar
                      part={node.stats.counts[reply.index] ?? 0}
                      whole={node.stats.replies}
                      unit="replies"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </TableFrame>
      <h4 className="mt-6 text-sm font-semibold text-slate-800">
        {t("studio:analytics.endingsHeading")}
      </h4>
      {endings.stats.hidden ? (
        <p className="mt-2">
          <TooFew />
        </p>
      ) : (
        <TableFrame
          className="mt-3"
          caption={t("studio:analytics.endingsCaption", { title: scenario.title })}
          headings={headingsOf(t("studio:analytics.ending"), t("studio:analytics.runs"))}
        >
          {endings.list.map((ending, i) => (
            <tr key={ending.id}>
              <td className={dataCell}>
                {ending.title}{" "}
                <span className="text-slate-600">
                  ({t(`studio:ratings.${ending.rating}`, { defaultValue: ending.rating })}
                  {ending.score !== null
                    ? ` · ${t("studio:preview.score", { score: ending.score })}`
                    : ""}
                  )
                </span>
              </td>
              <td className={dataCell}>
                {endings.stats.hidden ? null : (
                  <ShareBar
                    part={endings.stats.counts[i] ?? 0}
                    whole={endings.stats.runs}
                    unit="runs"
                  />
                )}
              </td>
            </tr>
          ))}
        </TableFrame>
      )}
      <h4 className="mt-6 text-sm font-semibold text-slate-800">
        {t("studio:analytics.abandonedHeading")}
      </h4>
      {abandoned.stats.hidden ? (
        <p className="mt-2">
          <TooFew />
        </p>
      ) : (
        <TableFrame
          className="mt-3"
          caption={t("studio:analytics.abandonedCaption", { title: scenario.title })}
          headings={headingsOf(t("studio:analytics.leftAt"), t("studio:analytics.runs"))}
        >
          {abandoned.list.map((node, i) => (
            <tr key={node.id}>
              <td className={dataCell}>
                <span className="block font-mono text-xs text-slate-600">{node.id}</span>
                {node.line}
              </td>
              <td className={dataCell}>
                {abandoned.stats.hidden ? null : (
                  <ShareBar
                    part={abandoned.stats.counts[i] ?? 0}
                    whole={abandoned.stats.runs}
                    unit="runs"
                  />
                )}
              </td>
            </tr>
          ))}
        </TableFrame>
      )}
    </section>
  );
}
