import { useTranslation } from "react-i18next";
import type { SignInProblem } from "~/auth/oidc.server";

/** Message keys of each refused company sign-in (app/locales/<locale>/auth.json, sso.problem). */
export const problemMessages: Record<SignInProblem, string> = {
  expired: "auth:sso.problem.expired",
  invalid: "auth:sso.problem.invalid",
  denied: "auth:sso.problem.denied",
  unavailable: "auth:sso.problem.unavailable",
  deactivated: "auth:sso.problem.deactivated",
  unknown: "auth:sso.problem.unknown",
  accountExists: "auth:sso.problem.accountExists",
  alreadyLinked: "auth:sso.problem.alreadyLinked",
  emailMissing: "auth:sso.problem.emailMissing",
  emailUnverified: "auth:sso.problem.emailUnverified",
};

/** Problems worth another go straight away: the attempt itself went wrong, not the account. */
const retryable = new Set<SignInProblem>(["expired", "invalid", "denied", "unavailable"]);

/** The page a refused company sign-in shows: what went wrong, in the visitor's language. */
export function SsoProblem({ problem }: { problem: SignInProblem }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-2xl font-bold tracking-tight text-brand-700">Frontline</p>
        <h1 className="mt-2 text-xl font-semibold text-slate-900">
          {t("auth:sso.problem.heading")}
        </h1>
        <p role="alert" className="mt-4 text-slate-700">
          {t(problemMessages[problem])}
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {retryable.has(problem) ? (
            // A document navigation: the next step is a redirect to the provider.
            <a
              href="/auth/oidc"
              className="rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
            >
              {t("auth:sso.problem.tryAgain")}
            </a>
          ) : null}
          <a
            href="/login"
            className="rounded-lg border border-slate-300 px-4 py-2.5 text-sm font-semibold text-slate-900 hover:bg-slate-50"
          >
            {t("auth:sso.problem.backToLogin")}
          </a>
        </div>
      </div>
    </main>
  );
}
