import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { getUser } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VerifyForm } from "~/components/training/verify-form";
import { intlLocales } from "~/i18n/config";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { useFormat } from "~/i18n/use-format";
import { verifyCertificate } from "~/training/certificates.server";

// Public: whoever holds a printed certificate can check it here without an account. The page
// speaks the reader's language (a signed-in person's own, else their browser's).

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [certificate, user] = await Promise.all([
    verifyCertificate(params.code ?? ""),
    getUser(request),
  ]);
  const reader = await requestLocale(request, user);
  const t = fixedT(reader, "training");
  if (!certificate) {
    return data({ title: t("training:meta.notVerified"), certificate: null }, { status: 404 });
  }
  const { locale, ...facts } = certificate;
  // The language it was completed in, named in the reader's language ("Slovenian", "slovenščina").
  const language = new Intl.DisplayNames([intlLocales[reader]], { type: "language" }).of(locale);
  return {
    title: t("training:meta.verified"),
    certificate: { ...facts, language: language ?? locale },
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-semibold text-slate-900 sm:mt-0">{children}</dd>
    </div>
  );
}

export default function VerifyPage() {
  const { certificate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12 sm:px-6 sm:py-20">
      <p className="text-lg font-bold tracking-tight text-brand-700">Frontline</p>
      {certificate ? (
        <section
          aria-labelledby="verified"
          className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
        >
          <div className="flex items-center gap-3">
            <span
              aria-hidden
              className="flex size-10 shrink-0 items-center justify-center rounded-full bg-green-100 text-green-800"
            >
              <svg viewBox="0 0 20 20" className="size-6" fill="currentColor">
                <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" />
              </svg>
            </span>
            <h1 id="verified" className="text-2xl font-bold tracking-tight text-slate-900">
              {t("training:verify.verified")}
            </h1>
          </div>
          <p className="mt-3 text-slate-700">{t("training:verify.genuine")}</p>
          <dl className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
            <Fact label={t("training:verify.name")}>{certificate.name}</Fact>
            <Fact label={t("training:verify.module")}>{certificate.module}</Fact>
            <Fact label={t("training:verify.version")}>{certificate.version}</Fact>
            <Fact label={t("training:verify.language")}>{certificate.language}</Fact>
            <Fact label={t("training:certificate.completedOn")}>
              <time dateTime={certificate.completedOn}>{format.day(certificate.completedOn)}</time>
            </Fact>
          </dl>
        </section>
      ) : (
        <section
          aria-labelledby="not-found"
          className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
        >
          <p className="text-sm font-semibold text-slate-600">{t("training:verify.notVerified")}</p>
          <h1 id="not-found" className="mt-1 text-2xl font-bold tracking-tight text-slate-900">
            {t("training:verify.notFound")}
          </h1>
          <p className="mt-3 text-slate-700">
            <Trans
              i18nKey="training:verify.notFoundBody"
              // i18n-ignore: a sample code in the shape printed on certificates, not words.
              values={{ example: "abcd efgh ijkl mnop" }}
              components={{ code: <span className="font-mono whitespace-nowrap" /> }}
            />
          </p>
          <VerifyForm />
        </section>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
