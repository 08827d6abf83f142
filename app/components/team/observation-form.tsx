import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors, FormKeyInput, TextareaField } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
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
  /** The form's one-time key, from the loader. */
  formKey: string;
  lastResult?: SubmissionResult<string[]>;
};

export function ObservationForm({
  people,
  standards,
  timeZone,
  defaults,
  formKey,
  lastResult,
}: Props) {
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
      <FormKeyInput meta={fields.formKey} value={formKey} />
      <div className="grid gap-5 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-2 sm:p-6">
        <PersonSelect field={fields.employeeId} label={t("team:forms.employee")} people={people} />
        <Field
          meta={fields.observedAt}
          type="datetime-local"
          label={t("team:observation.dateTime")}
        />
        <div className="sm:col-span-2">
          <ChoiceGroup
            legend={t("team:observation.channel")}
            meta={fields.channel}
            options={channels.map((c) => ({ value: c, label: t(channelLabels[c]) }))}
          />
        </div>
      </div>

      <section aria-labelledby="standards-heading" className="space-y-4">
        <div>
          <h2 id="standards-heading" className="text-lg font-semibold text-slate-900">
            {t("team:observation.standards")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("team:observation.standardsHint")}</p>
          <FieldErrors meta={fields.ratings} className="mt-2" />
        </div>
        {standards.map((standard) => (
          <RatingGroup key={standard.id} standard={standard} meta={ratings[standard.id]!} />
        ))}
      </section>

      <TextareaField
        meta={fields.notes}
        label={t("team:observation.notes")}
        hint={t("team:observation.notesHint", { count: notesMax, max: format.number(notesMax) })}
        rows={5}
        className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
      />
      <Button type="submit" pending={pending}>
        {t("team:observation.save")}
      </Button>
    </Form>
  );
}
