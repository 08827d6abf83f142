import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/form-errors";
import { errorText } from "~/i18n/errors";
import { useFormat } from "~/i18n/use-format";
import { AcknowledgeSchema, commentMax } from "~/team/observation-schema";
import type { MyRecord } from "~/training/record.server";
import { ObservationCard } from "./observation-card";
import { Acknowledgement } from "./observation-ratings";

type Received = MyRecord["observations"][number];

/** The observed person's own view of an observation, with the form to acknowledge it once. */
export function ReceivedObservation({
  observation: o,
  lastResult,
}: {
  observation: Received;
  lastResult?: SubmissionResult<string[]>;
}) {
  return (
    <ObservationCard observation={o}>
      {o.acknowledgedOn ? (
        <Acknowledgement acknowledgedOn={o.acknowledgedOn} comment={o.comment} who={null} />
      ) : (
        <AcknowledgeForm observationId={o.id} lastResult={lastResult} />
      )}
    </ObservationCard>
  );
}

function AcknowledgeForm({
  observationId,
  lastResult,
}: {
  observationId: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: `acknowledge-${observationId}`,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcknowledgeSchema }),
  });
  const { t } = useTranslation();
  const format = useFormat();
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    navigation.formData?.get("observationId") === observationId;
  return (
    <Form
      method="post"
      preventScrollReset
      {...getFormProps(form)}
      aria-label={t("team:observation.acknowledgeForm")}
      className="mt-4 space-y-3 border-t border-slate-200 pt-4"
    >
      <input type="hidden" name="intent" value="acknowledge" />
      <input type="hidden" name="observationId" value={observationId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <label htmlFor={fields.comment.id} className="block text-sm font-medium text-slate-800">
          {t("team:observation.yourComment")}
        </label>
        <textarea
          {...getTextareaProps(fields.comment)}
          rows={2}
          aria-describedby={`${fields.comment.id}-hint ${fields.comment.errorId}`}
          className="mt-1.5 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base text-slate-900 aria-invalid:border-red-600"
        />
        <p id={`${fields.comment.id}-hint`} className="mt-1 text-xs text-slate-600">
          {t("team:observation.commentHint", {
            count: commentMax,
            max: format.number(commentMax),
          })}
        </p>
        <ul id={fields.comment.errorId} className="text-sm text-red-700" aria-live="polite">
          {fields.comment.errors?.map((e) => (
            <li key={e}>{errorText(t, e)}</li>
          ))}
        </ul>
      </div>
      <Button type="submit" variant="secondary" pending={pending}>
        {t("team:observation.acknowledge")}
      </Button>
    </Form>
  );
}
