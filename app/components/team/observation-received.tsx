import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
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
      <TextareaField
        meta={fields.comment}
        label={t("team:observation.yourComment")}
        hint={t("team:observation.commentHint", {
          count: commentMax,
          max: format.number(commentMax),
        })}
        rows={2}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {t("team:observation.acknowledge")}
      </Button>
    </Form>
  );
}
