import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "Studio · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireArea(request, "studio");
  return null;
}

export default function StudioHome() {
  return (
    <Page title="Studio" lead="Every course module with its validation state, drafts included.">
      <EmptyState title="No modules yet">
        Modules are folders under <code>content/modules/</code>; each one you add shows up here.
      </EmptyState>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
