import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddTeamSchema, UpdateTeamSchema } from "~/admin/forms";
import { Button } from "~/components/ui/button";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { Field, FieldErrors } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { useFormat } from "~/i18n/use-format";

type Team = {
  id: string;
  name: string;
  archivedAt: string | Date | null;
  managers: { userId: string; user: { name: string } }[];
  _count: { members: number };
};
type Person = { id: string; name: string };

/** The team's name and managers, in a form of its own (a new team, or one to change). */
function TeamForm({
  team,
  managers,
  lastResult,
}: {
  team?: Team;
  managers: Person[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const schema = team ? UpdateTeamSchema : AddTeamSchema;
  const [form, fields] = useForm({
    id: team ? `team-${team.id}` : "add-team",
    lastResult,
    defaultValue: team ? { name: team.name } : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
      <input type="hidden" name="intent" value={team ? "update-team" : "add-team"} />
      {team ? <input type="hidden" name="teamId" value={team.id} /> : null}
      <div className="sm:col-span-3">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <Field meta={fields.name} type="text" label={t("admin:teams.name")} autoComplete="off" />
      <fieldset
        aria-describedby={fields.managerIds.errors?.length ? fields.managerIds.errorId : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">{t("admin:teams.managers")}</legend>
        <div className="mt-1.5 max-h-40 overflow-y-auto rounded-lg border border-slate-200 px-3 py-1.5">
          {managers.length === 0 ? (
            <p className="text-sm text-slate-600">{t("admin:teams.noManagersToChoose")}</p>
          ) : null}
          {managers.map((person) => (
            <label key={person.id} className="flex items-center gap-2 py-0.5 text-sm">
              <input
                type="checkbox"
                name="managerIds"
                value={person.id}
                defaultChecked={team?.managers.some((m) => m.userId === person.id)}
                className="size-4 accent-brand-700"
              />
              {person.name}
            </label>
          ))}
        </div>
        <FieldErrors meta={fields.managerIds} />
      </fieldset>
      <div className="flex items-end">
        <Button type="submit" variant={team ? "secondary" : "primary"}>
          {team ? t("admin:teams.save") : t("admin:teams.add")}
        </Button>
      </div>
    </Form>
  );
}

/**
 * The organisation's teams: each with its managers and size, changed in place (name, managers),
 * archived once nobody active is in it; and a form for a new one.
 */
export function TeamsSection({
  teams,
  managers,
  resultFor,
  saved,
}: {
  teams: Team[];
  managers: Person[];
  resultFor: (form: string) => SubmissionResult<string[]> | undefined;
  /** The team just added or changed, to confirm it. */
  saved?: string;
}) {
  const { t } = useTranslation();
  const members = (team: Team) => t("admin:teams.members", { count: team._count.members });
  const format = useFormat();
  return (
    <section aria-labelledby="teams-heading" className="mb-10">
      <h2 id="teams-heading" className="mb-3 text-lg font-semibold">
        {t("admin:teams.heading")}
      </h2>
      {saved ? (
        <p
          role="status"
          className="mb-3 rounded-xl border border-green-200 bg-green-50 px-4 py-2 text-sm font-medium text-green-950"
        >
          {t("admin:teams.saved", { name: saved })}
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {teams.map((team) => (
          <li
            key={team.id}
            className={`rounded-xl border p-4 ${team.archivedAt ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200 bg-white"}`}
          >
            <p className="font-semibold">
              {team.name}
              {team.archivedAt ? (
                <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">
                  {t("admin:teams.archived")}
                </span>
              ) : null}
            </p>
            <p className="text-sm text-slate-600">
              {team.managers.length
                ? t("admin:teams.managedBy", {
                    count: team.managers.length,
                    members: members(team),
                    name: format.list(team.managers.map((m) => m.user.name)),
                  })
                : t("admin:teams.noManager", { members: members(team) })}
            </p>
            <details className="mt-2" open={Boolean(resultFor(`team:${team.id}`))}>
              <summary className="cursor-pointer text-sm font-medium text-brand-800">
                {t("admin:teams.edit", { name: team.name })}
              </summary>
              <div className="mt-3 space-y-3">
                {team.archivedAt ? null : (
                  <TeamForm
                    team={team}
                    managers={managers}
                    lastResult={resultFor(`team:${team.id}`)}
                  />
                )}
                <ConfirmForm
                  method="post"
                  question={t(
                    team.archivedAt ? "admin:teams.restoreConfirm" : "admin:teams.archiveConfirm",
                    { name: team.name },
                  )}
                >
                  <input type="hidden" name="teamId" value={team.id} />
                  <button
                    type="submit"
                    name="intent"
                    value={team.archivedAt ? "restore-team" : "archive-team"}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-white"
                  >
                    {team.archivedAt
                      ? t("admin:teams.restore", { name: team.name })
                      : t("admin:teams.archive", { name: team.name })}
                  </button>
                </ConfirmForm>
              </div>
            </details>
          </li>
        ))}
      </ul>
      <div className="mt-4 rounded-xl border border-slate-200 bg-white p-5">
        <h3 className="mb-3 text-base font-semibold">{t("admin:teams.addHeading")}</h3>
        <TeamForm managers={managers} lastResult={resultFor("add-team")} />
      </div>
    </section>
  );
}
