import { data } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any URL no other route claims: a friendly 404 inside the usual layout.
export function loader() {
  throw data({ message: "The link may be old, or the page may have moved." }, { status: 404 });
}

export function action() {
  throw data({ message: "Nothing to submit here." }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
