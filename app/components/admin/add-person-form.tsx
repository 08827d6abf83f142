import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AddPersonSchema } from "~/admin/forms";
import { passwordHint } from "~/auth/password-policy";
import { Button } from "~/components/ui/button";
import { Field, FormKeyInput, SelectField } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { LocaleOptions, RoleOptions, TeamOptions } from "./person-options";
import { errorText } from "~/i18n/errors";
import { InvitationSent, type Invited } from "./invitation-sent";

export function AddPersonForm({
  teams,
  formKey,
  lastResult,
  added,
  invited,
}: {
  teams: { id: string; name: string }[];
  formKey: string;
  lastResult?: SubmissionResult<string[]>;
  /** The person just added, and their invitation when they were invited. */
  added?: string;
  invited?: Invited | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof AddPersonSchema>>({
    // What a new form starts with, and what it goes back to after a person is added.
    defaultValue: { role: "employee", timeZone: "Europe/Ljubljana", locale: "en" },
    id: "add-person",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddPersonSchema }),
  });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
    >
      <input type="hidden" name="intent" value="add-person" />
      <FormKeyInput meta={fields.formKey} value={formKey} />
      <h2 id="add-person-heading" className="text-lg font-semibold sm:col-span-2">
        {t("admin:addPerson.heading")}
      </h2>
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        {invited ? (
          <InvitationSent invited={invited} />
        ) : added ? (
          <p
            role="status"
            className="rounded-xl border border-green-200 bg-green-50 px-4 py-3 text-sm font-medium text-green-950"
          >
            {t("admin:invited.added", { name: added })}
          </p>
        ) : null}
      </div>
      <Field
        meta={fields.name}
        type="text"
        label={t("admin:addPerson.fullName")}
        autoComplete="off"
      />
      <Field
        meta={fields.email}
        type="email"
        label={t("admin:addPerson.email")}
        autoComplete="off"
      />
      <SelectField meta={fields.role} label={t("admin:addPerson.role")}>
        <RoleOptions />
      </SelectField>
      <SelectField meta={fields.teamId} label={t("admin:addPerson.team")}>
        <TeamOptions teams={teams} />
      </SelectField>
      <Field meta={fields.hiredAt} type="date" label={t("admin:addPerson.hiredAt")} />
      <Field meta={fields.timeZone} type="text" label={t("admin:addPerson.timeZone")} />
      <SelectField meta={fields.locale} label={t("admin:addPerson.locale")}>
        <LocaleOptions />
      </SelectField>
      <Field
        meta={fields.password}
        type="password"
        label={t("admin:addPerson.password")}
        // The password policy's hint is a message key with values.
        hint={`${t("admin:addPerson.passwordHint")} ${errorText(t, passwordHint)}`}
        autoComplete="new-password"
      />
      <div className="flex items-end">
        <Button type="submit">{t("admin:addPerson.submit")}</Button>
      </div>
    </Form>
  );
}
