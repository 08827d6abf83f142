import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { changePassword, passwordChangedAt } from "~/auth/password-change.server";
import { ChangePasswordSchema } from "~/auth/password-policy";
import { passwordProblem } from "~/auth/password-policy.server";
import { requireUser } from "~/auth/permissions.server";
import { currentSessionId, endOtherSessions, listSessions } from "~/auth/session.server";
import {
  checkSecondFactor,
  enrolmentView,
  enrolTwoFactor,
  newTwoFactorKey,
  removeTwoFactor,
  twoFactorRequired,
  twoFactorStatus,
} from "~/auth/two-factor.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { actorOf } from "~/audit/audit.server";
import { TwoFactorSection } from "~/components/me/two-factor-section";
import { PasswordForm } from "~/components/me/password-form";
import { SessionList } from "~/components/me/session-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { errorKey } from "~/i18n/errors";
import { formatters } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// The title comes from the loader, in the person's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await requestLocale(request, user);
  const [sessions, changedAt, twoFactor] = await Promise.all([
    listSessions(user.id),
    passwordChangedAt(user.id),
    twoFactorStatus(user.id),
  ]);
  const current = currentSessionId(request);
  // Formatted here, in the person's language and time zone, so server and browser markup match.
  const format = formatters(locale, user.timeZone);
  return {
    title: fixedT(locale, "auth")("security.metaTitle"),
    passwordChangedAt: changedAt
      ? { iso: changedAt.toISOString(), text: format.dateTime(changedAt) }
      : null,
    twoFactor: twoFactor
      ? { since: format.date(twoFactor.since), recoveryCodesLeft: twoFactor.recoveryCodesLeft }
      : null,
    // A fresh key each time the form is shown; it is kept only once a code proves the app has it.
    enrolment: twoFactor ? null : enrolmentView(newTwoFactorKey(), user.email),
    twoFactorRequired: twoFactorRequired(user.role),
    // What the page needs of each session; the ids stay on the server.
    sessions: sessions.map((s) => ({
      current: s.id === current,
      signedIn: format.dateTime(s.createdAt),
      lastActive: format.dateTime(s.lastSeenAt),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await requireWriteAllowance(user.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);

  const intent = body.formData.get("intent");
  if (intent === "enrol-two-factor" || intent === "disable-two-factor") {
    const submission = parseWithZod(body.formData, { schema: TwoFactorSchema });
    const wrong = () =>
      data(
        {
          twoFactorResult: submission.reply({
            fieldErrors: { code: ["auth:twoFactor.errors.wrongCode"] },
            hideFields: ["code"],
          }),
        },
        { status: 400 },
      );
    if (submission.status !== "success")
      return data({ twoFactorResult: submission.reply({ hideFields: ["code"] }) }, { status: 400 });
    const { code, key } = submission.value;
    if (intent === "enrol-two-factor") {
      const codes = key ? await enrolTwoFactor(user, key, code, context.clientAddress) : null;
      return codes ? { recoveryCodes: codes } : wrong();
    }
    if (twoFactorRequired(user.role))
      return data(
        { twoFactorResult: submission.reply({ formErrors: ["auth:twoFactor.errors.required"] }) },
        { status: 400 },
      );
    if (!(await checkSecondFactor(user.id, code)).ok) return wrong();
    await removeTwoFactor(actorOf(user, context.clientAddress), user, "self");
    const t = fixedT(await requestLocale(request, user), "auth");
    return { twoFactorNotice: t("twoFactor.settings.turnedOff") };
  }

  if (intent === "end-other-sessions") {
    const ended = await endOtherSessions(user, currentSessionId(request), context.clientAddress);
    const t = fixedT(await requestLocale(request, user), "auth");
    const notice =
      ended === 0 ? t("security.noOtherSessions") : t("security.signedOutOthers", { count: ended });
    return { notice };
  }

  const submission = parseWithZod(body.formData, {
    schema: ChangePasswordSchema.superRefine((value, ctx) => {
      const problem = passwordProblem(value.newPassword, user, "your");
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    }),
  });
  const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  }
  const outcome = await changePassword(
    user,
    { current: submission.value.currentPassword, next: submission.value.newPassword },
    currentSessionId(request),
    context.clientAddress,
  );
  if (outcome.ok) {
    // Post/redirect/get with the new session's cookie: the old one no longer exists.
    return redirect("/me/security", { headers: { "Set-Cookie": outcome.setCookie } });
  }
  if (outcome.reason === "throttled") {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return data(
      {
        result: submission.reply({
          hideFields,
          formErrors: [errorKey("auth:password.throttled", { count: minutes })],
        }),
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  return data(
    {
      result: submission.reply({
        hideFields,
        fieldErrors: { currentPassword: ["auth:password.wrongCurrent"] },
      }),
    },
    { status: 400 },
  );
}

const TwoFactorSchema = z.object({
  code: z
    .string({ error: "auth:twoFactor.errors.codeRequired" })
    .trim()
    .min(6, "auth:twoFactor.errors.codeRequired")
    .max(32, "auth:twoFactor.errors.wrongCode"),
  key: z.string().max(64).optional(),
});

export default function SecurityPage() {
  const { passwordChangedAt, sessions, twoFactor, enrolment, twoFactorRequired } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  // A malformed body's error (no form of its own) shows on the password form.
  const passwordResult = actionData && "result" in actionData ? actionData.result : undefined;
  const notice = actionData && "notice" in actionData ? actionData.notice : undefined;
  const twoFactorResult =
    actionData && "twoFactorResult" in actionData ? actionData.twoFactorResult : undefined;
  return (
    <Page
      title={t("auth:security.title")}
      lead={
        <>
          {t("auth:security.lead")}{" "}
          <Link to="/me" className="font-medium text-brand-700 underline underline-offset-2">
            {t("auth:security.backToRecord")}
          </Link>
        </>
      }
    >
      <div className="space-y-10">
        <section aria-labelledby="password" className="space-y-3">
          <h2 id="password" className="text-lg font-semibold text-slate-900">
            {t("auth:security.passwordHeading")}
          </h2>
          {passwordChangedAt ? (
            <p className="text-sm text-slate-700">
              <Trans
                i18nKey="auth:security.lastChanged"
                values={{ date: passwordChangedAt.text }}
                components={{ time: <time dateTime={passwordChangedAt.iso} /> }}
              />
            </p>
          ) : null}
          {/* A new key after a change empties the form: no password stays on the page. */}
          <PasswordForm key={passwordChangedAt?.iso} lastResult={passwordResult} />
        </section>
        <TwoFactorSection
          status={twoFactor}
          enrolment={enrolment}
          required={twoFactorRequired}
          recoveryCodes={
            actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : undefined
          }
          lastResult={twoFactorResult}
          notice={
            actionData && "twoFactorNotice" in actionData ? actionData.twoFactorNotice : undefined
          }
        />
        <section aria-labelledby="sessions" className="space-y-3">
          <h2 id="sessions" className="text-lg font-semibold text-slate-900">
            {t("auth:security.sessionsHeading")}{" "}
            <span className="text-sm font-normal text-slate-600">({sessions.length})</span>
          </h2>
          <p className="max-w-prose text-sm text-slate-700">{t("auth:security.sessionsInfo")}</p>
          <SessionList sessions={sessions} notice={notice} />
        </section>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
