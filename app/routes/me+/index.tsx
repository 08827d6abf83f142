import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import {
  Badge,
  ModuleCell,
  RecordTable,
  Section,
  shortDate,
} from "~/components/training/record-parts";
import { ReceivedObservation } from "~/components/team/observation-received";
import { RecognitionReceived } from "~/components/team/recognition-received";
import { formatLocalDate } from "~/components/training/status-badge";
import { AcknowledgeSchema } from "~/team/observation-schema";
import { acknowledgeObservation } from "~/team/observations.server";
import { myRecord } from "~/training/record.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "My record · Frontline" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return myRecord(user.id);
}

/** The observed person acknowledges one of their own observations, once, with a comment. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await requireWriteAllowance(user.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);
  const submission = parseWithZod(body.formData, { schema: AcknowledgeSchema });
  const observationId = String(body.formData.get("observationId") ?? "");
  if (submission.status !== "success")
    return data({ observationId, result: submission.reply() }, { status: 400 });
  const { comment } = submission.value;
  const outcome = await acknowledgeObservation(user.id, submission.value.observationId, comment);
  if (!outcome.ok) {
    // Someone else's observation reads exactly like one that does not exist.
    const message =
      outcome.reason === "already"
        ? "You have already acknowledged this observation."
        : "There is no such observation of yours.";
    return data(
      { observationId, result: submission.reply({ formErrors: [message] }) },
      { status: 400 },
    );
  }
  return { observationId, result: submission.reply({ resetForm: true }) };
}

export default function MyRecordPage() {
  const {
    completions,
    attempts,
    runs,
    attestations,
    observations,
    recognitions,
    recognitionPoints,
    teamWall,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (id: string) =>
    actionData && "observationId" in actionData && actionData.observationId === id
      ? actionData.result
      : undefined;
  const nothing = !completions.length && !attempts.length && !runs.length && !attestations.length;
  return (
    <Page
      title="My record"
      lead={
        <>
          Everything you have done in training, kept for every version of every module.{" "}
          <Link
            to="/me/security"
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            Password and sessions
          </Link>
        </>
      }
    >
      {nothing ? (
        <EmptyState title="Nothing on record yet">
          Quizzes you take, role-plays you play and statements you sign appear here.{" "}
          <Link to="/training" className="font-medium text-brand-700 underline underline-offset-2">
            Start with my training
          </Link>
          .
        </EmptyState>
      ) : (
        <div className="space-y-10">
          <Section
            id="completions"
            title="Completed modules"
            count={completions.length}
            empty="No module completed yet."
          >
            <RecordTable
              labelledBy="completions"
              columns={["Module", "Completed on", "Certificate"]}
              rows={completions.map((c) => ({
                key: c.id,
                cells: [
                  <ModuleCell title={c.module} version={c.version} />,
                  shortDate(c.completedOn),
                  c.hasCertificate ? (
                    <Link
                      to={`/training/${c.slug}/certificate`}
                      aria-label={`Certificate for ${c.module}`}
                      className="font-medium whitespace-nowrap text-brand-700 underline underline-offset-2 hover:text-brand-900"
                    >
                      View certificate
                    </Link>
                  ) : (
                    <span className="text-slate-600">Replaced by a later version</span>
                  ),
                ],
              }))}
            />
          </Section>

          <Section
            id="attempts"
            title="Quiz attempts"
            count={attempts.length}
            empty="No quiz taken yet."
          >
            <RecordTable
              labelledBy="attempts"
              columns={["Module", "Quiz", "Attempt", "Score", "Result", "Date"]}
              rows={attempts.map((a) => ({
                key: a.id,
                cells: [
                  <ModuleCell title={a.module} version={a.version} />,
                  a.quiz,
                  <span className="tabular-nums">{a.number}</span>,
                  <span className="tabular-nums">{a.score}%</span>,
                  a.passed ? (
                    <Badge tone="green">Passed</Badge>
                  ) : (
                    <Badge tone="amber">Not passed</Badge>
                  ),
                  shortDate(a.submittedOn),
                ],
              }))}
            />
          </Section>

          <Section
            id="runs"
            title="Role-plays"
            count={runs.length}
            empty="No role-play played yet."
          >
            <RecordTable
              labelledBy="runs"
              columns={["Module", "Role-play", "Run", "Status", "Score", "Ending", "Date"]}
              rows={runs.map((r) => ({
                key: r.id,
                cells: [
                  <ModuleCell title={r.module} version={r.version} />,
                  r.scenario,
                  <span className="tabular-nums">{r.number}</span>,
                  <Badge
                    tone={
                      r.status === "Finished"
                        ? "green"
                        : r.status === "In progress"
                          ? "sky"
                          : "slate"
                    }
                  >
                    {r.status}
                  </Badge>,
                  r.result ? (
                    <span className="whitespace-nowrap tabular-nums">
                      {r.result.score} of {r.result.maxScore}
                      {r.result.passed ? "" : " (below the pass score)"}
                    </span>
                  ) : (
                    <span className="text-slate-600">—</span>
                  ),
                  r.result?.ending ?? <span className="text-slate-600">—</span>,
                  shortDate(r.on),
                ],
              }))}
            />
          </Section>

          <Section
            id="attestations"
            title="Signed statements"
            count={attestations.length}
            empty="No statement signed yet."
          >
            <ul className="space-y-3">
              {attestations.map((a) => (
                <li key={a.id} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
                  <h3 className="font-semibold text-slate-900">
                    {a.module}{" "}
                    <span className="text-sm font-normal text-slate-600">version {a.version}</span>
                  </h3>
                  <blockquote className="mt-2 border-l-4 border-brand-600 pl-4 text-slate-800">
                    {a.statement}
                  </blockquote>
                  <p className="mt-3 text-sm text-slate-700">
                    Signed as <strong className="font-semibold">{a.typedName}</strong> on{" "}
                    <time dateTime={a.signedOn}>{formatLocalDate(a.signedOn)}</time>
                  </p>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      )}
      <div className="mt-10 space-y-10">
        <Section
          id="observations"
          title="Observations"
          count={observations.length}
          empty="No manager has recorded an observation of you yet."
        >
          <ol className="space-y-4">
            {observations.map((o) => (
              <li key={o.id}>
                <ReceivedObservation observation={o} lastResult={resultFor(o.id)} />
              </li>
            ))}
          </ol>
        </Section>
        <Section
          id="recognition"
          title="Recognition"
          count={recognitions.length}
          empty="No recognition yet."
        >
          <RecognitionReceived
            recognitions={recognitions}
            points={recognitionPoints}
            wall={teamWall}
          />
        </Section>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
