import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AssignSchema } from "~/admin/forms";
import { roleLabels, roles } from "~/auth/roles";
import { Button } from "~/components/ui/button";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { DataTable } from "~/components/ui/data-table";
import { FormErrors } from "~/components/ui/form-errors";
import { Field, FormKeyInput, SelectField } from "~/components/ui/field";

/** Role names as lower-case words in a list ("employee, manager · Online chat"). */
const roleWords: Record<string, string> = {
  employee: "admin:assignments.roles.employee",
  manager: "admin:assignments.roles.manager",
  trainer: "admin:assignments.roles.trainer",
  admin: "admin:assignments.roles.admin",
};

type Assignment = {
  id: string;
  moduleSlug: string;
  roles: string[];
  teamIds: string[];
  dueRule: string;
  dueDays: number;
};

export function AssignmentsSection({
  assignments,
  modules,
  teams,
  formKey,
  lastResult,
  assigned,
}: {
  assignments: Assignment[];
  formKey: string;
  modules: { slug: string; title: string }[];
  teams: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]>;
  /** The module just assigned (its title), to confirm it. */
  assigned?: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof AssignSchema>>({
    id: "assign",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignSchema }),
  });
  const title = (slug: string) => modules.find((m) => m.slug === slug)?.title ?? slug;
  const teamName = (id: string) =>
    teams.find((team) => team.id === id)?.name ?? t("admin:assignments.unknownTeam");
  const roleWord = (role: string) => {
    const key = roleWords[role];
    return key ? t(key) : role;
  };
  return (
    <section aria-labelledby="assignments-heading" className="mb-10">
      <h2 id="assignments-heading" className="mb-3 text-lg font-semibold">
        {t("admin:assignments.heading")}
      </h2>
      {assignments.length ? (
        <DataTable
          caption={t("admin:assignments.caption")}
          rows={assignments}
          rowKey={(a) => a.id}
          columns={[
            {
              key: "module",
              header: t("admin:assignments.columns.module"),
              className: "font-medium text-slate-900",
              cell: (a) => title(a.moduleSlug),
            },
            {
              key: "who",
              header: t("admin:assignments.columns.who"),
              className: "text-slate-700",
              cell: (a) => (
                <>
                  {a.roles.length
                    ? a.roles.map(roleWord).join(", ")
                    : t("admin:assignments.everyRole")}
                  {" · "}
                  {a.teamIds.length
                    ? a.teamIds.map(teamName).join(", ")
                    : t("admin:assignments.everyTeam")}
                </>
              ),
            },
            {
              key: "due",
              header: t("admin:assignments.columns.due"),
              className: "text-slate-700",
              cell: (a) =>
                t(
                  a.dueRule === "after_hire"
                    ? "admin:assignments.daysAfterHire"
                    : "admin:assignments.daysAfterAssignment",
                  { count: a.dueDays },
                ),
            },
            {
              key: "actions",
              header: t("admin:assignments.columns.actions"),
              hidden: true,
              className: "text-right",
              cell: (a) => (
                <ConfirmForm
                  method="post"
                  question={t("admin:assignments.endConfirm", { title: title(a.moduleSlug) })}
                >
                  <input type="hidden" name="intent" value="unassign" />
                  <input type="hidden" name="assignmentId" value={a.id} />
                  <button
                    type="submit"
                    aria-label={t("admin:assignments.endLabel", { title: title(a.moduleSlug) })}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                  >
                    {t("admin:assignments.end")}
                  </button>
                </ConfirmForm>
              ),
            },
          ]}
        />
      ) : (
        <p className="text-slate-700">{t("admin:assignments.none")}</p>
      )}

      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
      >
        <input type="hidden" name="intent" value="assign" />
        <FormKeyInput meta={fields.formKey} value={formKey} />
        <h3 className="text-base font-semibold sm:col-span-2">
          {t("admin:assignments.formHeading")}
        </h3>
        <div className="sm:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <SelectField meta={fields.moduleSlug} label={t("admin:assignments.module")}>
          <option value="">{t("admin:assignments.choose")}</option>
          {modules.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.title}
            </option>
          ))}
        </SelectField>
        <Field
          meta={fields.dueDays}
          type="number"
          label={t("admin:assignments.dueDays")}
          min={1}
          max={365}
          defaultValue={String(fields.dueDays.initialValue ?? 14)}
        />
        <fieldset>
          <legend className="text-sm font-medium">{t("admin:assignments.rolesLegend")}</legend>
          {roles.map((role) => (
            <label key={role} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="roles"
                value={role}
                className="size-4 accent-brand-700"
              />{" "}
              {t(roleLabels[role])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">{t("admin:assignments.teamsLegend")}</legend>
          {teams.map((team) => (
            <label key={team.id} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="teamIds"
                value={team.id}
                className="size-4 accent-brand-700"
              />{" "}
              {team.name}
            </label>
          ))}
        </fieldset>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">{t("admin:assignments.dueRuleLegend")}</legend>
          <label className="mt-1 mr-6 inline-flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="dueRule"
              value="after_assignment"
              defaultChecked
              className="accent-brand-700"
            />{" "}
            {t("admin:assignments.afterAssignment")}
          </label>
          <label className="mt-1 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="dueRule" value="after_hire" className="accent-brand-700" />{" "}
            {t("admin:assignments.afterHire")}
          </label>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit">{t("admin:assignments.submit")}</Button>
          {assigned ? (
            <p role="status" className="text-sm font-medium text-green-800">
              {t("admin:assignments.assigned", { title: assigned })}
            </p>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
