import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { QuizView } from "~/training/quiz/attempts.server";
import { Button } from "~/components/ui/button";
import { useFormat } from "~/i18n/use-format";
import { problemText } from "~/training/messages";
import { AttemptLimits } from "./attempt-limits";

/** A refused action's message (message keys from the server) in the reader's language. */
function ActionError({ message }: { message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {problemText(t, message)}
    </p>
  );
}

function Result({ quiz }: { quiz: QuizView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (score: number) => format.percent(score / 100);
  const last = quiz.last!;
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  return (
    <div className="mt-4 space-y-4">
      <div
        className={`rounded-xl px-4 py-3 ${last.passed ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}
        role="status"
      >
        <p className="text-lg font-semibold">
          {t(last.passed ? "training:quiz.passed" : "training:quiz.notPassed", {
            score: percent(last.score),
          })}
        </p>
        <p className="text-sm">
          {t("training:quiz.summary", {
            correct: last.correctCount,
            count: last.questionCount,
            attempt: last.number,
            passMark: percent(quiz.passScore),
          })}
        </p>
      </div>
      <ol className="space-y-3">
        {last.questions.map((result, i) => (
          <li key={result.questionId} className="rounded-lg border border-slate-200 p-3">
            <p className="font-medium text-slate-900">
              {i + 1}. {questions.get(result.questionId)?.prompt}
            </p>
            <p
              className={`mt-1 text-sm font-semibold ${result.correct ? "text-green-800" : "text-red-800"}`}
            >
              {result.correct ? t("training:quiz.right") : t("training:quiz.notQuite")}
            </p>
            {result.tally ? (
              <p className="mt-1 text-sm text-slate-700">
                {t("training:quiz.rightPicked", {
                  picked: result.tally.rightChosen,
                  count: result.tally.right,
                })}
                {result.tally.wrongChosen
                  ? ` ${t("training:quiz.wrongPicked", { count: result.tally.wrongChosen })}`
                  : ""}
              </p>
            ) : null}
            <ul className="mt-1 space-y-1 text-sm text-slate-700">
              {result.chosen.map((chosen) => (
                <li key={chosen.optionId}>
                  <span className="font-medium">{t("training:quiz.youChose")}</span> {chosen.text}.{" "}
                  {chosen.feedback}
                </li>
              ))}
              {result.missed?.map((missed) => (
                <li key={missed.optionId} className="text-green-900">
                  <span className="font-medium">{t("training:quiz.rightAnswer")}</span>{" "}
                  {missed.text}. {missed.feedback}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <AttemptLimits limits={quiz.limits} passed={quiz.passedEver} />
      <div className="flex flex-wrap items-center gap-3">
        {quiz.limits.blocked ? null : (
          <Link
            to={`?retry=${quiz.id}#quiz-${quiz.id}`}
            preventScrollReset
            className="rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white no-underline hover:bg-brand-800"
          >
            {last.passed ? t("training:quiz.takeAgain") : t("training:quiz.tryAgain")}
          </Link>
        )}
        {quiz.history.length > 1 ? (
          <p className="text-sm text-slate-600">
            {t("training:quiz.earlierAttempts", {
              scores: quiz.history
                .slice(0, -1)
                .map((a) => percent(a.score))
                .join(", "),
            })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A quiz to answer (options in this attempt's order), or the last attempt's result. */
export function QuizPanel({ quiz, error }: { quiz: QuizView; error?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formData?.get("quizId") === quiz.id;
  return (
    <section
      id={`quiz-${quiz.id}`}
      aria-labelledby={`quiz-${quiz.id}-title`}
      className="not-prose my-8 scroll-mt-20 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`quiz-${quiz.id}-title`} className="text-lg font-semibold text-slate-900">
          {quiz.title}
        </h3>
        <p className="text-sm text-slate-600">
          {t("training:quiz.questions", {
            count: quiz.questions.length,
            passMark: format.percent(quiz.passScore / 100),
          })}
        </p>
      </div>
      {quiz.open ? (
        <Form method="post" preventScrollReset className="mt-4 space-y-5">
          <input type="hidden" name="intent" value="quiz-submit" />
          <input type="hidden" name="quizId" value={quiz.id} />
          <input type="hidden" name="attempt" value={quiz.attempt} />
          <ol className="space-y-5">
            {quiz.questions.map((question, index) => (
              <li key={question.id}>
                <fieldset>
                  <legend className="font-medium text-slate-900">
                    {index + 1}. {question.prompt}
                    {question.type === "multiple" ? (
                      <span className="ml-1 text-sm font-normal text-slate-600">
                        {t("training:quiz.chooseAll")}
                      </span>
                    ) : null}
                  </legend>
                  <div className="mt-2 space-y-1.5">
                    {question.options.map((option) => {
                      const inputId = `${quiz.id}-${question.id}-${option.id}`;
                      return (
                        <div key={option.id} className="flex items-start gap-2.5">
                          <input
                            id={inputId}
                            type={question.type === "multiple" ? "checkbox" : "radio"}
                            name={`answer:${question.id}`}
                            value={option.id}
                            required={question.type === "single"}
                            className="mt-1 size-4 accent-brand-700"
                          />
                          <label htmlFor={inputId} className="text-slate-800">
                            {option.text}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <ActionError message={error} />
          <div className="flex items-center gap-3">
            <Button type="submit" pending={submitting}>
              {t("training:quiz.submit")}
            </Button>
            <span className="text-sm text-slate-600">
              {quiz.limits.allowed === null
                ? t("training:quiz.attempt", { number: quiz.attempt })
                : t("training:quiz.attemptOf", {
                    number: quiz.attempt,
                    allowed: quiz.limits.allowed,
                  })}
            </span>
          </div>
        </Form>
      ) : (
        <>
          <ActionError message={error} />
          <Result quiz={quiz} />
        </>
      )}
    </section>
  );
}

export { ActionError };
