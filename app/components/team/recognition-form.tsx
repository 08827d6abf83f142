import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Field, FormKeyInput, SelectField, TextareaField } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { useFormat } from "~/i18n/use-format";
import { pointsMax, reasonMax, RecognitionSchema } from "~/team/recognition-schema";
import { PersonSelect } from "./person-select";
import { BadgePicker } from "./recognition-badges";

type Props = {
  people: { name: string; members: { id: string; name: string }[] }[];
  /** When (ISO), the channel's message key and the start of the notes. */
  observations: {
    id: string;
    employeeId: string;
    observedAt: string;
    channel: string;
    excerpt: string;
  }[];
  defaults: { employeeId: string; observationId: string };
  /** The form's one-time key, from the loader. */
  formKey: string;
  lastResult?: SubmissionResult<string[]>;
  saved?: boolean;
};

export function RecognitionForm({
  people,
  observations,
  defaults,
  formKey,
  lastResult,
  saved,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form, fields] = useForm({
    id: "recognition",
    lastResult,
    defaultValue: { ...defaults, points: "10" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecognitionSchema }),
  });
  // The observation list follows the chosen person, so only their observations can be linked.
  const [employeeId, setEmployeeId] = useState(
    (fields.employeeId.initialValue as string | undefined) ?? defaults.employeeId,
  );
  const theirs = observations.filter((o) => o.employeeId === employeeId);
  const pending = useNavigation().state === "submitting";
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="grid gap-5 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-2 sm:p-6"
    >
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormKeyInput meta={fields.formKey} value={formKey} />
        {saved ? (
          <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">
            {t("team:recognition.saved")}
          </p>
        ) : null}
      </div>
      <PersonSelect
        field={fields.employeeId}
        label={t("team:forms.employee")}
        people={people}
        onChange={setEmployeeId}
      />
      <Field
        meta={fields.points}
        type="number"
        label={t("team:recognition.points", { max: format.number(pointsMax) })}
        inputMode="numeric"
      />
      <TextareaField
        meta={fields.reason}
        label={t("team:recognition.reason")}
        hint={t("team:recognition.reasonHint", { count: reasonMax, max: format.number(reasonMax) })}
        rows={3}
        className="sm:col-span-2"
      />
      <div className="sm:col-span-2">
        <BadgePicker meta={fields.badge} />
      </div>
      <SelectField
        // A new person, a new list of their observations: start from "none".
        key={employeeId}
        meta={fields.observationId}
        label={t("team:recognition.observation")}
        defaultValue={(fields.observationId.initialValue as string | undefined) ?? ""}
        className="sm:col-span-2"
      >
        <option value="">
          {theirs.length ? t("team:recognition.noObservation") : t("team:recognition.noRecent")}
        </option>
        {theirs.map((o) => (
          <option key={o.id} value={o.id}>
            {[
              format.dateTime(o.observedAt),
              t(o.channel, { defaultValue: o.channel }),
              ...(o.excerpt ? [o.excerpt] : []),
            ].join(" · ")}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" pending={pending}>
          {t("team:recognition.submit")}
        </Button>
      </div>
    </Form>
  );
}
