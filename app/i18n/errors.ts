import type { TFunction } from "i18next";
import { z } from "zod";

// Form errors travel from the server to the page as message keys ("forms:required"), optionally
// with values ("forms:tooLong|{\"maximum\":120}"), and are put into words where they are shown,
// in the reader's language. Schemas name their own keys; zod's generic messages are replaced by
// keys here, so no "Invalid input: expected string" ever reaches a person.

export function errorKey(key: string, values?: Record<string, unknown>): string {
  return values ? `${key}|${JSON.stringify(values)}` : key;
}

const keyed = /^([a-z]+:[A-Za-z0-9_.-]+)(?:\|(\{.*\}))?$/s;

/** The words for an error message key; text that is not a key is shown as it is. */
export function errorText(t: TFunction, message: string): string {
  const match = keyed.exec(message);
  if (!match) return message;
  let values: Record<string, unknown>;
  try {
    values = match[2] ? (JSON.parse(match[2]) as Record<string, unknown>) : {};
  } catch {
    values = {};
  }
  return t(match[1]!, { ...values, defaultValue: message });
}

function bound(value: unknown): number | undefined {
  return typeof value === "number" || typeof value === "bigint" ? Number(value) : undefined;
}

z.config({
  customError(issue) {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === ""
          ? "forms:required"
          : issue.expected === "number"
            ? "forms:number"
            : "forms:invalid";
      case "too_small":
        if (issue.origin === "string")
          return bound(issue.minimum) === 1
            ? "forms:required"
            : errorKey("forms:tooShort", { count: bound(issue.minimum) });
        if (issue.origin === "array" || issue.origin === "set")
          return errorKey("forms:tooFew", { count: bound(issue.minimum) });
        return errorKey("forms:tooSmall", { minimum: bound(issue.minimum) });
      case "too_big":
        if (issue.origin === "string")
          return errorKey("forms:tooLong", { count: bound(issue.maximum) });
        if (issue.origin === "array" || issue.origin === "set")
          return errorKey("forms:tooMany", { count: bound(issue.maximum) });
        return errorKey("forms:tooBig", { maximum: bound(issue.maximum) });
      case "invalid_format":
        return issue.format === "email" ? "forms:email" : "forms:format";
      case "invalid_value":
        return "forms:choose";
      case "not_multiple_of":
        return "forms:wholeNumber";
      default:
        return "forms:invalid";
    }
  },
});
