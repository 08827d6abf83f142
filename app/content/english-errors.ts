import { z } from "zod";

// content:check speaks to trainers' editors in English, like the compiler it wraps: zod's own
// English messages, whatever error map the app has set for people's forms (app/i18n/errors.ts).
const english = z.locales.en();

export const inEnglish = {
  error: (issue: Parameters<typeof english.localeError>[0]) => english.localeError(issue),
};
