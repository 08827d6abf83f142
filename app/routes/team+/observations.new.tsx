import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { retryAfterHeaders } from "~/auth/write-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { newFormKey } from "~/db/form-keys.server";
import { ObservationForm } from "~/components/team/observation-form";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { observationSchema } from "~/team/observation-schema";
import { readPersonForm } from "~/team/person-forms.server";
import {
  createObservation,
  observationStandards,
  selectablePeople,
  timeZoneOf,
  wallClockValue,
} from "~/team/observations.server";

// The title comes from the loader, in the manager's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const locale = await requestLocale(request, user);
  const [people, timeZone] = await Promise.all([selectablePeople(user), timeZoneOf(user.id)]);
  // In the manager's words; the ids (what is stored and checked) are the same in every language.
  const standards = observationStandards(locale);
  // ?employee= preselects someone (from their record page) only if they are in the list.
  const wanted = new URL(request.url).searchParams.get("employee") ?? "";
  const known = people.some((t) => t.members.some((m) => m.id === wanted));
  return {
    title: fixedT(locale, "team")("observation.metaTitle"),
    people,
    standards,
    timeZone,
    defaults: { employeeId: known ? wanted : "", observedAt: wallClockValue(new Date(), timeZone) },
    formKey: newFormKey(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const standards = observationStandards();
  const form = await readPersonForm(
    request,
    async (manager) =>
      standards.length
        ? observationSchema({
            standardIds: standards.map((s) => s.id),
            timeZone: await timeZoneOf(manager.id),
          })
        : "team:errors.observation.noStandards",
    "team:errors.observation.notYourself",
  );
  if (form.refusal) return form.refusal;
  // Someone outside the manager's teams is a 404, as on every page of theirs.
  const created = await createObservation(
    form.manager,
    form.value,
    standards,
    context.clientAddress,
  );
  return redirect(`/team/${created.employeeId}#observation-${created.id}`);
}

export default function NewObservation() {
  const { people, standards, timeZone, defaults, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <Page title={t("team:observation.title")} lead={t("team:observation.lead")}>
      {people.length === 0 ? (
        <EmptyState title={t("team:observation.nobody.title")}>
          {t("team:observation.nobody.body")}{" "}
          <Link to="/team" className="font-medium text-brand-700 underline underline-offset-2">
            {t("team:actions.backToTeam")}
          </Link>
        </EmptyState>
      ) : standards.length === 0 ? (
        <EmptyState title={t("team:observation.noStandards.title")}>
          {t("team:observation.noStandards.body")}
        </EmptyState>
      ) : (
        <ObservationForm
          people={people}
          standards={standards}
          timeZone={timeZone}
          defaults={defaults}
          formKey={formKey}
          lastResult={actionData?.result}
        />
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
