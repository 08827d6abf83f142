import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AddPersonSchema } from "~/admin/forms";
import { passwordHint } from "~/auth/password-policy";
import { roleLabels, roles } from "~/auth/roles";
import { localeNames, locales } from "~/i18n/config";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { errorText } from "~/i18n/errors";

export function AddPersonForm({
  teams,
  lastResult,
}: {
  teams: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof AddPersonSchema>>({
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
      <h3 className="text-base font-semibold sm:col-span-2">{t("admin:addPerson.heading")}</h3>
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <Field
        label={t("admin:addPerson.fullName")}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
        errors={fields.name.errors}
        errorId={fields.name.errorId}
      />
      <Field
        label={t("admin:addPerson.email")}
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
        errors={fields.email.errors}
        errorId={fields.email.errorId}
      />
      <div>
        <label htmlFor={fields.role.id} className="block text-sm font-medium text-slate-800">
          {t("admin:addPerson.role")}
        </label>
        <select
          {...getInputProps(fields.role, { type: "text" })}
          defaultValue={fields.role.initialValue ?? "employee"}
          className="mt-1.5 w-full rounded-lg border border-slate-300 px-3 py-2.5"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(roleLabels[role])}
            </option>
          ))}
        </select>
        <p id={fields.role.errorId} className="mt-1 text-sm text-red-700">
          {fields.role.errors?.map((error) => errorText(t, error))}
        </p>
      </div>
      <div>
        <label htmlFor={fields.teamId.id} className="block text-sm font-medium text-slate-800">
          {t("admin:addPerson.team")}
        </label>
        <select
          {...getInputProps(fields.teamId, { type: "text" })}
          className="mt-1.5 w-full rounded-lg border border-slate-300 px-3 py-2.5"
        >
          <option value="">{t("admin:addPerson.noTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <p id={fields.teamId.errorId} className="mt-1 text-sm text-red-700">
          {fields.teamId.errors?.map((error) => errorText(t, error))}
        </p>
      </div>
      <Field
        label={t("admin:addPerson.hiredAt")}
        inputProps={getInputProps(fields.hiredAt, { type: "date" })}
        errors={fields.hiredAt.errors}
        errorId={fields.hiredAt.errorId}
      />
      <Field
        label={t("admin:addPerson.timeZone")}
        inputProps={{
          ...getInputProps(fields.timeZone, { type: "text" }),
          defaultValue: fields.timeZone.initialValue ?? "Europe/Ljubljana",
        }}
        errors={fields.timeZone.errors}
        errorId={fields.timeZone.errorId}
      />
      <div>
        <label htmlFor={fields.locale.id} className="block text-sm font-medium text-slate-800">
          {t("admin:addPerson.locale")}
        </label>
        <select
          {...getInputProps(fields.locale, { type: "text" })}
          defaultValue={fields.locale.initialValue ?? "en"}
          className="mt-1.5 w-full rounded-lg border border-slate-300 px-3 py-2.5"
        >
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {localeNames[locale]}
            </option>
          ))}
        </select>
        <p id={fields.locale.errorId} className="mt-1 text-sm text-red-700">
          {fields.locale.errors?.map((error) => errorText(t, error))}
        </p>
      </div>
      <Field
        label={t("admin:addPerson.password")}
        // The password policy's hint is a message key with values.
        hint={errorText(t, passwordHint)}
        inputProps={{
          ...getInputProps(fields.password, { type: "password" }),
          autoComplete: "new-password",
        }}
        errors={fields.password.errors}
        errorId={fields.password.errorId}
      />
      <div className="flex items-end">
        <Button type="submit">{t("admin:addPerson.submit")}</Button>
      </div>
    </Form>
  );
}
