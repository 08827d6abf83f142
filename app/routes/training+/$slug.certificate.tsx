import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  useLoaderData,
  useParams,
  useRouteError,
} from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { moduleWords } from "~/content/titles.server";
import { renderSVG } from "uqr";
import { appOrigin } from "~/env.server";
import { isLocale } from "~/i18n/config";
import { formatters } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import certificateStyles from "~/styles/certificate.css?url";
import { certificateFor, groupedCode } from "~/training/certificates.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: certificateStyles }];

const titleOf = (value: unknown) =>
  value && typeof value === "object" && "title" in value && typeof value.title === "string"
    ? value.title
    : undefined;

// The title doubles as the file name browsers suggest for "Save as PDF". It is worded on the
// server, in the reader's language: with the certificate, or with the 404 when there is none.
export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  {
    title:
      data?.title ??
      titleOf(isRouteErrorResponse(error) ? (error.data as unknown) : undefined) ??
      "Frontline",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  const reader = await requestLocale(request, user);
  const t = fixedT(reader, "training");
  const certificate = await certificateFor(user.id, params.slug ?? "");
  if (!certificate) {
    throw data(
      { message: "training:certificate.none", title: t("training:meta.certificateFallback") },
      { status: 404 },
    );
  }
  // The sheet itself is in the language the module was completed in, worded here on the server
  // (the browser holds only the reader's catalogues).
  const sheetLocale = isLocale(certificate.locale) ? certificate.locale : "en";
  const w = fixedT(sheetLocale, "training");
  const module =
    sheetLocale === "en"
      ? certificate.module
      : ((await moduleWords(sheetLocale)).get(certificate.slug)?.title ?? certificate.module);
  const sheet = {
    locale: sheetLocale,
    module,
    kicker: w("training:certificate.kicker"),
    title: w("training:certificate.title"),
    certifies: w("training:certificate.certifies"),
    hasCompleted: w("training:certificate.hasCompleted"),
    version: w("training:certificate.version", { version: certificate.version }),
    completedOn: w("training:certificate.completedOn"),
    completedDay: formatters(sheetLocale, "UTC").day(certificate.completedOn),
    code: w("training:certificate.code"),
    checkAt: w("training:certificate.checkAt"),
  };
  const readerModule =
    reader === sheetLocale
      ? module
      : reader === "en"
        ? certificate.module
        : ((await moduleWords(reader)).get(certificate.slug)?.title ?? certificate.module);
  return {
    title: t("training:meta.certificate", { module: readerModule, name: certificate.name }),
    // Around the sheet (breadcrumb, links) the module is named in the reader's language.
    certificate: {
      ...certificate,
      module: readerModule,
      groupedCode: groupedCode(certificate.code),
    },
    sheet,
    verifyUrl: `${appOrigin()}/verify/${certificate.code}`,
    // The same address as a QR code, for checking a printed copy with a phone.
    verifyQr: renderSVG(`${appOrigin()}/verify/${certificate.code}`, { pixelSize: 4, border: 1 }),
  };
}

const noSubscription = () => () => {};
/** False in the server's HTML and until hydration, true once the page's script runs. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

function PrintControls() {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  if (!hydrated) {
    return <p className="text-sm text-slate-700">{t("training:certificate.printHint")}</p>;
  }
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <Button type="button" onClick={() => window.print()}>
        <PrinterIcon />
        {t("training:certificate.print")}
      </Button>
      <p className="text-sm text-slate-600">{t("training:certificate.printer")}</p>
    </div>
  );
}

function PrinterIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
      <path d="M5 2.75A.75.75 0 0 1 5.75 2h8.5a.75.75 0 0 1 .75.75V6h.5A2.5 2.5 0 0 1 18 8.5v5a1.5 1.5 0 0 1-1.5 1.5H15v2.25a.75.75 0 0 1-.75.75h-8.5a.75.75 0 0 1-.75-.75V15H3.5A1.5 1.5 0 0 1 2 13.5v-5A2.5 2.5 0 0 1 4.5 6H5V2.75ZM6.5 6h7V3.5h-7V6Zm0 6.5v4h7v-4h-7Z" />
    </svg>
  );
}

// Long names and titles step down a size, so any of them leaves the certificate one page.
const nameSize = (name: string) =>
  name.length > 64
    ? "text-[max(1.375rem,4.2cqw)]"
    : name.length > 40
      ? "text-[max(1.5rem,5cqw)]"
      : name.length > 24
        ? "text-[max(1.625rem,6cqw)]"
        : "text-[max(1.75rem,7.2cqw)]";
const titleSize = (title: string) =>
  title.length > 40 ? "text-[max(1.125rem,3.6cqw)]" : "text-[max(1.25rem,4.6cqw)]";

const factLabel =
  "text-[max(0.625rem,1.45cqw)] font-semibold tracking-[0.18em] text-slate-500 uppercase";

/** A thin rule with a diamond in the middle, under the title. */
function Ornament() {
  return (
    <div aria-hidden className="mt-[2.6cqw] flex w-[34cqw] items-center gap-[1.6cqw]">
      <span className="h-px flex-1 bg-brand-200" />
      <span className="size-[1.3cqw] min-h-2 min-w-2 rotate-45 bg-brand-600" />
      <span className="h-px flex-1 bg-brand-200" />
    </div>
  );
}

// The rosette's 24 points, alternating between an outer and an inner radius.
const rosette = Array.from({ length: 48 }, (_, i) => {
  const angle = (Math.PI * i) / 24;
  const radius = i % 2 === 0 ? 46 : 40;
  return `${(50 + radius * Math.sin(angle)).toFixed(2)},${(50 - radius * Math.cos(angle)).toFixed(2)}`;
}).join(" ");

/** A rosette around a disc with a tick, and two ribbon tails. */
function Seal() {
  return (
    <svg aria-hidden viewBox="0 0 100 130" className="w-[13cqw] min-w-16">
      <path d="M30 80 L18 126 L32 117 L40 130 L50 88 Z" className="fill-brand-800" />
      <path d="M70 80 L82 126 L68 117 L60 130 L50 88 Z" className="fill-brand-800" />
      <polygon points={rosette} className="fill-brand-700" />
      <circle cx="50" cy="50" r="34" className="fill-brand-900" />
      <circle cx="50" cy="50" r="30" fill="none" strokeWidth="1.2" className="stroke-brand-200" />
      <path
        d="M36 51 L46 61 L65 40"
        fill="none"
        stroke="#fff"
        strokeWidth="7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export default function CertificatePage() {
  const { certificate, sheet, verifyUrl, verifyQr } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [beforeUrl, afterUrl] = sheet.checkAt.split("<url/>");
  return (
    <main
      id="main"
      className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10 print:m-0 print:max-w-none print:p-0"
    >
      <div className="mb-6 space-y-4 print:hidden">
        <nav aria-label={t("training:breadcrumb")} className="text-sm text-slate-600">
          <Link to="/training" className="hover:text-slate-900 hover:underline">
            {t("common:nav.training")}
          </Link>
          <span aria-hidden> / </span>
          <Link
            to={`/training/${certificate.slug}`}
            className="hover:text-slate-900 hover:underline"
          >
            {certificate.module}
          </Link>
          <span aria-hidden> / </span>
          <span>{t("training:certificate.breadcrumb")}</span>
        </nav>
        <PrintControls />
      </div>

      <article
        aria-labelledby="certificate-title"
        lang={sheet.locale}
        className="certificate-sheet @container relative mx-auto aspect-[210/297] w-full max-w-[210mm] shadow-xl ring-1 ring-slate-200 print:shadow-none print:ring-0"
      >
        <div
          aria-hidden
          className="certificate-frame absolute inset-[3.2cqw] border-[0.35cqw] border-brand-700"
        />
        <div className="certificate-panel absolute inset-[5.4cqw] flex flex-col items-center border border-brand-200 px-[7cqw] pt-[7cqw] pb-[5cqw] text-center max-sm:static max-sm:m-[5.4cqw] max-sm:min-h-[calc(100%-10.8cqw)]">
          <p className="text-[max(1rem,3.6cqw)] font-bold tracking-tight text-brand-700">
            Frontline
          </p>
          <p className="mt-[0.6cqw] text-[max(0.625rem,1.55cqw)] font-medium tracking-[0.22em] text-slate-500 uppercase">
            {sheet.kicker}
          </p>

          <h1
            id="certificate-title"
            className="mt-[9cqw] text-[max(0.9rem,3.1cqw)] font-semibold tracking-[0.28em] text-brand-800 uppercase"
          >
            {sheet.title}
          </h1>
          <Ornament />

          <p className="mt-[8cqw] font-serif text-[max(0.875rem,2.7cqw)] text-slate-600 italic">
            {sheet.certifies}
          </p>
          <p
            className={`mt-[2cqw] max-w-full border-b-[0.2cqw] border-brand-200 px-[3cqw] pb-[1.6cqw] font-serif leading-tight font-bold ${nameSize(certificate.name)} text-balance break-words text-slate-900`}
          >
            {certificate.name}
          </p>
          <p className="mt-[3.2cqw] font-serif text-[max(0.875rem,2.7cqw)] text-slate-600 italic">
            {sheet.hasCompleted}
          </p>
          <p
            className={`mt-[2cqw] leading-snug font-semibold ${titleSize(sheet.module)} text-balance text-brand-800`}
          >
            {sheet.module}
          </p>
          <p className="mt-[2.4cqw] rounded-full bg-brand-50 px-[2.4cqw] py-[0.7cqw] text-[max(0.75rem,1.9cqw)] font-semibold text-brand-800 ring-1 ring-brand-200">
            {sheet.version}
          </p>

          <div className="mt-auto grid w-full grid-cols-1 items-end gap-[4cqw] pt-[7cqw] sm:grid-cols-[1fr_auto_1fr] print:grid-cols-[1fr_auto_1fr]">
            <dl className="border-t-[0.15cqw] border-slate-300 pt-[1.6cqw]">
              <dt className={factLabel}>{sheet.completedOn}</dt>
              <dd className="mt-[0.6cqw] text-[max(0.875rem,2.3cqw)] font-semibold text-slate-900">
                <time dateTime={certificate.completedOn}>{sheet.completedDay}</time>
              </dd>
            </dl>
            <div className="justify-self-center max-sm:order-first">
              <Seal />
            </div>
            <dl className="border-t-[0.15cqw] border-slate-300 pt-[1.6cqw]">
              <dt className={factLabel}>{sheet.code}</dt>
              <dd className="mt-[0.6cqw] font-mono text-[max(0.875rem,2.3cqw)] font-semibold tracking-wider whitespace-nowrap text-slate-900">
                {certificate.groupedCode}
              </dd>
            </dl>
          </div>
          <div className="mt-[3.5cqw] flex items-center gap-[2.5cqw]">
            <div
              role="img"
              aria-label={t("training:certificate.qrLabel")}
              className="size-[max(4.5rem,11cqw)] shrink-0 [&>svg]:h-full [&>svg]:w-full"
              // Made on the server by uqr from the verification address printed beside it.
              dangerouslySetInnerHTML={{ __html: verifyQr }}
            />
            <p className="text-[max(0.6875rem,1.55cqw)] text-slate-600">
              {beforeUrl}
              <span className="font-mono break-all text-brand-800">{verifyUrl}</span>
              {afterUrl}
            </p>
          </div>
        </div>
      </article>

      <p className="mt-6 text-center print:hidden">
        <Link
          to={`/training/${certificate.slug}`}
          className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
        >
          {t("training:certificate.backTo", { module: certificate.module })}
        </Link>
      </p>
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { slug } = useParams();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />;
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-20">
      <p className="text-sm font-semibold text-brand-700">{t("training:certificate.noneKicker")}</p>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">
        {t("training:certificate.noneTitle")}
      </h1>
      <p className="text-slate-700">{t("training:certificate.noneBody")}</p>
      <Link
        to={slug ? `/training/${slug}` : "/training"}
        className="mt-2 rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {slug ? t("training:certificate.toModule") : t("training:certificate.toTraining")}
      </Link>
    </main>
  );
}
