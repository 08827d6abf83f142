import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChangePasswordSchema } from "~/auth/password-policy";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { NewPasswordFields } from "~/components/ui/new-password-fields";

/** Change one's own password: the current one first, then the new one twice. */
export function PasswordForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
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
        meta={fields.currentPassword}
        type="password"
        label={t("auth:security.form.currentPassword")}
        autoComplete="current-password"
      />
      <NewPasswordFields
        password={fields.newPassword}
        again={fields.confirmPassword}
        labels={{
          password: t("auth:security.form.newPassword"),
          again: t("auth:security.form.newPasswordAgain"),
        }}
      />
      <p className="text-sm text-slate-700">{t("auth:security.form.signsOutOthers")}</p>
      <Button type="submit" pending={pending}>
        {t("auth:security.form.submit")}
      </Button>
    </Form>
  );
}
