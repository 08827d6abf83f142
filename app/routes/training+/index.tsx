import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "My training · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  return { firstName: user.name.split(" ")[0] ?? user.name };
}

export default function TrainingHome() {
  const { firstName } = useLoaderData<typeof loader>();
  return (
    <Page
      title="My training"
      lead={`Welcome, ${firstName}. Your assigned modules, due dates and progress live here.`}
    >
      <EmptyState title="Nothing assigned yet">
        When your organisation assigns you a policy module, it appears here with its due date.
      </EmptyState>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
