import { useTranslation } from "react-i18next";
import { passwordHint } from "~/auth/password-policy";
import { errorText } from "~/i18n/errors";
import { Field, type Meta } from "./field";

/** A new password and the same again, with the policy's hint under the first. */
export function NewPasswordFields({
  password,
  again,
  labels,
}: {
  password: Meta<string>;
  again: Meta<string>;
  labels: { password: string; again: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        meta={password}
        type="password"
        label={labels.password}
        hint={errorText(t, passwordHint)}
        autoComplete="new-password"
      />
      <Field meta={again} type="password" label={labels.again} autoComplete="new-password" />
    </>
  );
}
