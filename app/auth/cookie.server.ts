import { secureCookies } from "~/env.server";

// In production the cookie is Secure with the __Host- prefix, so it is bound to this exact
// origin (no Domain, Path=/); plain HTTP development cannot set either.
export function sessionCookieName() {
  return secureCookies() ? "__Host-frontline_session" : "frontline_session";
}

export const readSessionCookie = (request: Request) => readCookie(request, sessionCookieName());

/** A cookie's value from the request, or null when it is absent or empty. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim() || null;
    }
  }
  return null;
}

function attributes(maxAgeSeconds: number) {
  const parts = ["Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

export function serializeSessionCookie(token: string, expiresAt: Date, now = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return serializeCookie(sessionCookieName(), token, maxAge);
}

/** An HttpOnly, SameSite=Lax cookie for the whole site, Secure whenever the session's is. */
export function serializeCookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; ${attributes(maxAgeSeconds)}`;
}

export function clearSessionCookie(): string {
  return `${sessionCookieName()}=; ${attributes(0)}`;
}
