import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { ChangePasswordSchema, passwordHint } from "~/auth/password-policy";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";

/** Change one's own password: the current one first, then the new one twice. */
export function PasswordForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "change-password";
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="max-w-md space-y-5 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
    >
      <input type="hidden" name="intent" value="change-password" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label="Current password"
        inputProps={{
          ...getInputProps(fields.currentPassword, { type: "password" }),
          autoComplete: "current-password",
        }}
        errors={fields.currentPassword.errors}
        errorId={fields.currentPassword.errorId}
      />
      <Field
        label="New password"
        hint={passwordHint}
        inputProps={{
          ...getInputProps(fields.newPassword, { type: "password" }),
          autoComplete: "new-password",
        }}
        errors={fields.newPassword.errors}
        errorId={fields.newPassword.errorId}
      />
      <Field
        label="New password again"
        inputProps={{
          ...getInputProps(fields.confirmPassword, { type: "password" }),
          autoComplete: "new-password",
        }}
        errors={fields.confirmPassword.errors}
        errorId={fields.confirmPassword.errorId}
      />
      <p className="text-sm text-slate-700">
        Changing your password signs you out on every other browser and device.
      </p>
      <Button type="submit" pending={pending}>
        Change password
      </Button>
    </Form>
  );
}
