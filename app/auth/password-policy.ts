import { z } from "zod";
import { errorKey } from "~/i18n/errors";

// The rules for a password someone chooses (ASVS 6.2): long enough, long passphrases welcome, no
// composition rules. Shared with the browser for instant feedback; the server adds the checks
// that need data (app/auth/password-policy.server.ts). Messages are keys of app/locales/*/auth.json,
// put into words where they are shown (errorText).

export const passwordLength = { min: 8, recommended: 15, max: 128 } as const;

/** The hint under a new-password field: a message key with its values, for errorText. */
export const passwordHint = errorKey("auth:password.hint", {
  count: passwordLength.min,
  recommended: passwordLength.recommended,
});

export const NewPasswordSchema = z
  .string({ error: "auth:password.required" })
  .min(passwordLength.min, errorKey("auth:password.tooShort", { count: passwordLength.min }))
  .max(passwordLength.max, errorKey("auth:password.tooLong", { count: passwordLength.max }));

/** A new password, typed twice (there is no reset by e-mail to catch a typo). */
const newPasswordTwice = {
  newPassword: NewPasswordSchema,
  // Longer than any valid password, so an over-long one is reported once, on the new password.
  confirmPassword: z
    .string({ error: "auth:password.confirmRequired" })
    .max(256, "auth:password.mismatch"),
};
const sameTwice: [
  (value: { newPassword: string; confirmPassword: string }) => boolean,
  { path: string[]; message: string },
] = [
  (value) => value.confirmPassword === value.newPassword,
  { path: ["confirmPassword"], message: "auth:password.mismatch" },
];

/** The form on /me/security: the current password, then the new one twice. */
export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z
      .string({ error: "auth:password.currentRequired" })
      .max(256, "auth:password.wrongCurrent"),
    ...newPasswordTwice,
  })
  .refine(...sameTwice);

/** The form behind an invitation link: the person's first password, typed twice. */
export const AcceptInvitationSchema = z.object(newPasswordTwice).refine(...sameTwice);
