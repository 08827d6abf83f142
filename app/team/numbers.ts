import { intlLocales, type Locale } from "~/i18n/config";

// Scores shown with a fixed number of decimals ("27.0", "3.50" in English; "27,0", "3,50" in
// Slovenian): useFormat().number drops trailing zeros, which would show a total of 27.0 as 27.

const cache = new Map<string, Intl.NumberFormat>();

/** `value` with exactly `digits` decimals, written the way `locale` writes numbers. */
export function fixedDecimals(locale: Locale, value: number, digits: number): string {
  const id = `${locale}|${digits}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.NumberFormat(intlLocales[locale], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    cache.set(id, format);
  }
  return format.format(value);
}
