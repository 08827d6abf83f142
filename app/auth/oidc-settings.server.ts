import { env } from "~/env.server";
import type { Role } from "./roles";

// Company sign-in (OpenID Connect) as configured by the environment (app/env.server.ts).
// Off unless both OIDC_ISSUER and OIDC_CLIENT_ID are set.

export type Provisioning = "off" | "create" | "update";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** The provider's name on the button; undefined says "your company account" in the visitor's words. */
  name: string | undefined;
  scopes: string;
  claims: { email: string; name: string; team: string | undefined; role: string | undefined };
  provision: Provisioning;
  provisionRoles: readonly Role[];
  linkByEmail: boolean;
};

export function oidcSettings(): OidcSettings | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    name: e.OIDC_NAME,
    scopes: e.OIDC_SCOPES,
    claims: {
      email: e.OIDC_CLAIM_EMAIL,
      name: e.OIDC_CLAIM_NAME,
      team: e.OIDC_CLAIM_TEAM,
      role: e.OIDC_CLAIM_ROLE,
    },
    provision: e.OIDC_PROVISION,
    provisionRoles: e.OIDC_PROVISION_ROLES,
    linkByEmail: e.OIDC_LINK_BY_EMAIL,
  };
}

/** "admins": only admins may sign in with a password; everyone else uses company sign-in. */
export function passwordSignIn(): "all" | "admins" {
  return env().PASSWORD_SIGN_IN;
}

/** What the login page needs to know: the button's name, and whether passwords are for admins only. */
export function signInOptions() {
  const settings = oidcSettings();
  return {
    sso: settings ? { name: settings.name ?? null } : null,
    passwordSignIn: passwordSignIn(),
  };
}
