import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { errorText } from "~/i18n/errors";
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
  lastResult?: SubmissionResult<string[]>;
  saved?: boolean;
};

export function RecognitionForm({ people, observations, defaults, lastResult, saved }: Props) {
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
        label={t("team:recognition.points", { max: format.number(pointsMax) })}
        inputProps={{ ...getInputProps(fields.points, { type: "number" }), inputMode: "numeric" }}
        errors={fields.points.errors}
        errorId={fields.points.errorId}
      />
      <div className="sm:col-span-2">
        <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-800">
          {t("team:recognition.reason")}
        </label>
        <p id={`${fields.reason.id}-hint`} className="text-sm text-slate-600">
          {t("team:recognition.reasonHint", { count: reasonMax, max: format.number(reasonMax) })}
        </p>
        <textarea
          {...getTextareaProps(fields.reason)}
          rows={3}
          aria-describedby={`${fields.reason.id}-hint ${fields.reason.errorId}`}
          className="mt-1.5 block w-full rounded-lg border border-slate-300 px-3 py-2.5 text-base text-slate-900 aria-invalid:border-red-600"
        />
        <ul id={fields.reason.errorId} className="mt-1.5 text-sm text-red-700" aria-live="polite">
          {fields.reason.errors?.map((e) => (
            <li key={e}>{errorText(t, e)}</li>
          ))}
        </ul>
      </div>
      <div className="sm:col-span-2">
        <BadgePicker
          name={fields.badge.name}
          initialValue={fields.badge.initialValue as string | undefined}
          errors={fields.badge.errors}
          errorId={fields.badge.errorId}
        />
      </div>
      <div className="sm:col-span-2">
        <label
          htmlFor={fields.observationId.id}
          className="block text-sm font-medium text-slate-800"
        >
          {t("team:recognition.observation")}
        </label>
        <select
          key={employeeId}
          id={fields.observationId.id}
          name={fields.observationId.name}
          defaultValue={(fields.observationId.initialValue as string | undefined) ?? ""}
          aria-invalid={fields.observationId.errors?.length ? true : undefined}
          aria-describedby={fields.observationId.errorId}
          className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 aria-invalid:border-red-600"
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
        </select>
        <ul
          id={fields.observationId.errorId}
          className="mt-1.5 text-sm text-red-700"
          aria-live="polite"
        >
          {fields.observationId.errors?.map((e) => (
            <li key={e}>{errorText(t, e)}</li>
          ))}
        </ul>
      </div>
      <div>
        <Button type="submit" pending={pending}>
          {t("team:recognition.submit")}
        </Button>
      </div>
    </Form>
  );
}
