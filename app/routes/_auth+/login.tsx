import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { isKnownDevice, rememberDevice } from "~/auth/known-devices.server";
import { attemptLogin, demoHint } from "~/auth/login.server";
import { signInOptions } from "~/auth/oidc-settings.server";
import { requireAnonymous, safeRedirectPath } from "~/auth/permissions.server";
import { homePath } from "~/auth/roles";
import { createSession, endSession } from "~/auth/session.server";
import { startChallenge } from "~/auth/two-factor.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LanguageSwitch } from "~/components/language-switch";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { errorKey } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// The title comes from the loader, in the visitor's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

const LoginSchema = z.object({
  email: z
    .string({ error: "auth:login.errors.emailRequired" })
    .trim()
    .toLowerCase()
    .max(254, "auth:login.errors.emailTooLong")
    .pipe(z.email("auth:login.errors.emailInvalid")),
  password: z
    .string({ error: "auth:login.errors.passwordRequired" })
    .min(1, "auth:login.errors.passwordRequired")
    .max(256, "auth:login.errors.passwordTooLong"),
  redirectTo: z.string().max(2048).optional(),
});

// A document POST takes its headers from here; pass the throttle's Retry-After through.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const locale = await requestLocale(request);
  return {
    demo: await demoHint(),
    locale,
    title: fixedT(locale, "auth")("login.metaTitle"),
    ...signInOptions(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readForm(request, 8 * 1024);
  if (!body.ok) return formErrorResponse(body.message);

  const submission = parseWithZod(body.formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }

  const { email, password, redirectTo } = submission.value;
  const result = await attemptLogin(email, password, context.clientAddress, {
    knownDevice: await isKnownDevice(request, email),
  });
  if (!result.ok && result.reason === "sso-only") {
    return data(
      {
        result: submission.reply({
          formErrors: ["auth:sso.passwordOff"],
          hideFields: ["password"],
        }),
      },
      { status: 403 },
    );
  }
  if (!result.ok) {
    const throttled = result.reason === "throttled";
    const message = !throttled
      ? "auth:login.errors.invalid"
      : result.slowed
        ? errorKey("auth:login.errors.slowed", { count: result.retryAfterSeconds })
        : errorKey("auth:login.errors.throttled", {
            count: Math.ceil(result.retryAfterSeconds / 60),
          });
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ["password"] }) },
      {
        status: throttled ? 429 : 401,
        headers: throttled ? { "Retry-After": String(result.retryAfterSeconds) } : undefined,
      },
    );
  }

  // A new session on every login; any session the browser still carried is ended (fixation).
  const headers = new Headers();
  await endSession(request);
  // The right password opens no session yet for someone with two-factor sign-in: the code first.
  if (result.secondFactor) {
    headers.append("Set-Cookie", await startChallenge(result.userId, safeRedirectPath(redirectTo)));
    return redirect("/login/two-factor", { headers });
  }
  headers.append("Set-Cookie", await createSession(result.userId));
  headers.append("Set-Cookie", await rememberDevice(request, result.userId));
  return redirect(safeRedirectPath(redirectTo) ?? homePath(result.role), { headers });
}

export default function LoginPage() {
  const { demo, locale, sso, passwordSignIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");
  // Back from the code step: it timed out, or took too many wrong codes.
  const twoFactorNotice = ({ expired: "expired", tooMany: "tooMany" } as const)[
    searchParams.get("twoFactor") as "expired"
  ];
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });

  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-bold tracking-tight text-brand-700">Frontline</p>
          <h1 className="mt-2 text-xl font-semibold text-slate-900">{t("auth:login.heading")}</h1>
        </div>
        {sso ? (
          <div className="mb-6 space-y-4">
            {/* A link, not a form: the CSP's form-action 'self' would stop the redirect to the provider. */}
            <a
              href={`/auth/oidc${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}
              className="flex w-full items-center justify-center rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {sso.name ? t("auth:sso.button", { name: sso.name }) : t("auth:sso.buttonDefault")}
            </a>
            <p className="text-center text-sm text-slate-600">{t("auth:sso.orPassword")}</p>
            {passwordSignIn === "admins" ? (
              <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("auth:sso.adminsOnly")}
              </p>
            ) : null}
          </div>
        ) : null}
        <Form
          method="post"
          {...getFormProps(form)}
          className="space-y-5 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
        >
          <FormErrors id={form.errorId} errors={form.errors} />
          {twoFactorNotice && !actionData ? (
            <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t(`auth:twoFactor.notice.${twoFactorNotice}`)}
            </p>
          ) : null}
          <Field
            meta={fields.email}
            type="email"
            label={t("auth:login.email")}
            autoComplete="username"
            // With company sign-in the button above is the way in for most: no focus here, so
            // the first click elsewhere does not validate an untouched field and shift the page.
            autoFocus={!sso}
          />
          <Field
            meta={fields.password}
            type="password"
            label={t("auth:login.password")}
            autoComplete="current-password"
          />
          <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
          <Button
            type="submit"
            variant={sso ? "secondary" : "primary"}
            className="w-full"
            pending={navigation.state === "submitting"}
          >
            {t("auth:login.submit")}
          </Button>
        </Form>
        {demo ? (
          <p className="mt-6 text-center text-sm text-slate-600">
            <Trans i18nKey="auth:login.demo" values={demo} components={{ code: <code /> }} />
          </p>
        ) : null}
        <LanguageSwitch current={locale} className="mt-6" />
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
