import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { finishSignIn } from "~/auth/oidc.server";
import { clearPendingSignIn } from "~/auth/oidc-cookie.server";
import { oidcSettings } from "~/auth/oidc-settings.server";
import { safeRedirectPath } from "~/auth/permissions.server";
import { homePath } from "~/auth/roles";
import { createSession, endSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoProblem } from "~/components/sso-problem";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";

// GET /auth/oidc/callback: the provider sends the browser back here with a code. A verified
// sign-in starts a session exactly as a password login does; anything else gets a page saying
// why, in the visitor's language, and nothing is written. Either way the attempt's cookie goes.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = oidcSettings();
  if (!settings) throw data({ message: "common:errors.404.body" }, { status: 404 });
  const locale = await requestLocale(request);
  const result = await finishSignIn(request, settings, {
    locale,
    clientAddress: context.clientAddress,
  });
  const headers = new Headers();
  headers.append("Set-Cookie", clearPendingSignIn());
  if (!result.ok) {
    const title = fixedT(locale, "auth")("sso.problem.metaTitle");
    return data({ problem: result.problem, title }, { status: result.status, headers });
  }
  // A new session on every sign-in; any session the browser still carried is ended (fixation).
  await endSession(request);
  headers.append("Set-Cookie", await createSession(result.userId));
  return redirect(safeRedirectPath(result.redirectTo) ?? homePath(result.role), { headers });
}

export default function CompanySignInRefused() {
  const { problem } = useLoaderData<typeof loader>();
  return <SsoProblem problem={problem} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
