import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const statusCopy: Record<number, { title: string; body: string }> = {
  400: { title: "That request didn't look right", body: "Check what you entered and try again." },
  403: {
    title: "This page isn't part of your role",
    body: "Your account doesn't have access here. If you think it should, ask your administrator.",
  },
  404: {
    title: "We couldn't find that page",
    body: "The link may be old, or the page may have moved.",
  },
  // app/auth/write-limit.server.ts: too many changes from one person in a minute.
  429: {
    title: "That was a lot in a short time",
    body: "Wait a minute, then try again.",
  },
  // app/utils/storage-full.server.ts: the database refused the write whole.
  507: {
    title: "Storage is full: nothing was saved",
    body: "The server has run out of storage space, so what you just sent was not saved. Everything saved before is safe. Please try again later; the people who run Frontline have been alerted.",
  },
};

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
  const copy = statusCopy[status] ?? {
    title: "Something went wrong on our side",
    body: "Nothing you did caused this. Please try again in a moment.",
  };
  // A 400's message says what was wrong; 403 and 404 keep their friendlier standard copy.
  // A 429's message says how long to wait.
  const detail =
    isRouteErrorResponse(error) && (status === 400 || status === 429)
      ? messageOf(error.data)
      : undefined;

  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-20">
      <p className="text-sm font-semibold text-brand-700">Error {status}</p>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{copy.title}</h1>
      <p className="text-slate-700">{detail ?? copy.body}</p>
      <Link
        to="/"
        className="mt-2 rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
      >
        Back to my home page
      </Link>
    </main>
  );
}
