import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitation, openInvitation } from "~/admin/invitations.server";
import { AcceptInvitationSchema } from "~/auth/password-policy";
import { passwordProblem } from "~/auth/password-policy.server";
import { homePath, isRole } from "~/auth/roles";
import { createSession, endSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LanguageSwitch } from "~/components/language-switch";
import { Button } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/form-errors";
import { NewPasswordFields } from "~/components/ui/new-password-fields";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// The page behind an invitation link: a new person chooses their own password and is signed in.
// The token is the only key; a link that no longer works says so and changes nothing.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
  // The token is in the address: keep it out of search engines and other sites' logs.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export const headers = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requestLocale(request);
  const open = await openInvitation(params.token ?? "");
  const title = fixedT(locale, "auth")("invitation.metaTitle");
  if (!open) return data({ title, locale, person: null }, { status: 410 });
  return { title, locale, person: { name: open.user.name, email: open.user.email } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const body = await readForm(request, 8 * 1024);
  if (!body.ok) return formErrorResponse(body.message);
  const token = params.token ?? "";
  const open = await openInvitation(token);
  if (!open) return formErrorResponse("auth:invitation.goneTitle", 410);
  const submission = parseWithZod(body.formData, {
    schema: AcceptInvitationSchema.superRefine((value, ctx) => {
      const problem = passwordProblem(value.newPassword, open.user, "your");
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    }),
  });
  const hideFields = ["newPassword", "confirmPassword"];
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  const person = await acceptInvitation(open, submission.value.newPassword, context.clientAddress);
  if (!person) return formErrorResponse("auth:invitation.goneTitle", 410);
  // A new session for the new person; any session this browser carried is ended.
  const headers = new Headers();
  await endSession(request);
  headers.append("Set-Cookie", await createSession(person.id));
  return redirect(isRole(person.role) ? homePath(person.role) : "/training", { headers });
}

export default function InvitationPage() {
  const { person, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: actionData?.result,
    constraint: getZodConstraint(AcceptInvitationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
  });
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <p className="mb-6 text-lg font-bold tracking-tight text-brand-700">Frontline</p>
      {person ? (
        <>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            {t("auth:invitation.title", { name: person.name.split(" ")[0] })}
          </h1>
          <p className="mt-2 text-slate-700">
            {t("auth:invitation.lead", { email: person.email })}
          </p>
          <Form
            method="post"
            {...getFormProps(form)}
            className="mt-6 space-y-5 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
          >
            <FormErrors id={form.errorId} errors={form.errors} />
            {/* For password managers: the account this password belongs to. */}
            <input type="hidden" name="username" autoComplete="username" value={person.email} />
            <NewPasswordFields
              password={fields.newPassword}
              again={fields.confirmPassword}
              labels={{
                password: t("auth:invitation.password"),
                again: t("auth:invitation.again"),
              }}
            />
            <Button type="submit" pending={navigation.state === "submitting"}>
              {t("auth:invitation.submit")}
            </Button>
          </Form>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            {t("auth:invitation.goneTitle")}
          </h1>
          <p className="mt-2 text-slate-700">{t("auth:invitation.goneBody")}</p>
          <p className="mt-6">
            <Link to="/login" className="font-medium text-brand-800 underline">
              {t("auth:invitation.logIn")}
            </Link>
          </p>
        </>
      )}
      <LanguageSwitch current={locale} className="mt-6" />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
