import { intlLocales, type Locale } from "./config";

// Dates, times and numbers through Intl, in a person's language and time zone. Month names are
// written out in full: abbreviations differ between ICU versions ("Sept" in Node, "Sep" in
// Chromium), which would break hydration; full names and numbers do not.

export const fallbackTimeZone = "Europe/Ljubljana";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions) {
  const id = `d|${locale}|${key}|${options.timeZone ?? ""}`;
  let format = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], options);
    if (cache.size > 500) cache.clear();
    cache.set(id, format);
  }
  return format;
}

function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions) {
  const id = `n|${locale}|${key}`;
  let format = cache.get(id) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlLocales[locale], options);
    cache.set(id, format);
  }
  return format;
}

export type Formatters = ReturnType<typeof formatters>;

export function formatters(locale: Locale, timeZone: string = fallbackTimeZone) {
  return {
    locale,
    timeZone,
    /** A calendar date given as YYYY-MM-DD: "7 September 2026", "7. september 2026". */
    day(ymd: string, withYear = true): string {
      const [year, month, day] = ymd.split("-").map(Number);
      const at = new Date(Date.UTC(year!, month! - 1, day!));
      const options: Intl.DateTimeFormatOptions = withYear
        ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }
        : { day: "numeric", month: "long", timeZone: "UTC" };
      return dateFormat(locale, withYear ? "day" : "dayNoYear", options).format(at);
    },
    /** The calendar date of an instant in the person's time zone. */
    date(at: Date | string): string {
      return dateFormat(locale, "date", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone,
      }).format(new Date(at));
    },
    /** Date and time of an instant in the person's time zone. */
    dateTime(at: Date | string): string {
      return dateFormat(locale, "dateTime", {
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
      }).format(new Date(at));
    },
    number(value: number, maximumFractionDigits = 1): string {
      return numberFormat(locale, `num${maximumFractionDigits}`, { maximumFractionDigits }).format(
        value,
      );
    },
    /** Names joined as the language joins them: "Maya and Sam", "Maya in Sam". */
    list(items: string[]): string {
      return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
    },
    /** A share from 0 to 1 as a percentage: "75 %" in Slovenian, "75%" in English. */
    percent(share: number): string {
      return numberFormat(locale, "percent", { style: "percent", maximumFractionDigits: 0 }).format(
        share,
      );
    },
  };
}
