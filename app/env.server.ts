import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) =>
    value === undefined || value === "" ? undefined : value === "true" || value === "1",
  );

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
  // Comma-separated origins that may POST besides the request's own (for a proxy that rewrites Host).
  APP_ORIGIN: z.string().optional(),
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
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
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
export const secureCookies = () => env().COOKIE_SECURE ?? isProduction();
