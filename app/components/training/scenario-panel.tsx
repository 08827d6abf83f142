import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ScenarioView } from "~/training/scenario/runs.server";
import { Button } from "~/components/ui/button";
import { ActionError } from "./quiz-panel";
import { AttemptLimits } from "./attempt-limits";

const moodStyle: Record<string, string> = {
  angry: "bg-red-100 text-red-900",
  upset: "bg-orange-100 text-orange-900",
  frustrated: "bg-amber-100 text-amber-900",
  confused: "bg-violet-100 text-violet-900",
  neutral: "bg-slate-100 text-slate-800",
  calm: "bg-sky-100 text-sky-900",
  pleased: "bg-green-100 text-green-900",
};

const ratingCopy = {
  good: { label: "training:scenario.rating.good", style: "border-green-300 bg-green-50" },
  mixed: { label: "training:scenario.rating.mixed", style: "border-amber-300 bg-amber-50" },
  bad: { label: "training:scenario.rating.bad", style: "border-red-300 bg-red-50" },
} as const;

function Mood({ mood }: { mood: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${moodStyle[mood] ?? moodStyle.neutral}`}
    >
      <span className="sr-only">{t("training:scenario.moodLabel")} </span>
      {t(`training:scenario.mood.${mood}`, { defaultValue: mood })}
    </span>
  );
}

function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A role-play: the conversation so far, the customer's latest line and the replies to choose from. */
export function ScenarioPanel({ scenario, error }: { scenario: ScenarioView; error?: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy =
    navigation.state !== "idle" && navigation.formData?.get("scenarioId") === scenario.id;
  const run = scenario.run;
  const lineRef = useRef<HTMLDivElement>(null);
  const seenStep = useRef(run?.step);
  useEffect(() => {
    // After each move, put keyboard focus on what the customer says next.
    if (run && seenStep.current !== undefined && seenStep.current !== run.step)
      lineRef.current?.focus();
    seenStep.current = run?.step;
  }, [run]);

  const moveFields = run?.current
    ? { scenarioId: scenario.id, runId: run.id, nodeId: run.current.id, step: run.step }
    : null;

  return (
    <section
      id={`scenario-${scenario.id}`}
      aria-labelledby={`scenario-${scenario.id}-title`}
      className="not-prose my-8 scroll-mt-20 rounded-2xl border border-brand-200 bg-brand-50/60 p-5 sm:p-6"
    >
      <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
        {t("training:scenario.rolePlay")}
      </p>
      <h3
        id={`scenario-${scenario.id}-title`}
        className="mt-1 text-lg font-semibold text-slate-900"
      >
        {scenario.title}
      </h3>
      {scenario.setting ? <p className="mt-2 text-slate-700">{scenario.setting}</p> : null}

      {run?.transcript.length ? (
        <ol className="mt-5 space-y-3" aria-label={t("training:scenario.conversation")}>
          {run.transcript.map((turn, i) => (
            <li key={i} className="space-y-2">
              <div className="max-w-[90%] rounded-2xl rounded-tl-sm bg-white px-4 py-3 shadow-xs">
                <p className="flex items-center gap-2 text-xs text-slate-600">
                  {turn.speaker} <Mood mood={turn.mood} />
                </p>
                <p className="mt-1 text-slate-800">{turn.line}</p>
              </div>
              <div className="ml-auto max-w-[90%] rounded-2xl rounded-tr-sm bg-brand-700 px-4 py-3 text-white">
                <p className="text-xs text-brand-100">{t("training:scenario.you")}</p>
                <p className="mt-1">{turn.reply}</p>
              </div>
            </li>
          ))}
        </ol>
      ) : null}

      <div aria-live="polite" aria-atomic="false">
        {run?.current ? (
          <div
            ref={lineRef}
            tabIndex={-1}
            className="mt-5 max-w-[90%] rounded-2xl rounded-tl-sm bg-white px-4 py-3 shadow-sm outline-brand-700 focus-visible:outline-2"
          >
            <p className="flex items-center gap-2 text-xs text-slate-600">
              {t("training:scenario.says", { speaker: run.current.speaker })}{" "}
              <Mood mood={run.current.mood} />
            </p>
            <p className="mt-1 text-lg text-slate-900">{run.current.line}</p>
          </div>
        ) : null}
        {run?.ending ? (
          <div
            ref={lineRef}
            tabIndex={-1}
            className={`mt-5 rounded-xl border-2 p-4 ${ratingCopy[run.ending.rating].style}`}
          >
            <p className="text-xs font-semibold tracking-wide text-slate-700 uppercase">
              {t(ratingCopy[run.ending.rating].label)}
            </p>
            <p className="mt-1 text-lg font-semibold text-slate-900">{run.ending.title}</p>
            <p className="mt-1 text-slate-800">{run.ending.outcome}</p>
            {run.ending.lost ? (
              <p className="mt-3 text-sm font-medium text-red-900">
                {t("training:scenario.lostCustomer")}
              </p>
            ) : null}
            <p className="mt-3 text-sm font-medium text-slate-900">
              {run.ending.score === null
                ? t("training:scenario.unscored")
                : t(
                    run.ending.passScore === null
                      ? "training:scenario.score"
                      : run.ending.passed
                        ? "training:scenario.scorePassed"
                        : "training:scenario.scoreNotPassed",
                    {
                      score: run.ending.score,
                      maxScore: run.ending.maxScore,
                      passScore: run.ending.passScore,
                    },
                  )}
            </p>
          </div>
        ) : null}
      </div>
      {run?.ending ? <Debrief scenarioId={scenario.id} turns={run.transcript} /> : null}

      <div className="mt-4 space-y-3">
        <ActionError message={error} />
        {run?.current && moveFields ? (
          <Form method="post" preventScrollReset aria-label={t("training:scenario.yourReply")}>
            <Hidden values={{ intent: "scenario-choose", ...moveFields }} />
            <p id={`replies-${scenario.id}`} className="mb-2 text-sm font-medium text-slate-900">
              {t("training:scenario.chooseReply")}
            </p>
            <div className="grid gap-2" role="group" aria-labelledby={`replies-${scenario.id}`}>
              {run.current.replies.map((reply) => (
                <button
                  key={reply.index}
                  type="submit"
                  name="choice"
                  value={reply.index}
                  disabled={busy}
                  className="rounded-xl border border-brand-300 bg-white px-4 py-3 text-left text-slate-900 hover:border-brand-600 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
                >
                  {reply.text}
                </button>
              ))}
            </div>
          </Form>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {run?.current && moveFields && run.transcript.length ? (
            <Form method="post" preventScrollReset>
              <Hidden values={{ intent: "scenario-back", ...moveFields }} />
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("training:scenario.back")}
              </Button>
            </Form>
          ) : null}
          {scenario.limits.blocked ? null : (
            <Form method="post" preventScrollReset>
              <Hidden values={{ intent: "scenario-start", scenarioId: scenario.id }} />
              <Button type="submit" variant={run ? "secondary" : "primary"} disabled={busy}>
                {!run
                  ? t("training:scenario.start")
                  : run.ending
                    ? t("training:scenario.playAgain")
                    : t("training:scenario.startOver")}
              </Button>
            </Form>
          )}
        </div>
        {run?.current ? null : (
          <AttemptLimits limits={scenario.limits} passed={scenario.finishedEver} />
        )}
      </div>
    </section>
  );
}

type Turn = NonNullable<ScenarioView["run"]>["transcript"][number];

/** After the ending: each reply the learner chose, with why it worked or not (and a better one). */
function Debrief({ scenarioId, turns }: { scenarioId: string; turns: Turn[] }) {
  const { t } = useTranslation();
  if (!turns.some((turn) => turn.feedback || turn.better)) return null;
  return (
    <section aria-labelledby={`debrief-${scenarioId}`} className="mt-5">
      <h4 id={`debrief-${scenarioId}`} className="text-base font-semibold text-slate-900">
        {t("training:scenario.debrief")}
      </h4>
      <p className="text-sm text-slate-700">{t("training:scenario.debriefIntro")}</p>
      <ol className="mt-3 space-y-3">
        {turns.map((turn, i) => (
          <li key={i} className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm">
            <p className="text-xs text-slate-600">{t("training:scenario.youReplied")}</p>
            <p className="mt-0.5 text-slate-900">{turn.reply}</p>
            {turn.feedback ? <p className="mt-1 text-slate-700 italic">{turn.feedback}</p> : null}
            {turn.better ? (
              <div className="mt-2 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-green-950">
                <p className="font-medium">{t("training:scenario.betterReply")}</p>
                <p className="mt-0.5">{turn.better.reply}</p>
                {turn.better.feedback ? (
                  <p className="mt-0.5 text-green-900 italic">{turn.better.feedback}</p>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
