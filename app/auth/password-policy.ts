import { z } from "zod";

// The rules for a password someone chooses (ASVS 6.2): long enough, long passphrases welcome, no
// composition rules. Shared with the browser for instant feedback; the server adds the checks
// that need data (app/auth/password-policy.server.ts).

export const passwordLength = { min: 8, recommended: 15, max: 128 } as const;

export const passwordHint =
  `At least ${passwordLength.min} characters; ${passwordLength.recommended} or more is better. ` +
  "A few words with spaces make a good one.";

export const NewPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(passwordLength.min, `At least ${passwordLength.min} characters.`)
  .max(
    passwordLength.max,
    `At most ${passwordLength.max} characters: a passphrase of a few words is plenty.`,
  );

/** The form on /me/security; the new password is typed twice because there is no reset by e-mail. */
export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z
      .string({ error: "Enter your current password." })
      .max(256, "That is not your current password."),
    newPassword: NewPasswordSchema,
    // Longer than any valid password, so an over-long one is reported once, on the new password.
    confirmPassword: z
      .string({ error: "Type the new password again." })
      .max(256, "The two new passwords are not the same."),
  })
  .refine((value) => value.confirmPassword === value.newPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });
