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
  AddPersonSchema,
  AddTeamSchema,
  ArchiveTeamSchema,
  AssignSchema,
  ClearThrottleSchema,
  EndAssignmentSchema,
  ResendInvitationSchema,
  ResetTwoFactorSchema,
  SetActiveSchema,
  UpdateTeamSchema,
} from "~/admin/forms";
import { clearThrottle, listThrottles } from "~/auth/throttle.server";
import { removeTwoFactor } from "~/auth/two-factor.server";
import { prisma } from "~/db.server";
import { addPerson, emailTaken, teamExists } from "~/admin/people.server";
import { invitationLink, mailInvitation, resendInvitation } from "~/admin/invitations.server";
import { mailerFromEnv } from "~/mail/mailer.server";
import { setUserActive, listTeams, listUsers } from "~/admin/users.server";
import { AddPersonForm } from "~/components/admin/add-person-form";
import { TeamsSection } from "~/components/admin/teams-section";
import { InvitationSent } from "~/components/admin/invitation-sent";
import { useFormat } from "~/i18n/use-format";
import { AssignmentsSection } from "~/components/admin/assignments-section";
import { ThrottlesSection } from "~/components/admin/throttles-section";
import { listModuleArtefacts } from "~/content/store.server";
import { passwordProblem } from "~/auth/password-policy.server";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { isRole, roleLabels } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { DataTable } from "~/components/ui/data-table";
import { FormErrors } from "~/components/ui/form-errors";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { newFormKey, recordFor } from "~/db/form-keys.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "admin");
  const metaTitle = fixedT(await requestLocale(request, user), "admin")("admin:metaTitle");
  const [users, teams, assignments, modules, throttles] = await Promise.all([
    listUsers(),
    listTeams(),
    listAssignmentRows(),
    publishedModules(),
    listThrottles(),
  ]);
  // One key for the page's two create forms (a key is per kind of record).
  return {
    users,
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

  if (intent === "add-person") {
    // A repeat of a form that added someone: their e-mail is taken now, by them; it succeeded.
    const key = body.formData.get("formKey");
    if (typeof key === "string" && (await recordFor({ userId: admin.id, key, kind: "person" })))
      return { form: "add-person", result: { status: "success" as const, initialValue: null } };
    const submission = await parseWithZod(body.formData, {
      async: true,
      schema: AddPersonSchema.superRefine(async (value, ctx) => {
        if (await emailTaken(value.email))
          ctx.addIssue({
            code: "custom",
            path: ["email"],
            message: "admin:errors.emailTaken",
          });
        if (value.teamId && !(await teamExists(value.teamId))) {
          ctx.addIssue({ code: "custom", path: ["teamId"], message: "admin:errors.unknownTeam" });
        }
        const problem = value.password && passwordProblem(value.password, value, "their");
        if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
      }),
    });
    if (submission.status !== "success") {
      return data(
        { form: "add-person", result: submission.reply({ hideFields: ["password"] }) },
        { status: 400 },
      );
    }
    const { name, email, role, teamId, hiredAt, timeZone, locale, password, formKey } =
      submission.value;
    const added = await addPerson(actorOf(admin, context.clientAddress), {
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
      ? await invite({ id: added.id, name, email, locale, timeZone }, admin.name, added.invitation)
      : null;
    return {
      form: "add-person",
      result: submission.reply({ resetForm: true }),
      added: name,
      invited,
    };
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

  if (intent === "resend-invitation") {
    const submission = parseWithZod(body.formData, { schema: ResendInvitationSchema });
    if (submission.status !== "success")
      return data({ form: "row", result: submission.reply() }, { status: 400 });
    const resent = await resendInvitation(
      { ...actorOf(admin, context.clientAddress), id: admin.id },
      submission.value.userId,
    );
    if (!resent.ok) return rowRefusal(submission, resent.message);
    const invited = await invite(resent.person, admin.name, resent);
    return { form: "row", result: submission.reply(), invited };
  }

  if (intent === "reset-two-factor") {
    const submission = parseWithZod(body.formData, { schema: ResetTwoFactorSchema });
    if (submission.status !== "success")
      return data({ form: "row", result: submission.reply() }, { status: 400 });
    const person = await prisma.user.findUnique({
      where: { id: submission.value.userId },
      select: { id: true, name: true, email: true },
    });
    const removed =
      person && (await removeTwoFactor(actorOf(admin, context.clientAddress), person, "admin"));
    if (!removed) return rowRefusal(submission, "admin:errors.noTwoFactor");
    return { form: "row", result: submission.reply() };
  }

  if (intent === "clear-throttle") {
    const submission = parseWithZod(body.formData, { schema: ClearThrottleSchema });
    if (submission.status !== "success")
      return data({ form: "row", result: submission.reply() }, { status: 400 });
    await clearThrottle(actorOf(admin, context.clientAddress), submission.value.key);
    return { form: "row", result: submission.reply() };
  }

  const schema = intent === "unassign" ? EndAssignmentSchema : SetActiveSchema;
  const submission = parseWithZod(body.formData, { schema });
  if (submission.status !== "success")
    return data({ form: "row", result: submission.reply() }, { status: 400 });
  if (submission.value.intent === "unassign") {
    const ended = await endAssignment(
      actorOf(admin, context.clientAddress),
      submission.value.assignmentId,
    );
    if (!ended) return rowRefusal(submission, "admin:errors.assignmentEnded");
    return { form: "row", result: submission.reply() };
  }
  const { intent: toggle, userId } = submission.value;
  const result = await setUserActive(
    actorOf(admin, context.clientAddress),
    userId,
    toggle === "activate",
  );
  if (!result.ok) return rowRefusal(submission, result.message);
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

/**
 * Mail an invitation and say what the admin sees: the link, once, to pass on themselves when no
 * mail server is set up or the e-mail does not arrive.
 */
async function invite(
  person: { id: string; name: string; email: string; locale: string; timeZone: string },
  invitedBy: string,
  invitation: { token: string; expiresAt: Date },
) {
  const sent = await mailInvitation(mailerFromEnv(), person, invitedBy, invitation);
  return {
    name: person.name,
    email: person.email,
    link: invitationLink(invitation.token),
    expiresOn: invitation.expiresAt.toISOString().slice(0, 10),
    sent,
  };
}

/** The small button of a row action in the people table (its form asks first). */
function RowButton({
  intent,
  label,
  children,
}: {
  intent: string;
  label: string;
  children: string;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      aria-label={label}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium whitespace-nowrap hover:bg-slate-50"
    >
      {children}
    </button>
  );
}

/** Whether a person signs in with a code too, and the reset for a lost phone. */
function TwoFactorCell({
  user,
}: {
  user: { id: string; name: string; twoFactor: { createdAt: string | Date } | null };
}) {
  const { t } = useTranslation();
  if (!user.twoFactor)
    return <span className="text-slate-600">{t("admin:people.twoFactorOff")}</span>;
  return (
    <ConfirmForm
      method="post"
      className="flex items-center gap-3"
      question={t("admin:people.resetTwoFactorConfirm", { name: user.name })}
    >
      <input type="hidden" name="userId" value={user.id} />
      <span className="text-green-800">{t("admin:people.twoFactorOn")}</span>
      <RowButton
        intent="reset-two-factor"
        label={t("admin:people.resetTwoFactorName", { name: user.name })}
      >
        {t("admin:people.resetTwoFactor")}
      </RowButton>
    </ConfirmForm>
  );
}

/**
 * How a person signs in: their password, the company's sign-in, or an invitation (with a new link
 * for someone who has not chosen a password yet).
 */
function SignInCell({
  user,
}: {
  user: {
    id: string;
    name: string;
    active: boolean;
    password: { userId: string } | null;
    ssoLinks: { issuer: string }[];
    invitations: { expiresAt: string | Date }[];
  };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = [
    ...(user.password ? [t("admin:people.password")] : []),
    ...(user.ssoLinks.length ? [t("admin:people.sso")] : []),
  ];
  if (parts.length) return <span>{parts.join(", ")}</span>;
  const invitation = user.invitations[0];
  const open = invitation && new Date(invitation.expiresAt) > new Date();
  return (
    <ConfirmForm
      method="post"
      className="flex flex-wrap items-center gap-x-3 gap-y-1"
      question={t("admin:people.resendConfirm", { name: user.name })}
    >
      <input type="hidden" name="userId" value={user.id} />
      <span className={open ? "text-slate-800" : "text-amber-800"}>
        {open
          ? t("admin:people.invited", {
              date: format.day(new Date(invitation.expiresAt).toISOString().slice(0, 10)),
            })
          : invitation
            ? t("admin:people.inviteExpired")
            : t("admin:people.noSignIn")}
      </span>
      {user.active ? (
        <RowButton
          intent="resend-invitation"
          label={t("admin:people.resendName", { name: user.name })}
        >
          {t("admin:people.resend")}
        </RowButton>
      ) : null}
    </ConfirmForm>
  );
}

/** Whether a person may sign in, with the button that changes it. */
function PersonStatus({ user }: { user: { id: string; name: string; active: boolean } }) {
  const { t } = useTranslation();
  return (
    <ConfirmForm
      method="post"
      className="flex items-center gap-3"
      question={t(
        user.active ? "admin:people.deactivateConfirm" : "admin:people.reactivateConfirm",
        {
          name: user.name,
        },
      )}
    >
      <input type="hidden" name="userId" value={user.id} />
      <span className={user.active ? "text-green-800" : "text-slate-600"}>
        {user.active ? t("admin:people.active") : t("admin:people.inactive")}
      </span>
      <RowButton
        intent={user.active ? "deactivate" : "activate"}
        label={t(user.active ? "admin:people.deactivateName" : "admin:people.reactivateName", {
          name: user.name,
        })}
      >
        {user.active ? t("admin:people.deactivate") : t("admin:people.reactivate")}
      </RowButton>
    </ConfirmForm>
  );
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { users, teams, assignments, modules, formKey, throttles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Each form shows its own result; row buttons (end, (de)activate) report at the top.
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
      {actionData && !("added" in actionData) && "invited" in actionData && actionData.invited ? (
        <div className="mb-6">
          <InvitationSent invited={actionData.invited} />
        </div>
      ) : null}
      <TeamsSection
        teams={teams}
        managers={users
          .filter((u) => u.active && (u.role === "manager" || u.role === "admin"))
          .map((u) => ({ id: u.id, name: u.name }))}
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
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3 text-lg font-semibold">
          {t("admin:people.heading")}
        </h2>
        <DataTable
          caption={t("admin:people.caption")}
          rows={users}
          rowKey={(user) => user.id}
          columns={[
            {
              key: "name",
              header: t("admin:people.columns.name"),
              cell: (user) => (
                <>
                  <p className="font-medium text-slate-900">{user.name}</p>
                  <p className="text-slate-600">{user.email}</p>
                </>
              ),
            },
            {
              key: "role",
              header: t("admin:people.columns.role"),
              cell: (user) => (isRole(user.role) ? t(roleLabels[user.role]) : user.role),
            },
            {
              key: "team",
              header: t("admin:people.columns.team"),
              cell: (user) => user.team?.name ?? "—",
            },
            {
              key: "sessions",
              header: t("admin:people.columns.sessions"),
              className: "tabular-nums",
              cell: (user) => user._count.sessions,
            },
            {
              key: "signIn",
              header: t("admin:people.columns.signIn"),
              cell: (user) => <SignInCell user={user} />,
            },
            {
              key: "twoFactor",
              header: t("admin:people.columns.twoFactor"),
              cell: (user) => <TwoFactorCell user={user} />,
            },
            {
              key: "status",
              header: t("admin:people.columns.status"),
              cell: (user) => <PersonStatus user={user} />,
            },
          ]}
        />
        <AddPersonForm
          teams={openTeams}
          formKey={formKey}
          lastResult={resultFor("add-person")}
          added={actionData && "added" in actionData ? actionData.added : undefined}
          invited={
            actionData && "added" in actionData && "invited" in actionData
              ? actionData.invited
              : undefined
          }
        />
      </section>
      <ThrottlesSection throttles={throttles} />
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
