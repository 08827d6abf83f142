import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { ObservationForm } from "~/components/team/observation-form";
import { observationSchema } from "~/team/observation-schema";
import {
  createObservation,
  observationStandards,
  selectablePeople,
  timeZoneOf,
  wallClockValue,
} from "~/team/observations.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Record an observation · Frontline" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const [people, timeZone] = await Promise.all([selectablePeople(user), timeZoneOf(user.id)]);
  const standards = observationStandards();
  // ?employee= preselects someone (from their record page) only if they are in the list.
  const wanted = new URL(request.url).searchParams.get("employee") ?? "";
  const known = people.some((t) => t.members.some((m) => m.id === wanted));
  return {
    people,
    standards,
    timeZone,
    defaults: { employeeId: known ? wanted : "", observedAt: wallClockValue(new Date(), timeZone) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const manager = await requireArea(request, "team");
  await requireWriteAllowance(manager.id);
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);
  const standards = observationStandards();
  if (!standards.length)
    return formErrorResponse("The service standards cannot be read; ask a trainer to check them.");
  // Managers are members of their own teams; the form offers everyone in them but the manager.
  const schema = observationSchema({
    standardIds: standards.map((s) => s.id),
    timeZone: await timeZoneOf(manager.id),
  }).refine((value) => value.employeeId !== manager.id, {
    path: ["employeeId"],
    message: "Choose someone in your team, not yourself.",
  });
  const submission = parseWithZod(body.formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // Someone outside the manager's teams is a 404, as on every page of theirs.
  const created = await createObservation(manager, submission.value, standards);
  return redirect(`/team/${created.employeeId}#observation-${created.id}`);
}

export default function NewObservation() {
  const { people, standards, timeZone, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Page
      title="Record an observation"
      lead="What you saw of one person serving a customer, rated against the service standards. They see it on their record and can reply."
    >
      {people.length === 0 ? (
        <EmptyState title="Nobody to observe yet">
          Observations are for the people in the teams you manage.{" "}
          <Link to="/team" className="font-medium text-brand-700 underline underline-offset-2">
            Back to my team
          </Link>
        </EmptyState>
      ) : standards.length === 0 ? (
        <EmptyState title="The service standards are missing">
          Ask a trainer to fix content/standards.yaml; observations rate against it.
        </EmptyState>
      ) : (
        <ObservationForm
          people={people}
          standards={standards}
          timeZone={timeZone}
          defaults={defaults}
          lastResult={actionData?.result}
        />
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
