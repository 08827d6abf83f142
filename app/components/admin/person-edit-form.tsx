import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { UpdatePersonSchema } from "~/admin/forms";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { LocaleOptions, RoleOptions, TeamOptions } from "./person-options";

/**
 * A person's details, changed in place. Their assignments follow their new role and team at once;
 * the admin cannot change their own role (they would lock themselves out of this page).
 */
export function PersonEditForm({
  person,
  teams,
  self,
  lastResult,
  saved,
}: {
  person: {
    name: string;
    email: string;
    role: string;
    teamId: string | null;
    locale: string;
    hiredAt: string;
    timeZone: string;
  };
  teams: { id: string; name: string }[];
  self: boolean;
  lastResult?: SubmissionResult<string[]>;
  /** After a save: whether anything changed. */
  saved?: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof UpdatePersonSchema>>({
    id: "edit-person",
    lastResult,
    defaultValue: {
      name: person.name,
      email: person.email,
      role: person.role as z.input<typeof UpdatePersonSchema>["role"],
      teamId: person.teamId ?? "",
      locale: person.locale as z.input<typeof UpdatePersonSchema>["locale"],
      hiredAt: person.hiredAt,
      timeZone: person.timeZone,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdatePersonSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="intent" value="update-person" />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        {saved !== undefined && lastResult?.status !== "error" ? (
          <p
            role="status"
            className="rounded-xl border border-green-200 bg-green-50 px-4 py-3 text-sm font-medium text-green-950"
          >
            {saved ? t("admin:person.saved") : t("admin:person.unchanged")}
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
      <SelectField
        meta={fields.role}
        label={t("admin:addPerson.role")}
        hint={self ? t("admin:person.ownRoleHint") : undefined}
      >
        <RoleOptions only={self ? person.role : undefined} />
      </SelectField>
      <SelectField meta={fields.teamId} label={t("admin:addPerson.team")}>
        <TeamOptions teams={teams} />
      </SelectField>
      <SelectField meta={fields.locale} label={t("admin:addPerson.locale")}>
        <LocaleOptions />
      </SelectField>
      <Field meta={fields.hiredAt} type="date" label={t("admin:addPerson.hiredAt")} />
      <Field meta={fields.timeZone} type="text" label={t("admin:addPerson.timeZone")} />
      <div className="flex items-end">
        <Button type="submit">{t("admin:person.save")}</Button>
      </div>
    </Form>
  );
}
