import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { rememberDevice } from "~/auth/known-devices.server";
import { throttleKeys } from "~/auth/throttle";
import { clearAfterSignIn, recordLoginFailure } from "~/auth/throttle.server";
import { homePath, isRole } from "~/auth/roles";
import { createSession } from "~/auth/session.server";
import {
  checkSecondFactor,
  clearChallengeCookie,
  endChallenge,
  failChallenge,
  readChallenge,
} from "~/auth/two-factor.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { log } from "~/utils/log.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// The second step of a password sign-in for someone with two-factor sign-in: a code from their
// authenticator app, or one of their recovery codes. No session exists until it is right.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

const CodeSchema = z.object({
  code: z
    .string({ error: "auth:twoFactor.errors.codeRequired" })
    .trim()
    .min(6, "auth:twoFactor.errors.codeRequired")
    .max(32, "auth:twoFactor.errors.wrongCode"),
});

/** Back to the password form, the challenge's cookie gone. */
const startAgain = (reason: string) =>
  redirect(`/login?twoFactor=${reason}`, { headers: { "Set-Cookie": clearChallengeCookie() } });

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await readChallenge(request))) throw startAgain("expired");
  const locale = await requestLocale(request);
  return { title: fixedT(locale, "auth")("twoFactor.metaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const challenge = await readChallenge(request);
  if (!challenge) return startAgain("expired");
  const body = await readForm(request, 1024);
  if (!body.ok) return formErrorResponse(body.message);
  const submission = parseWithZod(body.formData, { schema: CodeSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields: ["code"] }) }, { status: 400 });

  const checked = await checkSecondFactor(challenge.userId, submission.value.code);
  const keys = throttleKeys(challenge.email, context.clientAddress);
  if (!checked.ok) {
    // A wrong code counts as a failed sign-in: with the password known, codes cannot be guessed
    // challenge after challenge.
    await recordLoginFailure(keys);
    log.warn("login.second_factor_failed", {
      userId: challenge.userId,
      clientAddress: context.clientAddress,
    });
    if (!(await failChallenge(challenge.id))) return startAgain("tooMany");
    return data(
      {
        result: submission.reply({
          formErrors: ["auth:twoFactor.errors.wrongCode"],
          hideFields: ["code"],
        }),
      },
      { status: 401 },
    );
  }

  await endChallenge(challenge.id);
  await clearAfterSignIn(keys);
  // The person as the challenge read them: deactivated meanwhile, no way in.
  const user = challenge;
  if (!user.active || !isRole(user.role)) return startAgain("expired");
  log.info("login.succeeded", {
    userId: challenge.userId,
    role: user.role,
    clientAddress: context.clientAddress,
    secondFactor: checked.recovery ? "recovery code" : "authenticator app",
  });
  const headers = new Headers();
  headers.append("Set-Cookie", clearChallengeCookie());
  headers.append("Set-Cookie", await createSession(challenge.userId));
  headers.append("Set-Cookie", await rememberDevice(request, challenge.userId));
  return redirect(challenge.redirectTo ?? homePath(user.role), { headers });
}

export default function TwoFactorSignIn() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "two-factor",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  });
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-bold tracking-tight text-brand-700">Frontline</p>
          <h1 className="mt-2 text-xl font-semibold text-slate-900">
            {t("auth:twoFactor.heading")}
          </h1>
          <p className="mt-2 text-sm text-slate-600">{t("auth:twoFactor.lead")}</p>
        </div>
        <Form
          method="post"
          {...getFormProps(form)}
          className="space-y-5 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
        >
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            meta={fields.code}
            type="text"
            label={t("auth:twoFactor.code")}
            hint={t("auth:twoFactor.codeHint")}
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
          />
          <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
            {t("auth:twoFactor.submit")}
          </Button>
        </Form>
        <p className="mt-6 text-center text-sm">
          <Link to="/login" className="font-medium text-brand-800 underline">
            {t("auth:twoFactor.startAgain")}
          </Link>
        </p>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
