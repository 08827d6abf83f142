import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AssignSchema } from "~/admin/forms";
import { roleLabels, roles } from "~/auth/roles";
import { Button } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/form-errors";
import { errorText } from "~/i18n/errors";

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
  lastResult,
}: {
  assignments: Assignment[];
  modules: { slug: string; title: string }[];
  teams: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]>;
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
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("admin:assignments.caption")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("admin:assignments.columns.module")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("admin:assignments.columns.who")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("admin:assignments.columns.due")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">{t("admin:assignments.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {assignments.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">{title(a.moduleSlug)}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {a.roles.length
                      ? a.roles.map(roleWord).join(", ")
                      : t("admin:assignments.everyRole")}
                    {" · "}
                    {a.teamIds.length
                      ? a.teamIds.map(teamName).join(", ")
                      : t("admin:assignments.everyTeam")}
                  </td>
                  <td className="px-4 py-3 text-slate-700">
                    {t(
                      a.dueRule === "after_hire"
                        ? "admin:assignments.daysAfterHire"
                        : "admin:assignments.daysAfterAssignment",
                      { count: a.dueDays },
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <Form method="post">
                      <input type="hidden" name="intent" value="unassign" />
                      <input type="hidden" name="assignmentId" value={a.id} />
                      <button
                        type="submit"
                        aria-label={t("admin:assignments.endLabel", {
                          title: title(a.moduleSlug),
                        })}
                        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                      >
                        {t("admin:assignments.end")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-slate-700">{t("admin:assignments.none")}</p>
      )}

      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
      >
        <input type="hidden" name="intent" value="assign" />
        <h3 className="text-base font-semibold sm:col-span-2">
          {t("admin:assignments.formHeading")}
        </h3>
        <div className="sm:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <div>
          <label htmlFor={fields.moduleSlug.id} className="block text-sm font-medium">
            {t("admin:assignments.module")}
          </label>
          <select
            {...getInputProps(fields.moduleSlug, { type: "text" })}
            className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
          >
            <option value="">{t("admin:assignments.choose")}</option>
            {modules.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.title}
              </option>
            ))}
          </select>
          <p id={fields.moduleSlug.errorId} className="mt-1 text-sm text-red-700">
            {fields.moduleSlug.errors?.map((error) => errorText(t, error))}
          </p>
        </div>
        <div>
          <label htmlFor={fields.dueDays.id} className="block text-sm font-medium">
            {t("admin:assignments.dueDays")}
          </label>
          <input
            {...getInputProps(fields.dueDays, { type: "number" })}
            min={1}
            max={365}
            defaultValue={String(fields.dueDays.initialValue ?? 14)}
            className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
          />
          <p id={fields.dueDays.errorId} className="mt-1 text-sm text-red-700">
            {fields.dueDays.errors?.map((error) => errorText(t, error))}
          </p>
        </div>
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
        <div className="sm:col-span-2">
          <Button type="submit">{t("admin:assignments.submit")}</Button>
        </div>
      </Form>
    </section>
  );
}
