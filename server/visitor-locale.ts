import { defaultLocale, isLocale, locales, type Locale } from "~/i18n/config";

// The language of an answer the server gives before Remix sees the request (a refused sign-in,
// a cross-site post): the language picked on /login (the frontline_lng cookie, see
// app/i18n/locale.server.ts), else the best match of Accept-Language, else English. Synchronous,
// so these answers go out at once; no session is read.

type Headers = { cookie?: string | undefined; "accept-language"?: string | undefined };

/** The frontline_lng cookie's value: Remix writes it as base64 of its JSON, URL-encoded. */
function cookieLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== "frontline_lng") continue;
    try {
      const value = JSON.parse(
        Buffer.from(decodeURIComponent(rest.join("=")), "base64").toString("utf8"),
      ) as unknown;
      if (isLocale(value)) return value;
    } catch {
      // A malformed cookie is no choice at all.
    }
  }
  return null;
}

/** The supported language the browser likes best: "sl-SI,sl;q=0.9,en;q=0.8" → "sl". */
function acceptedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        tag: tag.trim().toLowerCase(),
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    const match = locales.find((locale) => locale === primary);
    if (match) return match;
  }
  return null;
}

export function visitorLocale(headers: Headers | undefined): Locale {
  return (
    cookieLocale(headers?.cookie) ?? acceptedLocale(headers?.["accept-language"]) ?? defaultLocale
  );
}
