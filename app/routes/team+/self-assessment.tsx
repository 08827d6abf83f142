import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { actorOf } from "~/audit/audit.server";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { selfAssessmentText } from "~/content/self-assessment.server";
import { contentDir } from "~/content/store.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { SelfAssessmentForm } from "~/components/team/self-assessment-form";
import { SelfAssessmentHistory } from "~/components/team/self-assessment-history";
import { SelfAssessmentResult } from "~/components/team/self-assessment-result";
import { Button } from "~/components/ui/button";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { requireVisibleTeam } from "~/team/access.server";
import { ratingsFromInput, SelfAssessmentSchema } from "~/team/self-assessment";
import {
  saveSelfAssessment,
  teamExists,
  teamHistory,
  teamsForSelfAssessment,
  todayFor,
} from "~/team/self-assessment.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// The title comes from the loader, in the manager's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const teams = await teamsForSelfAssessment(user);
  const asked = new URL(request.url).searchParams.get("team");
  // Someone else's (or an unknown) team is a 404, as if it did not exist.
  const team = asked ? await requireVisibleTeam(user, asked) : (teams[0] ?? null);
  const locale = await requestLocale(request, user);
  return {
    title: fixedT(locale, "team")("selfAssessment.metaTitle"),
    // The questionnaire's words are content: content/self-assessment.<locale>.yaml, else English.
    text: selfAssessmentText(contentDir(), locale),
    teams,
    team,
    history: team ? await teamHistory(team.id) : [],
    today: await todayFor(user.id),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea(request, "team");
  await requireWriteAllowance(user.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);
  const teamId = body.formData.get("teamId");
  // An existing team that is not the user's answers 404 before anything else is looked at.
  if (typeof teamId === "string" && teamId && (await teamExists(teamId))) {
    await requireVisibleTeam(user, teamId);
  }
  const today = await todayFor(user.id);
  const submission = await parseWithZod(body.formData, {
    async: true,
    schema: SelfAssessmentSchema.superRefine(async (value, ctx) => {
      if (value.assessedOn > today) {
        ctx.addIssue({
          code: "custom",
          path: ["assessedOn"],
          message: "team:errors.selfAssessment.future",
        });
      }
      if (!(await teamExists(value.teamId))) {
        ctx.addIssue({
          code: "custom",
          path: ["teamId"],
          message: "team:errors.selfAssessment.yourTeam",
        });
      }
    }),
  });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), savedId: null }, { status: 400 });
  }
  const saved = await saveSelfAssessment(
    user.id,
    {
      teamId: submission.value.teamId,
      assessedOn: submission.value.assessedOn,
      ratings: ratingsFromInput(submission.value),
    },
    actorOf(user, context.clientAddress),
  );
  return { result: submission.reply({ resetForm: true }), savedId: saved.id };
}

export default function TeamSelfAssessment() {
  const { text, teams, team, history, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const savedId = actionData && "savedId" in actionData ? actionData.savedId : null;
  const shown = history.find((a) => a.id === savedId) ?? history.at(-1);
  return (
    <Page title={t("team:selfAssessment.title")} lead={t("team:selfAssessment.lead")}>
      {teams.length > 1 ? (
        <Form method="get" className="mb-8 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="team-select" className="block text-sm font-medium text-slate-800">
              {t("team:selfAssessment.team")}
            </label>
            <select
              id="team-select"
              name="team"
              defaultValue={team?.id}
              className="mt-1.5 rounded-lg border border-slate-300 px-3 py-2.5"
            >
              {teams.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            {t("team:selfAssessment.showTeam")}
          </Button>
        </Form>
      ) : null}
      {team ? (
        <>
          <p className="mb-6 text-slate-700">
            <Trans
              i18nKey="team:selfAssessment.currentTeam"
              values={{ team: team.name }}
              components={{ name: <span className="font-semibold text-slate-900" /> }}
            />
          </p>
          {shown ? (
            <div className="mb-10">
              <SelfAssessmentResult
                assessment={shown}
                justSaved={shown.id === savedId}
                text={text}
              />
            </div>
          ) : null}
          <section aria-labelledby="questionnaire-heading">
            <h2 id="questionnaire-heading" className="mb-4 text-lg font-semibold">
              {t("team:selfAssessment.newAssessment")}
            </h2>
            <SelfAssessmentForm
              key={team.id}
              teamId={team.id}
              today={today}
              text={text}
              lastResult={actionData?.result}
            />
          </section>
          <SelfAssessmentHistory teamName={team.name} history={history} />
        </>
      ) : (
        <EmptyState title={t("team:selfAssessment.noTeam.title")}>
          {t("team:selfAssessment.noTeam.body")}
        </EmptyState>
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
