import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { AssignSchema } from "~/admin/forms";
import { roleLabels, roles } from "~/auth/roles";
import { Button } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/form-errors";

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
  const [form, fields] = useForm<z.input<typeof AssignSchema>>({
    id: "assign",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignSchema }),
  });
  const title = (slug: string) => modules.find((m) => m.slug === slug)?.title ?? slug;
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? "unknown team";
  return (
    <section aria-labelledby="assignments-heading" className="mb-10">
      <h2 id="assignments-heading" className="mb-3 text-lg font-semibold">
        Assignments
      </h2>
      {assignments.length ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Modules assigned to people</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Module
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Who
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Due
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {assignments.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">{title(a.moduleSlug)}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {a.roles.length ? a.roles.join(", ") : "every role"}
                    {" · "}
                    {a.teamIds.length ? a.teamIds.map(teamName).join(", ") : "every team"}
                  </td>
                  <td className="px-4 py-3 text-slate-700">
                    {a.dueDays} days after {a.dueRule === "after_hire" ? "hire" : "assignment"}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <Form method="post">
                      <input type="hidden" name="intent" value="unassign" />
                      <input type="hidden" name="assignmentId" value={a.id} />
                      <button
                        type="submit"
                        aria-label={`End assignment of ${title(a.moduleSlug)}`}
                        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                      >
                        End
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-slate-700">No module is assigned yet.</p>
      )}

      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
      >
        <input type="hidden" name="intent" value="assign" />
        <h3 className="text-base font-semibold sm:col-span-2">Assign a module</h3>
        <div className="sm:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <div>
          <label htmlFor={fields.moduleSlug.id} className="block text-sm font-medium">
            Module
          </label>
          <select
            {...getInputProps(fields.moduleSlug, { type: "text" })}
            className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
          >
            <option value="">Choose…</option>
            {modules.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.title}
              </option>
            ))}
          </select>
          <p id={fields.moduleSlug.errorId} className="mt-1 text-sm text-red-700">
            {fields.moduleSlug.errors}
          </p>
        </div>
        <div>
          <label htmlFor={fields.dueDays.id} className="block text-sm font-medium">
            Days to complete
          </label>
          <input
            {...getInputProps(fields.dueDays, { type: "number" })}
            min={1}
            max={365}
            defaultValue={String(fields.dueDays.initialValue ?? 14)}
            className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
          />
          <p id={fields.dueDays.errorId} className="mt-1 text-sm text-red-700">
            {fields.dueDays.errors}
          </p>
        </div>
        <fieldset>
          <legend className="text-sm font-medium">Roles (none ticked: every role)</legend>
          {roles.map((role) => (
            <label key={role} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="roles"
                value={role}
                className="size-4 accent-brand-700"
              />{" "}
              {roleLabels[role]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">Teams (none ticked: every team)</legend>
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
          <legend className="text-sm font-medium">The days count from</legend>
          <label className="mt-1 mr-6 inline-flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="dueRule"
              value="after_assignment"
              defaultChecked
              className="accent-brand-700"
            />{" "}
            the assignment (or joining, if later)
          </label>
          <label className="mt-1 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="dueRule" value="after_hire" className="accent-brand-700" />{" "}
            the hire date (new hires)
          </label>
        </fieldset>
        <div className="sm:col-span-2">
          <Button type="submit">Assign</Button>
        </div>
      </Form>
    </section>
  );
}
