import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { UpdatePersonSchema } from "~/admin/forms";
import { resendInvitation } from "~/admin/invitations.server";
import { sendInvitation, updatePerson } from "~/admin/person-edit.server";
import { setUserActive } from "~/admin/users.server";
import { actorOf } from "~/audit/audit.server";
import { requireArea } from "~/auth/permissions.server";
import { removeTwoFactor } from "~/auth/two-factor.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { InvitationSent } from "~/components/admin/invitation-sent";
import { PersonEditForm } from "~/components/admin/person-edit-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { FormErrors } from "~/components/ui/form-errors";
import { isLookupKey } from "~/db/lookup-key";
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { useFormat } from "~/i18n/use-format";
import { formErrorResponse, readForm } from "~/utils/form.server";

// One person, as the admin sees them: their details changed in place, how they sign in (with a
// new invitation link or a two-factor reset), whether they may sign in at all, and the latest
// changes to them from the audit log.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export const headers = retryAfterHeaders;

const notFound = () => data({ message: "admin:errors.noSuchUser" }, { status: 404 });

async function personOf(userId: string | undefined) {
  if (!userId || !isLookupKey(userId)) throw notFound();
  const person = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      timeZone: true,
      hiredAt: true,
      active: true,
      createdAt: true,
      lastSignInAt: true,
      teamId: true,
      team: { select: { name: true, archivedAt: true } },
      password: { select: { updatedAt: true } },
      ssoLinks: { select: { issuer: true, lastSignInAt: true } },
      twoFactor: { select: { createdAt: true } },
      invitations: {
        where: { usedAt: null, revokedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true },
      },
      managedTeams: { select: { team: { select: { name: true } } } },
      _count: { select: { sessions: true } },
    },
  });
  if (!person) throw notFound();
  return person;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireArea(request, "admin");
  const person = await personOf(params.userId);
  const [teams, history] = await Promise.all([
    prisma.team.findMany({
      // Their own team stays choosable even once archived (to keep it while editing the rest).
      where: { OR: [{ archivedAt: null }, { id: person.teamId ?? "" }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.auditEvent.findMany({
      where: { targetId: person.id },
      orderBy: { at: "desc" },
      take: 10,
      select: { id: true, at: true, actorLabel: true, action: true, summary: true },
    }),
  ]);
  const metaTitle = fixedT(await requestLocale(request, admin), "admin")("admin:person.metaTitle", {
    name: person.name,
  });
  return { person, teams, history, self: person.id === admin.id, metaTitle };
}

const PersonIntentSchema = z.object({
  intent: z.enum(["deactivate", "activate", "resend-invitation", "reset-two-factor"], {
    error: "admin:errors.activeIntent",
  }),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireArea(request, "admin");
  await requireWriteAllowance(admin.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);
  const person = await personOf(params.userId);
  const actor = { ...actorOf(admin, context.clientAddress), id: admin.id };

  if (body.formData.get("intent") === "update-person") {
    const submission = parseWithZod(body.formData, { schema: UpdatePersonSchema });
    if (submission.status !== "success")
      return data({ form: "edit", result: submission.reply() }, { status: 400 });
    const value = submission.value;
    const result = await updatePerson(actor, {
      userId: person.id,
      name: value.name,
      email: value.email,
      role: value.role,
      teamId: value.teamId ?? null,
      locale: value.locale,
      hiredAt: value.hiredAt ?? null,
      timeZone: value.timeZone,
    });
    if (!result.ok)
      return data(
        {
          form: "edit",
          result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }),
        },
        { status: 400 },
      );
    return { form: "edit", result: submission.reply(), saved: result.changed };
  }

  const submission = parseWithZod(body.formData, { schema: PersonIntentSchema });
  if (submission.status !== "success")
    return data({ form: "row", result: submission.reply() }, { status: 400 });
  const refuse = (message: string) =>
    data({ form: "row", result: submission.reply({ formErrors: [message] }) }, { status: 400 });
  const intent = submission.value.intent;
  if (intent === "deactivate" || intent === "activate") {
    const result = await setUserActive(actor, person.id, intent === "activate");
    if (!result.ok) return refuse(result.message);
    return { form: "row", result: submission.reply() };
  }
  if (intent === "resend-invitation") {
    const resent = await resendInvitation(actor, person.id);
    if (!resent.ok) return refuse(resent.message);
    const invited = await sendInvitation(resent.person, admin.name, resent);
    return { form: "row", result: submission.reply(), invited };
  }
  const removed = await removeTwoFactor(actor, person, "admin");
  if (!removed) return refuse("admin:errors.noTwoFactor");
  return { form: "row", result: submission.reply() };
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="w-40 shrink-0 text-sm text-slate-600">{term}</dt>
      <dd className="text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

const buttonClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50";

export default function AdminPerson() {
  const { t } = useTranslation();
  const format = useFormat();
  const { person, teams, history, self } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (form: string) =>
    actionData && "form" in actionData && actionData.form === form ? actionData.result : undefined;
  const row = resultFor("row");
  const rowErrors =
    row?.status === "error"
      ? Object.values(row.error ?? {})
          .flat()
          .filter((e): e is string => Boolean(e))
      : [];
  const awaitingInvitation = !person.password && person.ssoLinks.length === 0;
  const invitation = person.invitations[0];
  return (
    <Page title={person.name} lead={person.email}>
      <nav
        aria-label={t("admin:person.more")}
        className="-mt-4 mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm"
      >
        <Link to="/admin/people" className="font-medium text-brand-800 underline">
          {t("admin:person.back")}
        </Link>
        {person.teamId ? (
          <Link to={`/team/${person.id}`} className="font-medium text-brand-800 underline">
            {t("admin:person.training")}
          </Link>
        ) : null}
      </nav>
      <FormErrors id="person-errors" errors={rowErrors} />
      {actionData && "invited" in actionData && actionData.invited ? (
        <div className="mb-6">
          <InvitationSent invited={actionData.invited} />
        </div>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section
          aria-labelledby="edit-heading"
          className="rounded-xl border border-slate-200 bg-white p-5"
        >
          <h2 id="edit-heading" className="mb-4 text-lg font-semibold">
            {t("admin:person.editHeading")}
          </h2>
          <PersonEditForm
            person={{
              ...person,
              hiredAt: person.hiredAt ? new Date(person.hiredAt).toISOString().slice(0, 10) : "",
            }}
            teams={teams}
            self={self}
            lastResult={resultFor("edit")}
            saved={actionData && "saved" in actionData ? actionData.saved : undefined}
          />
        </section>
        <div className="space-y-6">
          <section
            aria-labelledby="access-heading"
            className="rounded-xl border border-slate-200 bg-white p-5"
          >
            <h2 id="access-heading" className="mb-3 text-lg font-semibold">
              {t("admin:person.accessHeading")}
            </h2>
            <dl className="space-y-2">
              <Fact term={t("admin:people.columns.status")}>
                <span className={person.active ? "text-green-800" : "text-slate-600"}>
                  {person.active ? t("admin:people.active") : t("admin:people.inactive")}
                </span>
              </Fact>
              <Fact term={t("admin:people.columns.signIn")}>
                {[
                  ...(person.password ? [t("admin:people.password")] : []),
                  ...(person.ssoLinks.length ? [t("admin:people.sso")] : []),
                ].join(", ") ||
                  (invitation && new Date(invitation.expiresAt) > new Date()
                    ? t("admin:people.invited", { date: format.date(invitation.expiresAt) })
                    : invitation
                      ? t("admin:people.inviteExpired")
                      : t("admin:people.noSignIn"))}
              </Fact>
              <Fact term={t("admin:peopleList.columns.lastSignIn")}>
                {person.lastSignInAt
                  ? format.dateTime(person.lastSignInAt)
                  : t("admin:peopleList.never")}
              </Fact>
              <Fact term={t("admin:people.columns.twoFactor")}>
                {person.twoFactor ? t("admin:people.twoFactorOn") : t("admin:people.twoFactorOff")}
              </Fact>
              <Fact term={t("admin:people.columns.sessions")}>
                {format.number(person._count.sessions)}
              </Fact>
              {person.managedTeams.length ? (
                <Fact term={t("admin:person.manages")}>
                  {format.list(person.managedTeams.map((m) => m.team.name))}
                </Fact>
              ) : null}
              <Fact term={t("admin:person.added")}>{format.date(person.createdAt)}</Fact>
            </dl>
            <div className="mt-4 flex flex-wrap gap-2">
              {awaitingInvitation && person.active ? (
                <ConfirmForm
                  method="post"
                  question={t("admin:people.resendConfirm", { name: person.name })}
                >
                  <button
                    type="submit"
                    name="intent"
                    value="resend-invitation"
                    className={buttonClass}
                  >
                    {t("admin:people.resend")}
                  </button>
                </ConfirmForm>
              ) : null}
              {person.twoFactor ? (
                <ConfirmForm
                  method="post"
                  question={t("admin:people.resetTwoFactorConfirm", { name: person.name })}
                >
                  <button
                    type="submit"
                    name="intent"
                    value="reset-two-factor"
                    className={buttonClass}
                  >
                    {t("admin:people.resetTwoFactor")}
                  </button>
                </ConfirmForm>
              ) : null}
              {self ? null : (
                <ConfirmForm
                  method="post"
                  question={t(
                    person.active
                      ? "admin:people.deactivateConfirm"
                      : "admin:people.reactivateConfirm",
                    { name: person.name },
                  )}
                >
                  <button
                    type="submit"
                    name="intent"
                    value={person.active ? "deactivate" : "activate"}
                    className={buttonClass}
                  >
                    {person.active ? t("admin:people.deactivate") : t("admin:people.reactivate")}
                  </button>
                </ConfirmForm>
              )}
            </div>
          </section>
          <section
            aria-labelledby="history-heading"
            className="rounded-xl border border-slate-200 bg-white p-5"
          >
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">
              {t("admin:person.historyHeading")}
            </h2>
            {history.length === 0 ? (
              <p className="text-sm text-slate-600">{t("admin:person.noHistory")}</p>
            ) : (
              <ol className="space-y-3">
                {history.map((event) => (
                  <li key={event.id} className="text-sm">
                    <p className="font-medium text-slate-900">
                      {t(`admin:audit.actions.${event.action}`, { defaultValue: event.action })}
                    </p>
                    <p className="text-slate-700">{event.summary}</p>
                    <p className="text-slate-600">
                      {format.dateTime(event.at)} · {event.actorLabel}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <p className="mt-3 text-sm">
              <Link
                to={`/admin/audit?target=${encodeURIComponent(person.email)}`}
                className="font-medium text-brand-800 underline"
              >
                {t("admin:person.fullHistory")}
              </Link>
            </p>
          </section>
        </div>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
