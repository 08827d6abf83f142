import type { PublicQuiz } from "~/content/public";

/** A quiz as the learner sees it before answering: questions and options, nothing more. */
export function QuizPreview({ quiz }: { quiz: PublicQuiz }) {
  return (
    <section
      aria-labelledby={`quiz-${quiz.id}`}
      className="not-prose my-8 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`quiz-${quiz.id}`} className="text-lg font-semibold text-slate-900">
          {quiz.title}
        </h3>
        <p className="text-sm text-slate-600">
          {quiz.questions.length} questions · pass mark {quiz.passScore}%
        </p>
      </div>
      <ol className="mt-4 space-y-5">
        {quiz.questions.map((question, index) => (
          <li key={question.id}>
            <fieldset disabled>
              <legend className="font-medium text-slate-900">
                {index + 1}. {question.prompt}
                {question.type === "multiple" ? (
                  <span className="ml-1 text-sm font-normal text-slate-600">
                    (choose all that apply)
                  </span>
                ) : null}
              </legend>
              <ul className="mt-2 space-y-1.5">
                {question.options.map((option) => (
                  <li key={option.id} className="flex items-start gap-2 text-slate-700">
                    <input
                      type={question.type === "multiple" ? "checkbox" : "radio"}
                      name={`${quiz.id}-${question.id}`}
                      id={`${quiz.id}-${question.id}-${option.id}`}
                      className="mt-1"
                    />
                    <label htmlFor={`${quiz.id}-${question.id}-${option.id}`}>{option.text}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="mt-5 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
        Read-only preview: answering and grading open with the quiz release.
      </p>
    </section>
  );
}
