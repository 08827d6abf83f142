import * as client from "openid-client";
import { z } from "zod";
import { appOrigin } from "~/env.server";
import { log } from "~/utils/log.server";
import type { PendingSignIn } from "./oidc-cookie.server";
import { readPendingSignIn, serializePendingSignIn } from "./oidc-cookie.server";
import type { OidcSettings } from "./oidc-settings.server";
import type { Role } from "./roles";
import type { Identity, PersonProblem } from "./sso-people.server";
import { signInPerson } from "./sso-people.server";

// Company sign-in with OpenID Connect: the authorization code flow with PKCE, state and nonce,
// using openid-client (issuer discovery; it checks the ID token's signature, issuer, audience,
// expiry and nonce). app/routes/_auth+/oidc.ts starts it, app/routes/_auth+/oidc.callback.tsx
// finishes it.

export const callbackPath = "/auth/oidc/callback";

const loopback = new Set(["localhost", "127.0.0.1", "[::1]"]);

let cached: { key: string; configuration: Promise<client.Configuration> } | undefined;

/** The provider's discovered configuration, fetched once per process (again after a failure). */
export function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  if (cached?.key !== key) {
    const issuer = new URL(settings.issuer);
    // Plain HTTP is for a provider on this machine only (tests, a local Keycloak).
    const insecure = issuer.protocol === "http:" && loopback.has(issuer.hostname);
    const configuration = client.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
      { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    const entry = { key, configuration };
    configuration.catch(() => {
      if (cached === entry) cached = undefined;
    });
    cached = entry;
  }
  return cached.configuration;
}

export const redirectUri = () => `${appOrigin()}${callbackPath}`;

/** Where to send the browser to sign in at the provider, and the cookie that remembers the attempt. */
export async function startSignIn(
  request: Request,
  settings: OidcSettings,
  redirectTo: string | null,
  now = Date.now(),
) {
  const configuration = await oidcConfiguration(settings);
  const pending: PendingSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectTo,
    issuer: settings.issuer,
    startedAt: now,
  };
  const location = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(),
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return {
    location: location.href,
    setCookie: serializePendingSignIn(pending, settings.clientSecret),
  };
}

/** Why a sign-in was refused, as the refusal page words it. */
export type SignInProblem = "expired" | "invalid" | "denied" | "unavailable" | PersonProblem;

export type SignInResult =
  | { ok: true; userId: string; role: Role; redirectTo: string | null }
  | { ok: false; problem: SignInProblem; status: 400 | 403 | 502 };

const personStatus = 403 as const;

/** A claim by name: a top-level key first (names may contain dots), else a dotted path. */
export function claimValue(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split(".")) {
    if (!value || typeof value !== "object" || !(part in value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === "string" && item.trim().length > 0,
  );

const emailShape = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** The identity from the ID token's claims, filled in from UserInfo where they lack one. */
export function identityFrom(
  issuer: string,
  subject: string,
  sources: Record<string, unknown>[],
  names: OidcSettings["claims"],
): Identity {
  const first = (name: string) =>
    sources.map((claims) => claimValue(claims, name)).find((value) => value !== undefined);
  // email_verified comes from the same source as the e-mail it vouches for.
  const emailSource = sources.find((claims) => claimValue(claims, names.email) !== undefined);
  const email = emailShape.safeParse(emailSource && claimValue(emailSource, names.email));
  const verified = emailSource?.email_verified;
  const name = first(names.name);
  return {
    issuer,
    subject,
    email: email.success ? email.data : null,
    emailVerified:
      verified === true || verified === "true"
        ? true
        : verified === false || verified === "false"
          ? false
          : null,
    name: typeof name === "string" && name.trim() ? name.trim().slice(0, 120) : null,
    teams: names.team ? strings(first(names.team)) : [],
    roles: names.role ? strings(first(names.role)) : [],
  };
}

/** One line for the log: an error's message and its causes' messages. */
function describe(error: unknown) {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    messages.push(current.message);
    current = current.cause;
  }
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  // The provider's own OAuth error ("invalid_grant", "access_denied"), when it sent one.
  const oauth =
    error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError
      ? { error: error.error, errorDescription: error.error_description }
      : {};
  return {
    name: name ?? "unknown",
    code,
    message: messages.join(" ← ") || String(error),
    ...oauth,
  };
}

const isNetworkFailure = (error: unknown) =>
  (error instanceof TypeError && error.message === "fetch failed") ||
  (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"));

/** A protocol failure (the provider's or the checks'), as opposed to a bug of ours. */
const isProtocolFailure = (error: unknown) =>
  error instanceof client.ClientError ||
  error instanceof client.ResponseBodyError ||
  error instanceof client.AuthorizationResponseError ||
  error instanceof client.WWWAuthenticateChallengeError;

function refused(
  problem: SignInProblem,
  status: 400 | 403 | 502,
  fields: Record<string, unknown>,
): SignInResult {
  log.warn("sso.refused", { problem, ...fields });
  return { ok: false, problem, status };
}

/**
 * Finish a sign-in at the callback: check the response against the attempt this browser started,
 * redeem the code, verify the ID token, then find (or link, or make) the person.
 */
export async function finishSignIn(
  request: Request,
  settings: OidcSettings,
  details: { locale: string; clientAddress: string | undefined },
): Promise<SignInResult> {
  const { clientAddress } = details;
  const issuer = settings.issuer;
  const read = readPendingSignIn(request, settings.clientSecret);
  if (!read.ok) return refused("expired", 400, { reason: `cookie ${read.reason}`, clientAddress });
  const { pending } = read;
  if (pending.issuer !== issuer) {
    return refused("expired", 400, { reason: "cookie for another issuer", clientAddress });
  }

  const url = new URL(request.url);
  const currentUrl = new URL(`${url.pathname}${url.search}`, redirectUri());
  let claims: Record<string, unknown>;
  let userInfo: Record<string, unknown> | null = null;
  let configuration: client.Configuration;
  try {
    configuration = await oidcConfiguration(settings);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()! as Record<string, unknown>;
    const names = settings.claims;
    const wanted = [names.email, names.name, names.team, names.role].filter(
      (name): name is string => Boolean(name),
    );
    const missing = wanted.some((name) => claimValue(claims, name) === undefined);
    // Some providers put profile claims in UserInfo only (OpenID Connect Core 5.4).
    if (missing && configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      userInfo = (await client.fetchUserInfo(
        configuration,
        tokens.access_token,
        claims.sub as string,
      )) as Record<string, unknown>;
    }
  } catch (error) {
    const detail = describe(error);
    if (error instanceof client.AuthorizationResponseError) {
      return refused("denied", 403, { reason: "provider", ...detail, clientAddress });
    }
    if (isProtocolFailure(error)) {
      return refused("invalid", 400, { reason: "protocol", ...detail, clientAddress });
    }
    if (isNetworkFailure(error)) {
      log.error("sso.provider_unreachable", { issuer, ...detail });
      return refused("unavailable", 502, { reason: "network", ...detail, clientAddress });
    }
    throw error;
  }

  const identity = identityFrom(
    configuration.serverMetadata().issuer,
    String(claims.sub),
    userInfo ? [claims, userInfo] : [claims],
    settings.claims,
  );
  const outcome = await signInPerson(identity, settings, details);
  if (!outcome.ok) {
    return refused(outcome.problem, personStatus, {
      reason: "person",
      issuer: identity.issuer,
      subject: identity.subject,
      email: identity.email,
      clientAddress,
    });
  }
  log.info("sso.succeeded", {
    userId: outcome.userId,
    role: outcome.role,
    issuer: identity.issuer,
    how: outcome.how,
    updatedFromClaims: outcome.changed,
    clientAddress,
  });
  return { ok: true, userId: outcome.userId, role: outcome.role, redirectTo: pending.redirectTo };
}
