import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LanguageSwitch } from "~/components/language-switch";
import { Trans, useTranslation } from "react-i18next";
import { requireUser } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { Badge, ModuleCell, RecordTable, Section } from "~/components/training/record-parts";
import { ReceivedObservation } from "~/components/team/observation-received";
import { RecognitionReceived } from "~/components/team/recognition-received";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { useFormat } from "~/i18n/use-format";
import { AcknowledgeSchema } from "~/team/observation-schema";
import { acknowledgeObservation } from "~/team/observations.server";
import { myRecord } from "~/training/record.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// The title comes from the loader, in the person's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

// A run's status arrives as its English label or as a message key; either way, its key here.
const runStatusKeys: Record<string, string> = {
  "In progress": "me.runs.status.active",
  Finished: "me.runs.status.finished",
  Abandoned: "me.runs.status.abandoned",
};
const runTone = (status: string) =>
  status === "Finished" || status.endsWith(".finished")
    ? "green"
    : status === "In progress" || status.endsWith(".active")
      ? "sky"
      : "slate";

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await requestLocale(request, user);
  return { ...(await myRecord(user.id)), title: fixedT(locale)("me.metaTitle") };
}

/** The observed person acknowledges one of their own observations, once, with a comment. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await requireWriteAllowance(user.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);
  const submission = parseWithZod(body.formData, { schema: AcknowledgeSchema });
  const observationId = String(body.formData.get("observationId") ?? "");
  if (submission.status !== "success")
    return data({ observationId, result: submission.reply() }, { status: 400 });
  const { comment } = submission.value;
  const outcome = await acknowledgeObservation(
    user,
    submission.value.observationId,
    comment,
    context.clientAddress,
  );
  if (!outcome.ok) {
    // Someone else's observation reads exactly like one that does not exist.
    const message =
      outcome.reason === "already"
        ? "common:me.errors.alreadyAcknowledged"
        : "common:me.errors.noSuchObservation";
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
  const { t } = useTranslation();
  const format = useFormat();
  const day = (date: string) => (
    <time dateTime={date} className="whitespace-nowrap">
      {format.day(date)}
    </time>
  );
  const actionData = useActionData<typeof action>();
  const resultFor = (id: string) =>
    actionData && "observationId" in actionData && actionData.observationId === id
      ? actionData.result
      : undefined;
  const nothing = !completions.length && !attempts.length && !runs.length && !attestations.length;
  return (
    <Page
      title={t("me.title")}
      lead={
        <>
          {t("me.lead")}{" "}
          <Link
            to="/me/security"
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            {t("me.securityLink")}
          </Link>
        </>
      }
    >
      <section
        aria-labelledby="language-heading"
        className="mb-8 rounded-xl border border-slate-200 bg-white p-4 sm:p-5"
      >
        <h2 id="language-heading" className="text-base font-semibold text-slate-900">
          {t("me.language.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("me.language.lead")}</p>
        <LanguageSwitch current={format.locale} align="start" className="mt-3" />
      </section>
      {nothing ? (
        <EmptyState title={t("me.empty.title")}>
          {t("me.empty.body")}{" "}
          <Link to="/training" className="font-medium text-brand-700 underline underline-offset-2">
            {t("me.empty.start")}
          </Link>
          .
        </EmptyState>
      ) : (
        <div className="space-y-10">
          <Section
            id="completions"
            title={t("me.completions.title")}
            count={completions.length}
            empty={t("me.completions.empty")}
          >
            <RecordTable
              labelledBy="completions"
              columns={[
                t("me.columns.module"),
                t("me.columns.completedOn"),
                t("me.columns.certificate"),
              ]}
              rows={completions.map((c) => ({
                key: c.id,
                cells: [
                  <ModuleCell title={c.module} version={c.version} />,
                  day(c.completedOn),
                  c.hasCertificate ? (
                    <Link
                      to={`/training/${c.slug}/certificate`}
                      aria-label={t("me.completions.certificateFor", { module: c.module })}
                      className="font-medium whitespace-nowrap text-brand-700 underline underline-offset-2 hover:text-brand-900"
                    >
                      {t("me.completions.viewCertificate")}
                    </Link>
                  ) : (
                    <span className="text-slate-600">{t("me.completions.replaced")}</span>
                  ),
                ],
              }))}
            />
          </Section>

          <Section
            id="attempts"
            title={t("me.attempts.title")}
            count={attempts.length}
            empty={t("me.attempts.empty")}
          >
            <RecordTable
              labelledBy="attempts"
              columns={[
                t("me.columns.module"),
                t("me.columns.quiz"),
                t("me.columns.attempt"),
                t("me.columns.score"),
                t("me.columns.result"),
                t("me.columns.date"),
              ]}
              rows={attempts.map((a) => ({
                key: a.id,
                cells: [
                  <ModuleCell title={a.module} version={a.version} />,
                  a.quiz,
                  <span className="tabular-nums">{a.number}</span>,
                  <span className="tabular-nums">{format.percent(a.score / 100)}</span>,
                  a.passed ? (
                    <Badge tone="green">{t("me.attempts.passed")}</Badge>
                  ) : (
                    <Badge tone="amber">{t("me.attempts.notPassed")}</Badge>
                  ),
                  day(a.submittedOn),
                ],
              }))}
            />
          </Section>

          <Section
            id="runs"
            title={t("me.runs.title")}
            count={runs.length}
            empty={t("me.runs.empty")}
          >
            <RecordTable
              labelledBy="runs"
              columns={[
                t("me.columns.module"),
                t("me.columns.rolePlay"),
                t("me.columns.run"),
                t("me.columns.status"),
                t("me.columns.score"),
                t("me.columns.ending"),
                t("me.columns.date"),
              ]}
              rows={runs.map((r) => ({
                key: r.id,
                cells: [
                  <ModuleCell title={r.module} version={r.version} />,
                  r.scenario,
                  <span className="tabular-nums">{r.number}</span>,
                  // A finished run under its pass score is not a success to show in green.
                  r.result && !r.result.passed ? (
                    <Badge tone="amber">{t("me.runs.status.notPassed")}</Badge>
                  ) : (
                    <Badge tone={runTone(r.status)}>
                      {runStatusKeys[r.status]
                        ? t(runStatusKeys[r.status]!)
                        : errorText(t, r.status)}
                    </Badge>
                  ),
                  r.result ? (
                    <span className="whitespace-nowrap tabular-nums">
                      {t(
                        r.result.passed
                          ? "me.runs.score"
                          : r.result.lost
                            ? "me.runs.scoreCustomerLost"
                            : "me.runs.scoreBelowPass",
                        {
                          score: format.number(r.result.score),
                          maxScore: format.number(r.result.maxScore),
                        },
                      )}
                    </span>
                  ) : (
                    <span className="text-slate-600">—</span>
                  ),
                  r.result?.ending ?? <span className="text-slate-600">—</span>,
                  day(r.on),
                ],
              }))}
            />
          </Section>

          <Section
            id="attestations"
            title={t("me.attestations.title")}
            count={attestations.length}
            empty={t("me.attestations.empty")}
          >
            <ul className="space-y-3">
              {attestations.map((a) => (
                <li key={a.id} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
                  <h3 className="font-semibold text-slate-900">
                    {a.module}{" "}
                    <span className="text-sm font-normal text-slate-600">
                      {t("me.attestations.version", { version: a.version })}
                    </span>
                  </h3>
                  <blockquote className="mt-2 border-l-4 border-brand-600 pl-4 text-slate-800">
                    {a.statement}
                  </blockquote>
                  <p className="mt-3 text-sm text-slate-700">
                    {/* The typed name is escaped, parsed, then unescaped: it stays text. */}
                    <Trans
                      i18nKey="me.attestations.signedAs"
                      values={{ name: a.typedName, date: format.day(a.signedOn) }}
                      tOptions={{ interpolation: { escapeValue: true } }}
                      shouldUnescape
                      components={{
                        strong: <strong className="font-semibold" />,
                        time: <time dateTime={a.signedOn} />,
                      }}
                    />
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
          title={t("me.observations.title")}
          count={observations.length}
          empty={t("me.observations.empty")}
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
          title={t("me.recognition.title")}
          count={recognitions.length}
          empty={t("me.recognition.empty")}
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
