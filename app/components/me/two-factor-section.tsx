import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";

type Props = {
  status: { since: string; recoveryCodesLeft: number } | null;
  /** A key to enrol with (while it is off): for typing, and as a QR code made on the server. */
  enrolment: { key: string; typed: string; qrSvg: string } | null;
  required: boolean;
  /** Shown once, right after turning it on. */
  recoveryCodes?: string[];
  lastResult?: SubmissionResult<string[]>;
  notice?: string;
};

/** Two-factor sign-in on /me/security: turn it on with an authenticator app, or off with a code. */
export function TwoFactorSection({
  status,
  enrolment,
  required,
  recoveryCodes,
  lastResult,
  notice,
}: Props) {
  const { t } = useTranslation();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm<{ code: string; key?: string }>({
    id: status ? "two-factor-off" : "two-factor-on",
    lastResult,
    shouldValidate: "onSubmit",
  });
  return (
    <section aria-labelledby="two-factor" className="space-y-3">
      <h2 id="two-factor" className="text-lg font-semibold text-slate-900">
        {t("auth:twoFactor.settings.heading")}
      </h2>
      {required && !status ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("auth:twoFactor.settings.required")}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      ) : null}
      {recoveryCodes?.length ? (
        <div className="rounded-xl border border-green-200 bg-green-50 p-4">
          <h3 className="font-semibold text-green-900">
            {t("auth:twoFactor.settings.codesHeading")}
          </h3>
          <p className="mt-1 max-w-prose text-sm text-green-900">
            {t("auth:twoFactor.settings.codesInfo")}
          </p>
          <ul
            aria-label={t("auth:twoFactor.settings.codesHeading")}
            className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5"
          >
            {recoveryCodes.map((code) => (
              <li key={code} className="rounded bg-white px-2 py-1 text-center">
                {code}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status ? (
        <>
          <p className="text-sm text-slate-700">
            {t("auth:twoFactor.settings.on", {
              date: status.since,
              count: status.recoveryCodesLeft,
            })}
          </p>
          {required ? (
            <p className="text-sm text-slate-600">{t("auth:twoFactor.settings.requiredKeep")}</p>
          ) : (
            <Form
              method="post"
              {...getFormProps(form)}
              className="max-w-sm space-y-4 rounded-2xl border border-slate-200 bg-white p-5"
            >
              <FormErrors id={form.errorId} errors={form.errors} />
              <input type="hidden" name="intent" value="disable-two-factor" />
              <Field
                meta={fields.code}
                type="text"
                label={t("auth:twoFactor.code")}
                autoComplete="one-time-code"
              />
              <Button type="submit" variant="secondary" pending={pending}>
                {t("auth:twoFactor.settings.turnOff")}
              </Button>
            </Form>
          )}
        </>
      ) : enrolment ? (
        <Form
          method="post"
          {...getFormProps(form)}
          className="grid gap-5 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-[auto_1fr]"
        >
          <div className="sm:col-span-2">
            <p className="max-w-prose text-sm text-slate-700">{t("auth:twoFactor.settings.off")}</p>
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <div
            role="img"
            aria-label={t("auth:twoFactor.settings.qrLabel")}
            className="h-44 w-44 justify-self-center rounded-lg border border-slate-200 bg-white p-2 [&>svg]:h-full [&>svg]:w-full"
            // Made on the server by uqr from this page's own otpauth:// address.
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
          <div className="space-y-4">
            <p className="text-sm text-slate-700">
              {t("auth:twoFactor.settings.typeKey")}{" "}
              <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{enrolment.typed}</code>
            </p>
            <input type="hidden" name="intent" value="enrol-two-factor" />
            <input type="hidden" name="key" value={enrolment.key} />
            <Field
              meta={fields.code}
              type="text"
              inputMode="numeric"
              label={t("auth:twoFactor.settings.firstCode")}
              autoComplete="one-time-code"
            />
            <Button type="submit" pending={pending}>
              {t("auth:twoFactor.settings.turnOn")}
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
