import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { defaultLocale, isLocale } from "./config";
import { fallbackTimeZone, formatters } from "./format";

type RootData = { locale?: string; timeZone?: string | null } | undefined;

/** Formatters for the signed-in person's language and time zone (the visitor's language). */
export function useFormat() {
  const root = useRouteLoaderData("root") as RootData;
  const { i18n } = useTranslation();
  const candidate = root?.locale ?? i18n.language;
  const locale = isLocale(candidate) ? candidate : defaultLocale;
  const timeZone = root?.timeZone ?? fallbackTimeZone;
  return useMemo(() => formatters(locale, timeZone), [locale, timeZone]);
}
