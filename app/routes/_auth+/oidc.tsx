import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { startSignIn } from "~/auth/oidc.server";
import { oidcSettings } from "~/auth/oidc-settings.server";
import { requireAnonymous, safeRedirectPath } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoProblem } from "~/components/sso-problem";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { log } from "~/utils/log.server";

// GET /auth/oidc: start a company sign-in (the login page's button, or a provider's app tile).
// Remembers the attempt in a short-lived cookie and sends the browser to the provider. A GET, and
// reached by a link, not a form: the page's CSP (form-action 'self') would stop a form's redirect
// to the provider.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = oidcSettings();
  if (!settings) throw data({ message: "common:errors.404.body" }, { status: 404 });
  await requireAnonymous(request);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  try {
    const { location, setCookie } = await startSignIn(request, settings, redirectTo);
    return redirect(location, { headers: { "Set-Cookie": setCookie } });
  } catch (error) {
    log.error("sso.provider_unreachable", {
      issuer: settings.issuer,
      message: error instanceof Error ? error.message : String(error),
      clientAddress: context.clientAddress,
    });
    const locale = await requestLocale(request);
    return data(
      {
        problem: "unavailable" as const,
        title: fixedT(locale, "auth")("sso.problem.metaTitle"),
      },
      { status: 502 },
    );
  }
}

export default function StartCompanySignIn() {
  const { problem } = useLoaderData<typeof loader>();
  return <SsoProblem problem={problem} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
