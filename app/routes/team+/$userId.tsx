import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { retryAfterHeaders } from "~/auth/write-limit.server";
import { EmployeeModules } from "~/components/team/employee-modules";
import { OutOfAttemptsList } from "~/components/team/out-of-attempts";
import { requireReadableModule } from "~/content/modules.server";
import { newFormKey } from "~/db/form-keys.server";
import { grantAttempt, outOfAttempts } from "~/training/attempt-limits.server";
import { UserInputError } from "~/training/module-key";
import { readPersonForm } from "~/team/person-forms.server";
import { formErrorResponse } from "~/utils/form.server";
import { formKeyField } from "~/utils/form-key";
import { ObservationList } from "~/components/team/observation-list";
import { RecognitionList } from "~/components/team/recognition-list";
import { TrendCharts } from "~/components/team/trend-chart";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { useFormat } from "~/i18n/use-format";
import { requireTeamMember } from "~/team/access.server";
import { observationsOf, trendOf } from "~/team/observations.server";
import { recognitionsOf } from "~/team/recognition.server";
import { inWordsOf } from "~/content/titles.server";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { remindOverdue } from "~/training/rollout/reminders.server";
import { mailerFromEnv } from "~/mail/mailer.server";
import { RemindOverdue } from "~/components/team/remind-overdue";

// The title comes from the loader, in the manager's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const employee = await requireTeamMember(user, params.userId ?? "");
  const locale = await requestLocale(request, user);
  const [enrollments, observations, recognitions, stuck] = await Promise.all([
    listEnrollments([employee.id]),
    observationsOf(employee.id, undefined, locale),
    recognitionsOf(employee.id),
    outOfAttempts(employee.id, locale),
  ]);
  return {
    title: fixedT(locale, "team")("person.metaTitle", { name: employee.name }),
    employee: {
      id: employee.id,
      name: employee.name,
      email: employee.email,
      team: employee.team?.name ?? null,
      active: employee.active,
    },
    modules: (await inWordsOf(locale, enrollments)).map((e) => ({
      slug: e.slug,
      title: e.title,
      status: e.status,
      dueDate: e.dueDate,
      percent: e.progress.percent,
    })),
    observations,
    trend: trendOf(observations, locale),
    recognitions,
    self: employee.id === user.id,
    // One form key each: every row is its own one-time form. Not for one's own record.
    outOfAttempts:
      employee.id === user.id ? [] : stuck.map((item) => ({ ...item, formKey: newFormKey() })),
  };
}

const slugField = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

const GrantSchema = z.object({
  intent: z.literal("grant-attempt"),
  formKey: formKeyField,
  employeeId: z.string().min(1).max(64),
  slug: slugField,
  kind: z.enum(["quiz", "scenario"]),
  itemId: slugField,
});

const RemindSchema = z.object({
  intent: z.literal("remind"),
  employeeId: z.string().min(1).max(64),
});

const PersonActionSchema = z.discriminatedUnion("intent", [GrantSchema, RemindSchema]);

/**
 * One more attempt at a quiz or role-play the person has used up without passing, or a reminder
 * e-mail about their overdue training (at most one a day).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readPersonForm(
    request,
    () => PersonActionSchema,
    (value) =>
      value.intent === "remind" ? "team:errors.remindYourself" : "team:errors.attemptsForYourself",
  );
  if (form.refusal) return form.refusal;
  const { manager, value } = form;
  if (value.employeeId !== params.userId) return formErrorResponse("team:errors.noSuchPerson");
  // Someone outside the manager's teams is a 404, as on every page of theirs.
  const employee = await requireTeamMember(manager, value.employeeId);
  if (value.intent === "remind") {
    try {
      const { sent } = await remindOverdue(
        manager,
        employee.id,
        mailerFromEnv(),
        context.clientAddress,
      );
      return { reminded: { name: employee.name, sent } };
    } catch (error) {
      if (error instanceof UserInputError)
        return data({ remindError: error.message }, { status: 400 });
      throw error;
    }
  }
  const module = await requireReadableModule(value.slug, manager, 400);
  try {
    await grantAttempt(manager, employee, module, value, context.clientAddress);
  } catch (error) {
    if (error instanceof UserInputError) return formErrorResponse(error.message);
    throw error;
  }
  const item =
    value.kind === "quiz"
      ? module.quizzes.find((q) => q.id === value.itemId)
      : module.scenarios.find((q) => q.id === value.itemId);
  return { granted: { title: item?.title ?? value.itemId, name: employee.name } };
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="scroll-mt-6">
      <h2 id={id} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

const linkButton =
  "inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export default function EmployeeRecord() {
  const { employee, modules, observations, trend, recognitions, outOfAttempts, self } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const lead = [
    employee.team ?? t("team:person.noTeam"),
    employee.email,
    ...(employee.active ? [] : [t("team:person.inactive")]),
  ].join(" · ");
  return (
    <Page title={employee.name} lead={lead}>
      <div className="mb-8 flex flex-wrap gap-3">
        <Link
          to={`/team/observations/new?employee=${employee.id}`}
          className={`${linkButton} bg-brand-700 text-white hover:bg-brand-800`}
        >
          {t("team:actions.recordObservation")}
        </Link>
        <Link
          to={`/team/recognition?employee=${employee.id}`}
          className={`${linkButton} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}
        >
          {t("team:person.recognise", { name: employee.name.split(" ")[0] })}
        </Link>
      </div>
      <div className="space-y-10">
        <Section id="modules-heading" title={t("team:person.modules")}>
          {!self && employee.active ? (
            <RemindOverdue
              employee={employee}
              overdue={modules.filter((m) => m.status === "overdue").length}
              result={actionData}
            />
          ) : null}
          <EmployeeModules modules={modules} labelledBy="modules-heading" />
        </Section>
        {outOfAttempts.length || (actionData && "granted" in actionData) ? (
          <Section id="attempts-heading" title={t("team:person.attempts.heading")}>
            <OutOfAttemptsList
              items={outOfAttempts}
              employee={employee}
              labelledBy="attempts-heading"
              result={
                actionData && "granted" in actionData && actionData.granted
                  ? { granted: actionData.granted }
                  : actionData && "result" in actionData
                    ? actionData
                    : undefined
              }
            />
          </Section>
        ) : null}
        <Section id="trend-heading" title={t("team:person.trend")}>
          <TrendCharts trends={trend} />
        </Section>
        <Section
          id="observations-heading"
          title={
            <>
              {t("team:person.observations")}{" "}
              <span className="text-sm font-normal text-slate-600">
                ({format.number(observations.length)})
              </span>
            </>
          }
        >
          {observations.length ? (
            <ObservationList observations={observations} employee={employee} />
          ) : (
            <p className="text-sm text-slate-600">{t("team:person.noObservations")}</p>
          )}
        </Section>
        <Section id="recognition-heading" title={t("team:person.recognition")}>
          <p className="mb-3 text-slate-800">
            <Trans
              i18nKey="team:person.pointsTotal"
              count={recognitions.totalPoints}
              values={{ points: format.number(recognitions.totalPoints) }}
              components={{ strong: <strong className="tabular-nums" /> }}
            />
          </p>
          {recognitions.items.length ? (
            <RecognitionList items={recognitions.items} labelledBy="recognition-heading" />
          ) : (
            <p className="text-sm text-slate-600">{t("team:person.noRecognition")}</p>
          )}
        </Section>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
