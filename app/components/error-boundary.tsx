import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorText } from "~/i18n/errors";

// Statuses with their own words in common.json (errors.<status>.title/body); 429 comes from
// app/auth/write-limit.server.ts, 507 from app/utils/storage-full.server.ts.
const knownStatuses = new Set([400, 403, 404, 429, 507]);

function messageOf(value: unknown): string | undefined {
  if (
    value &&
    typeof value === "object" &&
    "message" in value &&
    typeof value.message === "string"
  ) {
    return value.message;
  }
  return undefined;
}

/** The one error page every route shows: friendly 403/404/507, a generic message for the rest. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A 400's message says what was wrong; 403 and 404 keep their friendlier standard copy.
  // A 429's message says how long to wait.
  const detail =
    isRouteErrorResponse(error) && (status === 400 || status === 429)
      ? messageOf(error.data)
      : undefined;
  return <ErrorPage status={status} detail={detail} />;
}

/** The key of an error page's title in common.json, for a status. */
export const errorTitleKey = (status: number) =>
  `errors.${knownStatuses.has(status) ? status : "other"}.title`;

/** An error page's words and the way home (also the catch-all route's 404 page). */
export function ErrorPage({ status, detail }: { status: number; detail?: string }) {
  const { t } = useTranslation();
  const copy = knownStatuses.has(status) ? String(status) : "other";
  const title = t(errorTitleKey(status));

  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-20">
      <p className="text-sm font-semibold text-brand-700">{t("errors.status", { status })}</p>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="text-slate-700">{detail ? errorText(t, detail) : t(`errors.${copy}.body`)}</p>
      <Link
        to="/"
        className="mt-2 rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t("errors.home")}
      </Link>
    </main>
  );
}
