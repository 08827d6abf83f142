import { Form } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { ModuleProgress } from "~/training/completion.server";
import { Button } from "~/components/ui/button";
import { useFormat } from "~/i18n/use-format";
import { ActionError } from "./quiz-panel";

/** The policy statement: signed (with name and date), ready to sign, or waiting for the practice. */
export function AttestationPanel({
  statement,
  progress,
  error,
}: {
  statement: string;
  progress: ModuleProgress;
  error?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const signed = progress.attestation;
  return (
    <section
      id="attestation"
      aria-labelledby="attestation-title"
      className="mt-10 scroll-mt-20 rounded-2xl border border-slate-300 bg-white p-5 sm:p-6"
    >
      <h2 id="attestation-title" className="text-lg font-semibold text-slate-900">
        {t("training:attestation.title")}
      </h2>
      <blockquote className="mt-2 border-l-4 border-brand-600 pl-4 text-slate-800">
        {signed?.statement ?? statement}
      </blockquote>
      {signed ? (
        <p className="mt-4 rounded-lg bg-green-50 px-3 py-2 text-green-900" role="status">
          <Trans
            i18nKey="training:attestation.signed"
            values={{ date: format.date(signed.signedAt) }}
            // The name as a component, not a value: typed text is never read as markup.
            components={{ name: <strong>{signed.typedName}</strong> }}
          />
        </p>
      ) : progress.practiceDone ? (
        <Form method="post" preventScrollReset className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="attest" />
          <div className="flex items-start gap-2.5">
            <input
              id="attest-agree"
              type="checkbox"
              name="agree"
              required
              className="mt-1 size-4 accent-brand-700"
            />
            <label htmlFor="attest-agree" className="text-slate-800">
              {t("training:attestation.agree")}
            </label>
          </div>
          <div>
            <label htmlFor="attest-name" className="block text-sm font-medium text-slate-800">
              {t("training:attestation.fullName")}
            </label>
            <input
              id="attest-name"
              name="typedName"
              required
              autoComplete="name"
              className="mt-1.5 block w-full max-w-sm rounded-lg border border-slate-300 px-3 py-2.5 text-base"
            />
          </div>
          <ActionError message={error} />
          <Button type="submit">{t("training:attestation.sign")}</Button>
        </Form>
      ) : (
        <p className="mt-4 text-sm text-slate-600">
          {/* Only what this module asks for: quizzes, role-plays or both. */}
          {t(
            progress.scenarios === 0
              ? "training:attestation.notYetQuizzes"
              : progress.quizzes === 0
                ? "training:attestation.notYetRolePlays"
                : "training:attestation.notYet",
          )}
        </p>
      )}
    </section>
  );
}
