import { createTransport } from "nodemailer";
import { z } from "zod";
import { log } from "~/utils/log.server";

// How Frontline's e-mail leaves the process. Callers see only `Mailer`, so reminders do not care
// whether a message goes to an SMTP server or, in development, into the log.

export type MailMessage = { to: string; subject: string; text: string };

export type Mailer = { send(message: MailMessage): Promise<void> };

type Environment = Record<string, string | undefined>;

export const defaultMailFrom = "Frontline <no-reply@frontline.invalid>";

/** Sends through the SMTP server in `url` (smtp://user:pass@host:587 or smtps://…:465). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/** Writes each message as one log line instead of sending it: for development and trials. */
export function logMailer(): Mailer {
  return {
    async send(message) {
      log.info("mail.logged", { ...message });
    },
  };
}

// Read here rather than in env.server.ts for now; an empty value counts as unset, as it does for
// the other optional settings.
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const mailEnv = z.object({
  SMTP_URL: z.preprocess(
    unsetIfEmpty,
    z
      .url({
        protocol: /^smtps?$/,
        error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587",
      })
      .optional(),
  ),
  // Messages for operators (start-up errors), so plain English rather than catalogue keys.
  MAIL_FROM: z.preprocess(unsetIfEmpty, z.string().trim().min(1, "must not be blank").optional()),
});

export function mailSettings(source: Environment = process.env) {
  const result = mailEnv.safeParse(source);
  if (!result.success) {
    // Only the message, never the value: an SMTP URL may carry a password.
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid mail settings:\n${problems.join("\n")}`);
  }
  return { smtpUrl: result.data.SMTP_URL, from: result.data.MAIL_FROM ?? defaultMailFrom };
}

/** SMTP when SMTP_URL is set, otherwise the log (with a warning in production, where it is a mistake). */
export function mailerFromEnv(source: Environment = process.env): Mailer {
  const { smtpUrl, from } = mailSettings(source);
  if (smtpUrl) return smtpMailer(smtpUrl, from);
  if (source.NODE_ENV === "production") {
    log.warn("mail.not_configured", { hint: "set SMTP_URL; e-mail is only written to the log" });
  }
  return logMailer();
}
