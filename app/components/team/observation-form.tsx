import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { errorText } from "~/i18n/errors";
import { useFormat } from "~/i18n/use-format";
import { channelLabels, channels, notesMax, observationSchema } from "~/team/observation-schema";
import { ChoiceGroup } from "./observation-choice-group";
import { PersonSelect } from "./person-select";
import { RatingGroup } from "./observation-rating-group";

type Props = {
  people: { name: string; members: { id: string; name: string }[] }[];
  standards: { id: string; title: string; description: string }[];
  timeZone: string;
  defaults: { employeeId: string; observedAt: string };
  lastResult?: SubmissionResult<string[]>;
};

export function ObservationForm({ people, standards, timeZone, defaults, lastResult }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const schema = useMemo(
    () => observationSchema({ standardIds: standards.map((s) => s.id), timeZone }),
    [standards, timeZone],
  );
  const [form, fields] = useForm({
    id: "observation",
    lastResult,
    defaultValue: {
      employeeId: defaults.employeeId,
      observedAt: defaults.observedAt,
      ratings: Object.fromEntries(standards.map((s) => [s.id, "na"])),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const ratings = fields.ratings.getFieldset();
  const pending = useNavigation().state === "submitting";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-8">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-5 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-2 sm:p-6">
        <PersonSelect field={fields.employeeId} label={t("team:forms.employee")} people={people} />
        <Field
          label={t("team:observation.dateTime")}
          inputProps={getInputProps(fields.observedAt, { type: "datetime-local" })}
          errors={fields.observedAt.errors}
          errorId={fields.observedAt.errorId}
        />
        <div className="sm:col-span-2">
          <ChoiceGroup
            legend={t("team:observation.channel")}
            name={fields.channel.name}
            initialValue={fields.channel.initialValue as string | undefined}
            options={channels.map((c) => ({ value: c, label: t(channelLabels[c]) }))}
            errors={fields.channel.errors}
            errorId={fields.channel.errorId}
          />
        </div>
      </div>

      <section aria-labelledby="standards-heading" className="space-y-4">
        <div>
          <h2 id="standards-heading" className="text-lg font-semibold text-slate-900">
            {t("team:observation.standards")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("team:observation.standardsHint")}</p>
          <ul id={fields.ratings.errorId} className="mt-2 text-sm text-red-700" aria-live="polite">
            {fields.ratings.errors?.map((e) => (
              <li key={e}>{errorText(t, e)}</li>
            ))}
          </ul>
        </div>
        {standards.map((standard) => {
          const field = ratings[standard.id]!;
          return (
            <RatingGroup
              key={standard.id}
              standard={standard}
              name={field.name}
              initialValue={(field.initialValue as string | undefined) ?? "na"}
              errors={field.errors}
              errorId={field.errorId}
            />
          );
        })}
      </section>

      <div className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6">
        <label htmlFor={fields.notes.id} className="block text-sm font-medium text-slate-800">
          {t("team:observation.notes")}
        </label>
        <p id={`${fields.notes.id}-hint`} className="text-sm text-slate-600">
          {t("team:observation.notesHint", { count: notesMax, max: format.number(notesMax) })}
        </p>
        <textarea
          {...getTextareaProps(fields.notes)}
          rows={5}
          aria-describedby={`${fields.notes.id}-hint ${fields.notes.errorId}`}
          className="mt-1.5 block w-full rounded-lg border border-slate-300 px-3 py-2.5 text-base text-slate-900 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none aria-invalid:border-red-600"
        />
        <ul id={fields.notes.errorId} className="mt-1.5 text-sm text-red-700" aria-live="polite">
          {fields.notes.errors?.map((e) => (
            <li key={e}>{errorText(t, e)}</li>
          ))}
        </ul>
      </div>
      <Button type="submit" pending={pending}>
        {t("team:observation.save")}
      </Button>
    </Form>
  );
}
