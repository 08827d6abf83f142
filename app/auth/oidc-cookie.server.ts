import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { secureCookies } from "~/env.server";
import { log } from "~/utils/log.server";

// The sign-in in progress between /auth/oidc and /auth/oidc/callback: state, nonce and PKCE
// verifier, where to go afterwards, and when it started. It lives only in the browser, in a
// short-lived cookie built like the session cookie (app/auth/cookie.server.ts: HttpOnly,
// SameSite=Lax so the provider's redirect back carries it, Secure with the __Host- prefix when
// cookies are secure) and signed with HMAC-SHA256, so a cookie the server did not set is refused.

export type PendingSignIn = {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A local path (already checked with safeRedirectPath) or null for the person's home. */
  redirectTo: string | null;
  issuer: string;
  /** Epoch milliseconds. */
  startedAt: number;
};

/** Ten minutes to sign in at the provider; the cookie and the check both end then. */
export const pendingLifetimeSeconds = 10 * 60;

export function pendingCookieName() {
  return secureCookies() ? "__Host-frontline_oidc" : "frontline_oidc";
}

let processKey: Buffer | undefined;

/**
 * The signing key: derived from the client secret, which every app process behind a load balancer
 * shares. A public client (no secret) signs with a key of this process only, so its sign-ins must
 * come back to the process that started them (said once in the log).
 */
function signingKey(clientSecret: string | undefined): Buffer {
  if (clientSecret) {
    return Buffer.from(
      hkdfSync("sha256", clientSecret, "frontline", "oidc pending sign-in cookie", 32),
    );
  }
  if (!processKey) {
    processKey = randomBytes(32);
    log.warn("sso.cookie_key_per_process", {
      note: "no OIDC_CLIENT_SECRET: sign-ins must return to the app process that started them",
    });
  }
  return processKey;
}

const sign = (payload: string, key: Buffer) =>
  createHmac("sha256", key).update(payload).digest("base64url");

function attributes(maxAgeSeconds: number) {
  const parts = ["Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

export function serializePendingSignIn(pending: PendingSignIn, clientSecret: string | undefined) {
  const payload = Buffer.from(JSON.stringify(pending)).toString("base64url");
  const value = `${payload}.${sign(payload, signingKey(clientSecret))}`;
  return `${pendingCookieName()}=${value}; ${attributes(pendingLifetimeSeconds)}`;
}

export function clearPendingSignIn() {
  return `${pendingCookieName()}=; ${attributes(0)}`;
}

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator !== -1 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim() || null;
    }
  }
  return null;
}

const isText = (value: unknown, max = 512): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= max;

export type PendingRead =
  | { ok: true; pending: PendingSignIn }
  | { ok: false; reason: "missing" | "bad-signature" | "malformed" | "expired" };

/** The sign-in this browser started here, if its cookie is present, untouched and not too old. */
export function readPendingSignIn(
  request: Request,
  clientSecret: string | undefined,
  now = Date.now(),
): PendingRead {
  const value = cookieValue(request, pendingCookieName());
  if (!value || value.length > 4096) return { ok: false, reason: "missing" };
  const [payload, signature, ...rest] = value.split(".");
  if (!payload || !signature || rest.length) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(payload, signingKey(clientSecret)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: "bad-signature" };
  }
  let data: Partial<PendingSignIn>;
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<PendingSignIn>;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (
    !isText(data.state) ||
    !isText(data.nonce) ||
    !isText(data.codeVerifier) ||
    !isText(data.issuer, 2048) ||
    !(data.redirectTo === null || isText(data.redirectTo, 2048)) ||
    typeof data.startedAt !== "number"
  ) {
    return { ok: false, reason: "malformed" };
  }
  const age = now - data.startedAt;
  if (age < 0 || age > pendingLifetimeSeconds * 1000) return { ok: false, reason: "expired" };
  return { ok: true, pending: data as PendingSignIn };
}
