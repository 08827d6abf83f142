import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AppShell } from "~/components/app-shell";
import { observationsToAcknowledge } from "~/team/observations.server";
import "~/i18n/errors";
import { loadResources } from "~/i18n/client";
import { isLocale } from "~/i18n/config";
import { requestLocale } from "~/i18n/locale.server";
import stylesheet from "~/styles/app.css?url";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = await requestLocale(request, user);
  return {
    locale,
    timeZone: user?.timeZone ?? null,
    user: user
      ? {
          name: user.name,
          email: user.email,
          role: user.role,
          teamName: user.teamName,
          // Shown beside "My record" in the navigation, where they are acknowledged.
          toAcknowledge: await observationsToAcknowledge(user.id),
        }
      : null,
  };
}

/**
 * The browser holds one language's catalogues. When a navigation changes the language (signing
 * in as someone who reads another one), load that language's and switch to it.
 */
function useFollowLanguage(lang: string) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!isLocale(lang) || i18n.language === lang) return;
    let current = true;
    void loadResources(lang).then((resources) => {
      if (!current) return;
      for (const [ns, bundle] of Object.entries(resources[lang] ?? {}))
        i18n.addResourceBundle(lang, ns, bundle, true, true);
      void i18n.changeLanguage(lang);
    });
    return () => {
      current = false;
    };
  }, [lang, i18n]);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  // Without root data (an error before it loaded) the language the document was rendered in.
  const { i18n } = useTranslation();
  const lang = data?.locale ?? i18n.language;
  useEffect(() => {
    // e2e tests wait for this marker: clicks before hydration would be lost.
    document.documentElement.dataset.hydrated = "true";
  }, []);
  useFollowLanguage(lang);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppShell user={data?.user ?? null}>{children}</AppShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
