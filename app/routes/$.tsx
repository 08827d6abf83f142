import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getUser } from "~/auth/permissions.server";
import { ErrorPage, errorTitleKey, GeneralErrorBoundary } from "~/components/error-boundary";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";

// Any URL no other route claims: a friendly 404 inside the usual layout, with a title in the
// visitor's language (a thrown error would leave the document without one).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await requestLocale(request, await getUser(request));
  return data(
    { title: `${fixedT(locale, "common")(errorTitleKey(404))} · Frontline` },
    { status: 404 },
  );
}

export function action() {
  throw data({ message: "common:errors.nothingToSubmit" }, { status: 404 });
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
