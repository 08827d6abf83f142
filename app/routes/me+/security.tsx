import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { changePassword, passwordChangedAt } from "~/auth/password-change.server";
import { ChangePasswordSchema } from "~/auth/password-policy";
import { passwordProblem } from "~/auth/password-policy.server";
import { requireUser } from "~/auth/permissions.server";
import { currentSessionId, endOtherSessions, listSessions } from "~/auth/session.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { PasswordForm } from "~/components/me/password-form";
import { SessionList } from "~/components/me/session-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { formatInstant, timeZoneOf } from "~/team/observations.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Password and sessions · Frontline" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [timeZone, sessions, changedAt] = await Promise.all([
    timeZoneOf(user.id),
    listSessions(user.id),
    passwordChangedAt(user.id),
  ]);
  const current = currentSessionId(request);
  return {
    passwordChangedAt: changedAt
      ? { iso: changedAt.toISOString(), text: formatInstant(changedAt, timeZone) }
      : null,
    // What the page needs of each session; the ids stay on the server.
    sessions: sessions.map((s) => ({
      current: s.id === current,
      signedIn: formatInstant(s.createdAt, timeZone),
      lastActive: formatInstant(s.lastSeenAt, timeZone),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await requireWriteAllowance(user.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);

  if (body.formData.get("intent") === "end-other-sessions") {
    const ended = await endOtherSessions(user.id, currentSessionId(request));
    const notice =
      ended === 0
        ? "There were no other sessions to end."
        : `Signed out of ${ended} other ${ended === 1 ? "session" : "sessions"}.`;
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
          formErrors: [`Too many wrong passwords. Try again in ${minutes} minutes.`],
        }),
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  return data(
    {
      result: submission.reply({
        hideFields,
        fieldErrors: { currentPassword: ["That is not your current password."] },
      }),
    },
    { status: 400 },
  );
}

export default function SecurityPage() {
  const { passwordChangedAt, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A malformed body's error (no form of its own) shows on the password form.
  const passwordResult = actionData && "result" in actionData ? actionData.result : undefined;
  const notice = actionData && "notice" in actionData ? actionData.notice : undefined;
  return (
    <Page
      title="Password and sessions"
      lead={
        <>
          Change your password and see where you are signed in.{" "}
          <Link to="/me" className="font-medium text-brand-700 underline underline-offset-2">
            Back to my record
          </Link>
        </>
      }
    >
      <div className="space-y-10">
        <section aria-labelledby="password" className="space-y-3">
          <h2 id="password" className="text-lg font-semibold text-slate-900">
            Password
          </h2>
          {passwordChangedAt ? (
            <p className="text-sm text-slate-700">
              Last changed <time dateTime={passwordChangedAt.iso}>{passwordChangedAt.text}</time>.
            </p>
          ) : null}
          {/* A new key after a change empties the form: no password stays on the page. */}
          <PasswordForm key={passwordChangedAt?.iso} lastResult={passwordResult} />
        </section>
        <section aria-labelledby="sessions" className="space-y-3">
          <h2 id="sessions" className="text-lg font-semibold text-slate-900">
            Where you are signed in{" "}
            <span className="text-sm font-normal text-slate-600">({sessions.length})</span>
          </h2>
          <p className="max-w-prose text-sm text-slate-700">
            Each time you log in starts a session. A session ends when you log out, after 30 days
            unused or 90 days in all. Last active is recorded to the hour.
          </p>
          <SessionList sessions={sessions} notice={notice} />
        </section>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
