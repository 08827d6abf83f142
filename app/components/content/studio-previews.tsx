import { useTranslation } from "react-i18next";
import type { StudioModule } from "~/content/studio.server";
import { useFormat } from "~/i18n/use-format";

type Problem = StudioModule["problems"][number];
type Quiz = StudioModule["quizzes"][number];
type Scenario = StudioModule["scenarios"][number];

export function ProblemList({
  problems,
  compact = false,
}: {
  problems: Problem[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <ul className="space-y-3" aria-label={t("studio:preview.problems")}>
      {problems.map((p, i) => (
        <li key={i} className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
          <p className="font-medium text-red-900">
            <span className="font-mono text-xs text-red-800">
              {p.file}:{p.line}:{p.column}
            </span>{" "}
            {p.message}
          </p>
          {!compact && p.excerpt.length ? (
            <pre className="mt-2 overflow-x-auto rounded bg-white p-2 font-mono text-xs leading-5 text-slate-800">
              {p.excerpt.map((l) => (
                <div key={l.number} className={l.number === p.line ? "bg-red-100" : undefined}>
                  <span className="mr-3 inline-block w-8 text-right text-slate-500 select-none">
                    {l.number}
                  </span>
                  {l.text}
                </div>
              ))}
            </pre>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Problems located inside a component, from its first line to its last part's line. */
export function problemsWithin(problems: Problem[], from: number, to: number) {
  return problems.filter((p) => p.line >= from && p.line <= to);
}

export function TrainerQuiz({ quiz, problems }: { quiz: Quiz; problems: Problem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section
      aria-label={t("studio:quizTitle", { title: quiz.title })}
      className="not-prose my-8 rounded-2xl border border-slate-300 bg-white p-5"
    >
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {t("studio:preview.quizLabel", { id: quiz.id })}
      </p>
      <h3 className="text-lg font-semibold text-slate-900">{quiz.title}</h3>
      <p className="text-sm text-slate-600">
        {t("studio:preview.passMark", {
          mark: quiz.passScore === null ? "—" : format.percent(quiz.passScore / 100),
        })}
      </p>
      <div className="mt-3">
        <ProblemList problems={problems} compact />
      </div>
      <ol className="mt-4 space-y-4">
        {quiz.questions.map((q, i) => (
          // Broken content can repeat ids: index keys keep the preview rendering.
          <li key={i}>
            <p className="font-medium text-slate-900">
              {i + 1}. {q.prompt}{" "}
              <span className="text-xs font-normal text-slate-600">
                ({t(`studio:preview.questionType.${q.type}`, { defaultValue: q.type })})
              </span>
            </p>
            <ul className="mt-2 space-y-1.5">
              {q.options.map((o, j) => (
                <li
                  key={j}
                  className={`rounded-lg border px-3 py-2 text-sm ${o.correct ? "border-green-300 bg-green-50" : "border-slate-200"}`}
                >
                  <p className="text-slate-900">
                    {o.correct ? (
                      <span className="mr-1 font-semibold text-green-800">
                        {t("studio:preview.correct")}
                      </span>
                    ) : null}
                    {o.text}
                  </p>
                  <p className="mt-0.5 text-slate-600">
                    {t("studio:preview.feedback", { feedback: o.feedback })}
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

const ratingStyle = {
  good: "bg-green-100 text-green-900",
  mixed: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-900",
};

export function TrainerScenario({
  scenario,
  problems,
}: {
  scenario: Scenario;
  problems: Problem[];
}) {
  const { t } = useTranslation();
  return (
    <section
      aria-label={t("studio:rolePlayTitle", { title: scenario.title })}
      className="not-prose my-8 rounded-2xl border border-brand-200 bg-brand-50 p-5"
    >
      <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
        {t("studio:preview.rolePlayLabel", { id: scenario.id })}
      </p>
      <h3 className="text-lg font-semibold text-slate-900">{scenario.title}</h3>
      <p className="text-sm text-slate-700">
        {t("studio:preview.scenarioSummary", {
          nodes: t("studio:preview.nodes", { count: scenario.nodes.length }),
          endings: t("studio:preview.endings", { count: scenario.endings.length }),
          scoring: t(`studio:preview.scoring.${scenario.scoring}`, {
            maxScore: scenario.maxScore ?? "—",
          }),
          passScore: scenario.passScore ?? t("studio:preview.noPassScore"),
        })}
      </p>
      {scenario.setting ? <p className="mt-2 text-slate-700">{scenario.setting}</p> : null}
      <div className="mt-3">
        <ProblemList problems={problems} compact />
      </div>
      <ol className="mt-4 space-y-3">
        {scenario.nodes.map((node, n) => (
          <li
            key={`node-${n}`}
            id={`node-${node.id}`}
            className="rounded-xl border border-slate-200 bg-white p-4"
          >
            <p className="text-xs text-slate-600">
              <span className="font-mono">{node.id}</span>
              {node.id === scenario.start ? ` · ${t("studio:preview.start")}` : ""} · {node.speaker}{" "}
              · {t(`studio:moods.${node.mood}`, { defaultValue: node.mood })}
            </p>
            <p className="mt-1 text-slate-900">{t("studio:quoted", { text: node.line })}</p>
            <ul className="mt-2 space-y-1.5">
              {node.choices.map((c, i) => (
                <li key={i} className="rounded-lg border border-slate-200 px-3 py-2 text-sm">
                  <p className="text-slate-900">{c.text}</p>
                  <p className="mt-0.5 text-slate-600">
                    →{" "}
                    <a href={`#node-${c.to}`} className="font-mono text-brand-800 underline">
                      {c.to}
                    </a>{" "}
                    {scenario.scoring === "path"
                      ? ` · ${t("studio:preview.score", { score: c.score })}`
                      : ""}
                    {c.feedback ? ` · ${c.feedback}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {scenario.endings.map((ending, n) => (
          <li
            key={`ending-${n}`}
            id={`node-${ending.id}`}
            className="rounded-xl border border-slate-200 bg-white p-4"
          >
            <p className="text-xs text-slate-600">
              <span className="font-mono">{ending.id}</span> · {t("studio:preview.ending")}{" "}
              <span className={`rounded px-1.5 py-0.5 font-semibold ${ratingStyle[ending.rating]}`}>
                {t(`studio:ratings.${ending.rating}`, { defaultValue: ending.rating })}
              </span>
              {ending.score !== null
                ? ` · ${t("studio:preview.score", { score: ending.score })}`
                : null}
            </p>
            <p className="mt-1 font-semibold text-slate-900">{ending.title}</p>
            <p className="text-slate-700">{ending.outcome}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The last line any part of a quiz or scenario starts on. */
export function lastLine(item: Quiz | Scenario): number {
  const lines =
    "questions" in item
      ? item.questions.flatMap((q) => [q.at.line, ...q.options.map((o) => o.at.line)])
      : [
          ...item.nodes.flatMap((n) => [n.at.line, ...n.choices.map((c) => c.at.line)]),
          ...item.endings.map((e) => e.at.line),
        ];
  return Math.max(item.at.line, ...lines);
}
