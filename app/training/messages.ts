import type { TFunction } from "i18next";
import { errorText } from "~/i18n/errors";

/**
 * The words for a module action's refusal: one message key (with values), or several one a line
 * (`problemLines`), each put into words and joined into one paragraph. Text that is not a key is
 * shown as it is.
 */
export function problemText(t: TFunction, message: string): string {
  return message
    .split("\n")
    .map((line) => errorText(t, line))
    .join(" ");
}
