import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddPersonSchema, BulkPeopleSchema } from "~/admin/forms";
import { addPerson, emailTaken, teamExists } from "~/admin/people.server";
import {
  isFiltered,
  parsePeopleFilters,
  peoplePageSize,
  peopleSearch,
} from "~/admin/people-filters";
import { listPeople } from "~/admin/people-list.server";
import {
  movePeople,
  reinvitePeople,
  sendInvitation,
  setPeopleActive,
} from "~/admin/person-edit.server";
import { actorOf } from "~/audit/audit.server";
import { passwordProblem } from "~/auth/password-policy.server";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { AddPersonForm } from "~/components/admin/add-person-form";
import { PeopleFilterForm } from "~/components/admin/people-filter-form";
import { PeopleTable } from "~/components/admin/people-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { FormErrors } from "~/components/ui/form-errors";
import { Pagination } from "~/components/ui/pagination";
import { newFormKey, recordFor } from "~/db/form-keys.server";
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { mailerFromEnv } from "~/mail/mailer.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// Everyone in the organisation, a page at a time: search, filters and sort in the URL; a person's
// name leads to their page; ticked people can be moved, deactivated, reactivated or re-invited
// together; a new person is added at the bottom.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "admin");
  const metaTitle = fixedT(
    await requestLocale(request, user),
    "admin",
  )("admin:peopleList.metaTitle");
  const filters = parsePeopleFilters(new URL(request.url).searchParams);
  const [list, teams] = await Promise.all([
    listPeople(filters),
    prisma.team.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, archivedAt: true },
    }),
  ]);
  return {
    ...list,
    filters: { ...filters, page: list.page },
    teams,
    formKey: newFormKey(),
    metaTitle,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireArea(request, "admin");
  await requireWriteAllowance(admin.id);
  // Up to 500 ticked people, each id up to 64 characters.
  const body = await readForm(request, 64 * 1024);
  if (!body.ok) return formErrorResponse(body.message);
  const intent = body.formData.get("intent");
  const actor = { ...actorOf(admin, context.clientAddress), id: admin.id };

  if (intent === "bulk") {
    const submission = parseWithZod(body.formData, { schema: BulkPeopleSchema });
    if (submission.status !== "success")
      return data({ form: "bulk", result: submission.reply() }, { status: 400 });
    const { action: what, userIds, teamId } = submission.value;
    const result =
      what === "move-team"
        ? await movePeople(actor, userIds, teamId!)
        : what === "resend-invitation"
          ? await reinvitePeople(actor, userIds, mailerFromEnv(), admin.name)
          : await setPeopleActive(actor, userIds, what === "activate");
    if (!result.ok)
      return data(
        { form: "bulk", result: submission.reply({ formErrors: [result.message] }) },
        { status: 400 },
      );
    const team =
      what === "move-team"
        ? ((await prisma.team.findUnique({ where: { id: teamId! }, select: { name: true } }))
            ?.name ?? "")
        : "";
    return {
      form: "bulk",
      result: submission.reply({ resetForm: true }),
      done: { action: what, changed: result.changed, skipped: result.skipped, team },
    };
  }

  // Anything else is the add-person form (a wrong intent is refused by its schema).
  // A repeat of a form that added someone: their e-mail is taken now, by them; it succeeded.
  const key = body.formData.get("formKey");
  if (typeof key === "string" && (await recordFor({ userId: admin.id, key, kind: "person" })))
    return { form: "add-person", result: { status: "success" as const, initialValue: null } };
  const submission = await parseWithZod(body.formData, {
    async: true,
    schema: AddPersonSchema.superRefine(async (value, ctx) => {
      if (await emailTaken(value.email))
        ctx.addIssue({ code: "custom", path: ["email"], message: "admin:errors.emailTaken" });
      if (value.teamId && !(await teamExists(value.teamId)))
        ctx.addIssue({ code: "custom", path: ["teamId"], message: "admin:errors.unknownTeam" });
      const problem = value.password && passwordProblem(value.password, value, "their");
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }),
  });
  if (submission.status !== "success")
    return data(
      { form: "add-person", result: submission.reply({ hideFields: ["password"] }) },
      { status: 400 },
    );
  const { name, email, role, teamId, hiredAt, timeZone, locale, password, formKey } =
    submission.value;
  const added = await addPerson(actor, {
    name,
    email,
    role,
    teamId: teamId ?? null,
    hiredAt: hiredAt ? new Date(`${hiredAt}T09:00:00Z`) : null,
    timeZone,
    locale,
    password: password ?? null,
    formKey,
  });
  const invited = added.invitation
    ? await sendInvitation(
        { id: added.id, name, email, locale, timeZone },
        admin.name,
        added.invitation,
      )
    : null;
  return {
    form: "add-person",
    result: submission.reply({ resetForm: true }),
    added: name,
    addedId: added.id,
    invited,
  };
}

function BulkDone({
  done,
}: {
  done: { action: string; changed: number; skipped: number; team: string };
}) {
  const { t } = useTranslation();
  return (
    <p
      role="status"
      className="mb-4 rounded-xl border border-green-200 bg-green-50 px-4 py-3 text-sm font-medium text-green-950"
    >
      {t(`admin:peopleList.bulk.done.${done.action}`, { count: done.changed, team: done.team })}
      {done.skipped
        ? ` ${t(`admin:peopleList.bulk.skipped.${done.action}`, { count: done.skipped })}`
        : ""}
    </p>
  );
}

export default function AdminPeople() {
  const { t } = useTranslation();
  const { rows, total, page, pageCount, filters, teams, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (form: string) =>
    actionData && "form" in actionData && actionData.form === form ? actionData.result : undefined;
  const bulk = resultFor("bulk");
  const bulkErrors =
    bulk?.status === "error"
      ? Object.values(bulk.error ?? {})
          .flat()
          .filter((e): e is string => Boolean(e))
      : [];
  const openTeams = teams.filter((team) => !team.archivedAt);
  return (
    <Page title={t("admin:peopleList.title")} lead={t("admin:peopleList.lead")} wide>
      <nav
        aria-label={t("admin:peopleList.more")}
        className="-mt-2 mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm"
      >
        <Link to="/admin" className="font-medium text-brand-800 underline">
          {t("admin:peopleList.backToAdmin")}
        </Link>
        <Link to="/admin/people/import" className="font-medium text-brand-800 underline">
          {t("admin:peopleList.import")}
        </Link>
        <a href="#add-person" className="font-medium text-brand-800 underline">
          {t("admin:peopleList.addLink")}
        </a>
      </nav>
      <PeopleFilterForm filters={filters} teams={teams} />
      <section aria-labelledby="people-heading" className="mt-6">
        <h2 id="people-heading" className="sr-only">
          {t("admin:peopleList.heading")}
        </h2>
        <FormErrors id="bulk-errors" errors={bulkErrors} />
        {actionData && "done" in actionData && actionData.done ? (
          <BulkDone done={actionData.done} />
        ) : null}
        {rows.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {isFiltered(filters) ? t("admin:peopleList.noMatch") : t("admin:peopleList.nobody")}
          </p>
        ) : (
          <PeopleTable
            key={`${page}:${JSON.stringify(filters)}`}
            people={rows}
            filters={filters}
            teams={openTeams}
          />
        )}
        <Pagination
          page={page}
          pageCount={pageCount}
          pageSize={peoplePageSize}
          total={total}
          href={(to) => `/admin/people${peopleSearch(filters, { page: to })}`}
        />
      </section>
      <section aria-labelledby="add-person-heading" className="mt-10">
        <AddPersonForm
          teams={openTeams}
          formKey={formKey}
          lastResult={resultFor("add-person")}
          added={actionData && "added" in actionData ? actionData.added : undefined}
          invited={actionData && "invited" in actionData ? actionData.invited : undefined}
        />
      </section>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
