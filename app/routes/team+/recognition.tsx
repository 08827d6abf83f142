import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { retryAfterHeaders } from "~/auth/write-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { newFormKey } from "~/db/form-keys.server";
import { RecognitionForm } from "~/components/team/recognition-form";
import { RecognitionList } from "~/components/team/recognition-list";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { selectablePeople } from "~/team/observations.server";
import {
  linkableObservations,
  managerWall,
  observationLinkable,
  recognise,
} from "~/team/recognition.server";
import { readPersonForm } from "~/team/person-forms.server";
import { RecognitionSchema } from "~/team/recognition-schema";

// The title comes from the loader, in the manager's language (meta cannot use hooks).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const [people, observations, wall, locale] = await Promise.all([
    selectablePeople(user),
    linkableObservations(user),
    managerWall(user),
    requestLocale(request, user),
  ]);
  // ?employee=&observation= come from a person's record; kept only if they are in the lists.
  const search = new URL(request.url).searchParams;
  const employeeId = people.some((t) => t.members.some((m) => m.id === search.get("employee")))
    ? search.get("employee")!
    : "";
  const observationId = observations.some(
    (o) => o.id === search.get("observation") && o.employeeId === employeeId,
  )
    ? search.get("observation")!
    : "";
  return {
    title: fixedT(locale, "team")("recognition.metaTitle"),
    people,
    observations,
    wall,
    defaults: { employeeId, observationId },
    formKey: newFormKey(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readPersonForm(
    request,
    (manager) =>
      RecognitionSchema.superRefine(async (value, ctx) => {
        // The same answer for an unknown id and for someone else's: ids cannot be probed.
        if (
          value.observationId &&
          !(await observationLinkable(manager, value.employeeId, value.observationId))
        )
          ctx.addIssue({
            code: "custom",
            path: ["observationId"],
            message: "team:errors.recognition.observation",
          });
      }),
    "team:errors.recognition.notYourself",
  );
  if (form.refusal) return form.refusal;
  // Someone outside the manager's teams is a 404, as on every page of theirs.
  await recognise(form.manager, form.value, context.clientAddress);
  return { result: form.submission.reply({ resetForm: true }), saved: true };
}

export default function Recognition() {
  const { people, observations, wall, defaults, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <Page title={t("team:recognition.title")} lead={t("team:recognition.lead")}>
      {people.length === 0 ? (
        <EmptyState title={t("team:recognition.nobody.title")}>
          {t("team:recognition.nobody.body")}{" "}
          <Link to="/team" className="font-medium text-brand-700 underline underline-offset-2">
            {t("team:actions.backToTeam")}
          </Link>
        </EmptyState>
      ) : (
        <RecognitionForm
          people={people}
          observations={observations}
          defaults={defaults}
          formKey={formKey}
          lastResult={actionData?.result}
          saved={Boolean(actionData && "saved" in actionData && actionData.saved)}
        />
      )}
      <section aria-labelledby="wall-heading" className="mt-10">
        <h2 id="wall-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t("team:recognition.wall")}
        </h2>
        {wall.length ? (
          <RecognitionList items={wall} showTo labelledBy="wall-heading" />
        ) : (
          <p className="text-sm text-slate-600">{t("team:recognition.wallEmpty")}</p>
        )}
      </section>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
