import { data } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any URL no other route claims: a friendly 404 inside the usual layout. Messages are keys
// (app/locales/<locale>/common.json), put into words where they are shown.
export function loader() {
  throw data({ message: "common:errors.404.body" }, { status: 404 });
}

export function action() {
  throw data({ message: "common:errors.nothingToSubmit" }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
