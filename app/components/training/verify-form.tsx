import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";

/** The certificate code to check: a plain GET form to /verify, which goes on to /verify/<code>. */
export function VerifyForm({ empty = false }: { empty?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/verify" className="mt-5 space-y-3">
      <div>
        <label htmlFor="certificate-code" className="block text-sm font-medium text-slate-800">
          {t("training:verify.codeLabel")}
        </label>
        <p id="certificate-code-hint" className="mt-0.5 text-sm text-slate-600">
          {t("training:verify.codeHint")}
        </p>
        <input
          id="certificate-code"
          name="code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={
            empty ? "certificate-code-hint certificate-code-error" : "certificate-code-hint"
          }
          aria-invalid={empty || undefined}
          className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-base text-slate-900 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
        />
        {empty ? (
          <p id="certificate-code-error" className="mt-1.5 text-sm text-red-700">
            {t("training:verify.codeMissing")}
          </p>
        ) : null}
      </div>
      <Button type="submit">{t("training:verify.check")}</Button>
    </Form>
  );
}
