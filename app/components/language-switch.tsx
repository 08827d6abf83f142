import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeNames, locales, type Locale } from "~/i18n/config";

/**
 * One button per language, each named in its own language, posting to /locale. A plain form with
 * a full page load: works without JavaScript, and the new page hydrates in the new language.
 */
export function LanguageSwitch({
  current,
  className = "",
  align = "center",
}: {
  current: Locale;
  className?: string;
  align?: "center" | "start";
}) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" reloadDocument className={className}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <fieldset>
        <legend className="sr-only">{t("shell.language")}</legend>
        <ul className={`flex flex-wrap gap-1 ${align === "center" ? "justify-center" : ""}`}>
          {locales.map((locale) => (
            <li key={locale}>
              <button
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                aria-current={locale === current ? "true" : undefined}
                className={`rounded-md px-2.5 py-1.5 text-sm ${
                  locale === current
                    ? "bg-brand-50 font-semibold text-brand-800"
                    : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                {localeNames[locale]}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
    </Form>
  );
}
