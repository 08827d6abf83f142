import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actorOf } from "~/audit/audit.server";
import { createAssignment, endAssignment, listAssignmentRows } from "~/admin/assignments.server";
import { createTeam, setTeamArchived, updateTeam } from "~/admin/teams.server";
import {
  AddTeamSchema,
  ArchiveTeamSchema,
  AssignSchema,
  ClearThrottleSchema,
  EndAssignmentSchema,
  UpdateTeamSchema,
} from "~/admin/forms";
import { clearThrottle, listThrottles } from "~/auth/throttle.server";
import { listManagers, listTeams } from "~/admin/users.server";
import { teamExists } from "~/admin/people.server";
import { peopleCounts } from "~/admin/people-list.server";
import { TeamsSection } from "~/components/admin/teams-section";
import { useFormat } from "~/i18n/use-format";
import { AssignmentsSection } from "~/components/admin/assignments-section";
import { ThrottlesSection } from "~/components/admin/throttles-section";
import { listModuleArtefacts } from "~/content/store.server";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { FormErrors } from "~/components/ui/form-errors";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { newFormKey } from "~/db/form-keys.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "admin");
  const metaTitle = fixedT(await requestLocale(request, user), "admin")("admin:metaTitle");
  const [counts, managers, teams, assignments, modules, throttles] = await Promise.all([
    peopleCounts(),
    listManagers(),
    listTeams(),
    listAssignmentRows(),
    publishedModules(),
    listThrottles(),
  ]);
  // One key for the page's two create forms (a key is per kind of record).
  return {
    counts,
    managers,
    teams,
    assignments,
    modules,
    metaTitle,
    formKey: newFormKey(),
    throttles: throttles.map((row) => ({
      key: row.key,
      kind: row.kind,
      account: row.account,
      address: row.address,
      failures: row.failures,
      latest: row.latest.toISOString(),
      state: row.decision.allowed ? "counting" : row.decision.slowed ? "slowed" : "refused",
      minutes: row.decision.allowed ? 0 : Math.ceil(row.decision.retryAfterSeconds / 60),
    })),
  };
}

async function publishedModules() {
  return (await listModuleArtefacts())
    .filter((m) => m.frontmatter && !m.frontmatter.draft && m.problems.length === 0)
    .map((m) => ({ slug: m.slug, title: m.frontmatter!.title }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireArea(request, "admin");
  await requireWriteAllowance(admin.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);
  const intent = body.formData.get("intent");

  if (intent === "assign") {
    const submission = await parseWithZod(body.formData, {
      async: true,
      schema: AssignSchema.superRefine(async (value, ctx) => {
        if (!(await publishedModules()).some((m) => m.slug === value.moduleSlug)) {
          ctx.addIssue({
            code: "custom",
            path: ["moduleSlug"],
            message: "admin:errors.publishedModule",
          });
        }
        for (const teamId of value.teamIds) {
          if (!(await teamExists(teamId)))
            ctx.addIssue({
              code: "custom",
              path: ["teamIds"],
              message: "admin:errors.unknownTeam",
            });
        }
      }),
    });
    if (submission.status !== "success")
      return data({ form: "assign", result: submission.reply() }, { status: 400 });
    await createAssignment(actorOf(admin, context.clientAddress), submission.value);
    const assigned =
      (await publishedModules()).find((m) => m.slug === submission.value.moduleSlug)?.title ??
      submission.value.moduleSlug;
    return { form: "assign", result: submission.reply({ resetForm: true }), assigned };
  }

  if (intent === "add-team" || intent === "update-team") {
    const submission = parseWithZod(body.formData, {
      schema: intent === "add-team" ? AddTeamSchema : UpdateTeamSchema,
    });
    const form = intent === "add-team" ? "add-team" : `team:${String(body.formData.get("teamId"))}`;
    if (submission.status !== "success")
      return data({ form, result: submission.reply() }, { status: 400 });
    const actor = actorOf(admin, context.clientAddress);
    const value = submission.value;
    const result =
      value.intent === "add-team"
        ? await createTeam(actor, { name: value.name, managerIds: value.managerIds })
        : await updateTeam(actor, {
            teamId: value.teamId,
            name: value.name,
            managerIds: value.managerIds,
          });
    if (!result.ok)
      return data(
        { form, result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) },
        { status: 400 },
      );
    return {
      form,
      result: submission.reply({ resetForm: value.intent === "add-team" }),
      team: value.name,
    };
  }

  if (intent === "archive-team" || intent === "restore-team") {
    const submission = parseWithZod(body.formData, { schema: ArchiveTeamSchema });
    if (submission.status !== "success")
      return data({ form: "row", result: submission.reply() }, { status: 400 });
    const result = await setTeamArchived(
      actorOf(admin, context.clientAddress),
      submission.value.teamId,
      submission.value.intent === "archive-team",
    );
    if (!result.ok) return rowRefusal(submission, result.message);
    return { form: "row", result: submission.reply() };
  }

  if (intent === "clear-throttle") {
    const submission = parseWithZod(body.formData, { schema: ClearThrottleSchema });
    if (submission.status !== "success")
      return data({ form: "row", result: submission.reply() }, { status: 400 });
    await clearThrottle(actorOf(admin, context.clientAddress), submission.value.key);
    return { form: "row", result: submission.reply() };
  }

  const submission = parseWithZod(body.formData, { schema: EndAssignmentSchema });
  if (submission.status !== "success")
    return data({ form: "row", result: submission.reply() }, { status: 400 });
  const ended = await endAssignment(
    actorOf(admin, context.clientAddress),
    submission.value.assignmentId,
  );
  if (!ended) return rowRefusal(submission, "admin:errors.assignmentEnded");
  return { form: "row", result: submission.reply() };
}

/** A row button's form refused with a message for the top of the page; nothing was written. */
function rowRefusal(submission: { reply: SubmissionReply }, message: string) {
  return data(
    { form: "row", result: submission.reply({ formErrors: [message] }) },
    { status: 400 },
  );
}
type SubmissionReply = (options: { formErrors: string[] }) => SubmissionResult<string[]>;

/** The organisation's people in four numbers, with the way to the list and the import. */
function PeopleSummary({
  counts,
}: {
  counts: { active: number; inactive: number; awaiting: number; never: number };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = [
    { key: "active", to: "/admin/people", value: counts.active },
    { key: "awaiting", to: "/admin/people?signIn=invited", value: counts.awaiting },
    { key: "never", to: "/admin/people?signIn=never", value: counts.never },
    { key: "inactive", to: "/admin/people?status=inactive", value: counts.inactive },
  ] as const;
  return (
    <section aria-labelledby="people-summary-heading" className="mb-10">
      <h2 id="people-summary-heading" className="mb-3 text-lg font-semibold">
        {t("admin:people.heading")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((figure) => (
          <li key={figure.key}>
            <Link
              to={figure.to}
              className="block rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50"
            >
              <span className="block text-2xl font-bold text-slate-900 tabular-nums">
                {format.number(figure.value)}
              </span>
              <span className="text-sm text-slate-700">
                {t(`admin:peopleSummary.${figure.key}`, { count: figure.value })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-4 flex flex-wrap gap-3">
        <Link
          to="/admin/people"
          className="rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("admin:peopleSummary.manage")}
        </Link>
        <Link
          to="/admin/people#add-person"
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-900 hover:bg-slate-50"
        >
          {t("admin:peopleList.addLink")}
        </Link>
        <Link
          to="/admin/people/import"
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-900 hover:bg-slate-50"
        >
          {t("admin:peopleList.import")}
        </Link>
      </p>
    </section>
  );
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { counts, managers, teams, assignments, modules, formKey, throttles } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Each form shows its own result; row buttons (end an assignment, archive) report at the top.
  const resultFor = (form: string) =>
    actionData && "form" in actionData && actionData.form === form ? actionData.result : undefined;
  // Archived teams keep their history but take no one new.
  const openTeams = teams.filter((team) => !team.archivedAt);
  const topResult =
    resultFor("row") ?? (actionData && !("form" in actionData) ? actionData.result : undefined);
  const errors = topResult?.status === "error" ? Object.values(topResult.error ?? {}).flat() : [];
  return (
    <Page title={t("admin:title")} lead={t("admin:lead")}>
      <p className="-mt-2 mb-6 text-sm">
        <Link to="/admin/audit" className="font-medium text-brand-800 underline">
          {t("admin:audit.link")}
        </Link>
      </p>
      <FormErrors id="admin-errors" errors={errors.filter((e): e is string => Boolean(e))} />
      <PeopleSummary counts={counts} />
      <TeamsSection
        teams={teams}
        managers={managers}
        resultFor={resultFor}
        saved={actionData && "team" in actionData ? actionData.team : undefined}
      />
      <AssignmentsSection
        assignments={assignments}
        modules={modules}
        teams={openTeams}
        formKey={formKey}
        lastResult={resultFor("assign")}
        assigned={actionData && "assigned" in actionData ? actionData.assigned : undefined}
      />
      <ThrottlesSection throttles={throttles} />
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
