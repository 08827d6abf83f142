import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLocale, isLocale, locales, type Locale } from "./config";

// Which language a request is answered in: a signed-in person's own locale; for a visitor, the
// language they picked on /login (a cookie), else the best match of Accept-Language.

const oneYear = 60 * 60 * 24 * 365;

export const localeCookie = createCookie("frontline_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: oneYear,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...locales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
});

export async function requestLocale(
  request: Request,
  user?: { locale: string } | null,
): Promise<Locale> {
  if (user && isLocale(user.locale)) return user.locale;
  const detected = await detector.getLocale(request).catch(() => defaultLocale);
  return isLocale(detected) ? detected : defaultLocale;
}
