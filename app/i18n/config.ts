// The languages Frontline speaks and the settings every i18next instance shares, on the server,
// in the browser and in scripts. See docs/decisions/008-i18n.md.

export const locales = ["en", "sl", "sk", "da", "lt"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Each language by its own name, for language pickers. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  sl: "Slovenščina",
  sk: "Slovenčina",
  da: "Dansk",
  lt: "Lietuvių",
};

/** The Intl locale behind each language: English dates and numbers are written the European way. */
export const intlLocales: Record<Locale, string> = {
  en: "en-GB",
  sl: "sl-SI",
  sk: "sk-SK",
  da: "da-DK",
  lt: "lt-LT",
};

/** One catalogue file per namespace and language: app/locales/<locale>/<namespace>.json. */
export const namespaces = [
  "common",
  "forms",
  "auth",
  "training",
  "team",
  "studio",
  "admin",
  "email",
  "content",
] as const;
export type Namespace = (typeof namespaces)[number];

export const i18nOptions = {
  supportedLngs: [...locales],
  fallbackLng: defaultLocale,
  defaultNS: "common",
  ns: [...namespaces],
  // React escapes on render; e-mails and CSV escape for their own formats.
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
} as const;
