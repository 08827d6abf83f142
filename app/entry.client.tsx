import { RemixBrowser } from "@remix-run/react";
import { createInstance } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLocale, i18nOptions, isLocale } from "~/i18n/config";
import { loadResources } from "~/i18n/client";

// Hydrate in the language the server rendered (<html lang>), with only that language's
// catalogues: server and browser render the same text, so nothing flashes or mismatches.
async function hydrate() {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : defaultLocale;
  const i18n = createInstance();
  await i18n
    .use(initReactI18next)
    .init({ ...i18nOptions, lng: locale, resources: await loadResources(locale) });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
