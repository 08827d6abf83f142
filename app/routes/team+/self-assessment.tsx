import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { SelfAssessmentForm } from "~/components/team/self-assessment-form";
import { SelfAssessmentHistory } from "~/components/team/self-assessment-history";
import { SelfAssessmentResult } from "~/components/team/self-assessment-result";
import { Button } from "~/components/ui/button";
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

export const meta: MetaFunction = () => [{ title: "Team self-assessment · Frontline" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const teams = await teamsForSelfAssessment(user);
  const asked = new URL(request.url).searchParams.get("team");
  // Someone else's (or an unknown) team is a 404, as if it did not exist.
  const team = asked ? await requireVisibleTeam(user, asked) : (teams[0] ?? null);
  return {
    teams,
    team,
    history: team ? await teamHistory(team.id) : [],
    today: await todayFor(user.id),
  };
}

export async function action({ request }: ActionFunctionArgs) {
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
          message: "The date cannot be in the future.",
        });
      }
      if (!(await teamExists(value.teamId))) {
        ctx.addIssue({ code: "custom", path: ["teamId"], message: "Choose one of your teams." });
      }
    }),
  });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), savedId: null }, { status: 400 });
  }
  const saved = await saveSelfAssessment(user.id, {
    teamId: submission.value.teamId,
    assessedOn: submission.value.assessedOn,
    ratings: ratingsFromInput(submission.value),
  });
  return { result: submission.reply({ resetForm: true }), savedId: saved.id };
}

export default function TeamSelfAssessment() {
  const { teams, team, history, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const savedId = actionData && "savedId" in actionData ? actionData.savedId : null;
  const shown = history.find((a) => a.id === savedId) ?? history.at(-1);
  return (
    <Page
      title="Team self-assessment"
      lead="Seven areas of customer service, 25 statements. Rate your team honestly, then compare over time."
    >
      {teams.length > 1 ? (
        <Form method="get" className="mb-8 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="team-select" className="block text-sm font-medium text-slate-800">
              Team
            </label>
            <select
              id="team-select"
              name="team"
              defaultValue={team?.id}
              className="mt-1.5 rounded-lg border border-slate-300 px-3 py-2.5"
            >
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Show team
          </Button>
        </Form>
      ) : null}
      {team ? (
        <>
          <p className="mb-6 text-slate-700">
            Team: <span className="font-semibold text-slate-900">{team.name}</span>
          </p>
          {shown ? (
            <div className="mb-10">
              <SelfAssessmentResult assessment={shown} justSaved={shown.id === savedId} />
            </div>
          ) : null}
          <section aria-labelledby="questionnaire-heading">
            <h2 id="questionnaire-heading" className="mb-4 text-lg font-semibold">
              New assessment
            </h2>
            <SelfAssessmentForm
              key={team.id}
              teamId={team.id}
              today={today}
              lastResult={actionData?.result}
            />
          </section>
          <SelfAssessmentHistory teamName={team.name} history={history} />
        </>
      ) : (
        <EmptyState title="No team to assess">
          You do not manage a team yet. An administrator can make you a team&apos;s manager.
        </EmptyState>
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
