import { z } from "zod";
import { roles, type Role } from "~/auth/roles";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) =>
    value === undefined || value === "" ? undefined : value === "true" || value === "1",
  );

// Company sign-in (OpenID Connect); off unless OIDC_ISSUER and OIDC_CLIENT_ID are both set.
// README, "Company sign-in (OpenID Connect)", explains each one.
const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);
const textWithDefault = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || fallback);
const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A comma-separated list of roles, e.g. "manager,admin" (each once). */
const roleList = (fallback: string) =>
  textWithDefault(fallback)
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((role) => role.trim())
          .filter(Boolean),
      ),
    ])
    .refine((list) => list.every((role) => (roles as readonly string[]).includes(role)), {
      message: "must be a comma-separated list of employee, manager, trainer, admin",
    })
    .transform((list) => list as Role[]);

const oidcSchema = {
  OIDC_ISSUER: optionalText.refine(
    (value) => {
      if (value === undefined) return true;
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (
        url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.has(url.hostname))
      );
    },
    { message: "must be the provider's https:// issuer URL (http:// only on localhost)" },
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  // Shown as "Sign in with <name>"; unset, the button says "your company account" in the visitor's language.
  OIDC_NAME: optionalText.refine((value) => value === undefined || value.length <= 60, {
    message: "must be at most 60 characters",
  }),
  OIDC_SCOPES: textWithDefault("openid email profile").refine(
    (value) => value.split(/\s+/).includes("openid"),
    { message: "must include openid" },
  ),
  OIDC_CLAIM_EMAIL: textWithDefault("email"),
  OIDC_CLAIM_NAME: textWithDefault("name"),
  OIDC_CLAIM_TEAM: optionalText,
  OIDC_CLAIM_ROLE: optionalText,
  OIDC_PROVISION: z
    .enum(["off", "create", "update", ""], { error: "must be off, create or update" })
    .optional()
    .transform((value) => value || "off"),
  OIDC_PROVISION_ROLES: roleList("employee"),
  OIDC_LINK_BY_EMAIL: booleanFlag.transform((value) => value ?? false),
  PASSWORD_SIGN_IN: z
    .enum(["all", "admins", ""], { error: "must be all or admins" })
    .optional()
    .transform((value) => value || "all"),
};

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/frontline.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgres:// (PostgreSQL)",
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Unset: every interface, IPv6 and IPv4 where the machine has both.
  HOST: z.string().optional(),
  // Comma-separated public origins ("https://frontline.example.com"): the only origins forms may
  // be posted from, and the first is where links in certificates and e-mails point. Unset, the
  // app answers as http://localhost:<PORT> (and 127.0.0.1, [::1]): required in production unless
  // the server listens on a loopback address only.
  APP_ORIGIN: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((origin) => origin.trim().replace(/\/+$/, ""))
        .filter(Boolean),
    )
    .refine(
      (list) =>
        list.every(
          (origin) =>
            URL.canParse(origin) &&
            /^https?:$/.test(new URL(origin).protocol) &&
            new URL(origin).origin === origin.toLowerCase(),
        ),
      { message: "must be comma-separated origins like https://frontline.example.com (no path)" },
    )
    .transform((list) => list.map((origin) => origin.toLowerCase())),
  // Express "trust proxy" setting, so the throttle sees the real client address behind a proxy.
  TRUST_PROXY: z.string().optional(),
  // Secure cookies with the __Host- prefix; on by default in production.
  COOKIE_SECURE: booleanFlag,
  // Seed the demo organisation into an empty database even when NODE_ENV=production.
  DEMO_SEED: booleanFlag,
  // Trainers' course files.
  CONTENT_DIR: z.string().default("content"),
  // Reminders: SMTP server (smtp:// or smtps://); unset writes mail to the log instead.
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^smtps?:\/\//.test(v), {
      message: "must be an smtp:// or smtps:// URL",
    }),
  MAIL_FROM: z.string().default("Frontline <no-reply@frontline.invalid>"),
  // "hourly" runs a reminder pass in the server every hour.
  REMINDERS_SCHEDULE: z.enum(["hourly", "off", ""]).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // Roles that must turn on two-factor sign-in (authenticator app) before doing anything else,
  // e.g. "admin,manager,trainer"; everyone may turn it on.
  TWO_FACTOR_ROLES: roleList(""),
  ...oidcSchema,
});

export type Env = z.infer<typeof schema>;

// Refusing passwords to everyone but admins needs another way in.
const checkedSchema = schema.superRefine((value, ctx) => {
  // Without APP_ORIGIN the app only knows itself as localhost: fine for a server on this machine
  // (`npm start`), a mistake for one others reach, whose forms would all be refused.
  const reachableFromElsewhere =
    value.HOST !== undefined && !loopbackHosts.has(value.HOST) && value.HOST !== "::1";
  if (value.NODE_ENV === "production" && value.APP_ORIGIN.length === 0 && reachableFromElsewhere) {
    ctx.addIssue({
      code: "custom",
      path: ["APP_ORIGIN"],
      message: `is required in production when HOST is ${value.HOST}: set it to the address people open, e.g. https://frontline.example.com`,
    });
  }
  if (value.PASSWORD_SIGN_IN === "admins" && !(value.OIDC_ISSUER && value.OIDC_CLIENT_ID)) {
    ctx.addIssue({
      code: "custom",
      path: ["PASSWORD_SIGN_IN"],
      message: "admins needs company sign-in: set OIDC_ISSUER and OIDC_CLIENT_ID too",
    });
  }
});

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = checkedSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The environment, parsed once with zod on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";

/**
 * The origins this app's pages are served from: APP_ORIGIN's, else localhost on PORT. Forms are
 * accepted from these only (the Host header is never trusted for it), and the first is where
 * links in certificates and e-mails point.
 */
export function appOrigins(config: Env = env()): string[] {
  if (config.APP_ORIGIN.length > 0) return config.APP_ORIGIN;
  return [...loopbackHosts].map((host) => `http://${host}:${config.PORT}`);
}

/** Where links this app writes for elsewhere (certificates, e-mails) point. */
export const appOrigin = () => appOrigins()[0]!;
export const secureCookies = () => env().COOKIE_SECURE ?? isProduction();
