import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { FieldMetadata, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import type { SelfAssessmentText } from "~/content/self-assessment.server";
import { SelfAssessmentSchema, selfAssessmentAreas, statementField } from "~/team/self-assessment";

/** One statement: a group of five radios, Never … Always, with its error under it. */
function StatementRating({
  number,
  statement,
  labels,
  field,
}: {
  number: number;
  statement: string;
  labels: string[];
  field: FieldMetadata<string>;
}) {
  const invalid = Boolean(field.errors?.length);
  const textId = `${field.id}-text`;
  // A labelled radiogroup rather than a fieldset: a legend cannot sit in a grid cell, and on wide
  // screens the statement and its five choices share a row.
  return (
    <div className="border-t border-slate-100 py-3 first-of-type:border-t-0 sm:grid sm:grid-cols-[1fr_auto] sm:items-center sm:gap-x-4">
      <p id={textId} className="text-sm text-slate-900">
        <span className="text-slate-600 tabular-nums">{number}.</span> {statement}
      </p>
      <div
        role="radiogroup"
        aria-labelledby={textId}
        aria-describedby={invalid ? field.errorId : undefined}
        aria-invalid={invalid || undefined}
        className="mt-2 grid grid-cols-5 gap-1 sm:mt-0 sm:flex sm:gap-1.5"
      >
        {labels.map((label, i) => {
          const value = String(i + 1);
          const { key, ...props } = getInputProps(field, { type: "radio", value });
          return (
            <label
              key={value}
              className="flex cursor-pointer flex-col items-center gap-1 rounded-md border border-slate-200 px-0.5 py-1.5 text-[0.7rem] sm:px-1 sm:text-xs text-slate-700 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:text-brand-900 sm:w-20"
            >
              <input key={key} {...props} className="size-4 accent-brand-700" />
              {label}
            </label>
          );
        })}
      </div>
      <FieldErrors meta={field} className="sm:col-span-2" />
    </div>
  );
}

// Statements are numbered 1–25 across the areas, as in the printed self-test.
const firstNumber = selfAssessmentAreas.map(
  (_, a) => 1 + selfAssessmentAreas.slice(0, a).reduce((n, area) => n + area.statements.length, 0),
);

/**
 * The 25-statement questionnaire for one team, with the date it describes. `text` holds the
 * statements, area titles and answer scale in the reader's language (content, not catalogues).
 */
export function SelfAssessmentForm({
  teamId,
  today,
  text,
  lastResult,
}: {
  teamId: string;
  today: string;
  text: SelfAssessmentText;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // Typed as a plain record: the 25 statement fields are built from the areas at run time.
  const [form, fields] = useForm<{ teamId: string; assessedOn: string } & Record<string, string>>({
    id: `self-assessment-${teamId}`,
    lastResult,
    defaultValue: { assessedOn: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SelfAssessmentSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <input type="hidden" name="teamId" value={teamId} />
      <FormErrors id={form.errorId} errors={form.errors ?? fields.teamId.errors} />
      <div className="max-w-xs">
        <Field
          meta={fields.assessedOn}
          type="date"
          label={t("team:selfAssessment.date")}
          max={today}
        />
      </div>
      <p className="text-sm text-slate-700">{t("team:selfAssessment.instructions")}</p>
      {selfAssessmentAreas.map((area, areaIndex) => {
        const words = text.areas.find((a) => a.id === area.id);
        return (
          <fieldset
            key={area.id}
            className="rounded-xl border border-slate-200 bg-white px-4 pt-2 pb-3 sm:px-5"
          >
            <legend className="px-1 text-base font-semibold text-slate-900">
              {areaIndex + 1}. {words?.title ?? area.title}
            </legend>
            {area.statements.map((statement, i) => {
              const name = statementField(area.id, i);
              return (
                <StatementRating
                  key={name}
                  number={firstNumber[areaIndex]! + i}
                  statement={words?.statements[i] ?? statement}
                  labels={text.ratingLabels}
                  field={fields[name]!}
                />
              );
            })}
          </fieldset>
        );
      })}
      <Button type="submit" pending={navigation.state === "submitting"}>
        {t("team:selfAssessment.save")}
      </Button>
    </Form>
  );
}
