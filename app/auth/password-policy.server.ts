import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordLength } from "./password-policy";

// What a new password may not be, beyond its length: one of the most common passwords (ASVS
// 6.2.4), or built from the person's own name or e-mail address.

// The list is ordered by frequency. ASVS asks for the top 3000 that the rest of the policy would
// accept, so shorter entries (refused by length anyway) do not count towards the 3000.
const commonCount = 3000;
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    dictionary["passwords-common"]
      .filter((password) => password.length >= passwordLength.min)
      .slice(0, commonCount)
      .map((password) => password.toLowerCase()),
  );
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** Words of a person's name or e-mail an attacker would try first (short ones would refuse too much). */
function personalWords(person: { name: string; email: string }): string[] {
  const local = person.email.split("@")[0] ?? "";
  const words = [person.name, local, ...person.name.split(/\s+/), ...local.split(/[._+-]/)];
  return [...new Set(words.map(compact))].filter((word) => word.length >= 4);
}

export function containsPersonalWord(password: string, person: { name: string; email: string }) {
  const candidate = compact(password);
  return personalWords(person).some((word) => candidate.includes(word));
}

/**
 * Why this new password is refused, as a message key (app/locales/<locale>/auth.json) worded for the
 * person choosing it ("your") or for an admin choosing it for someone ("their"); null when it is
 * fine.
 */
export function passwordProblem(
  password: string,
  person: { name: string; email: string },
  whose: "your" | "their",
): string | null {
  if (isCommonPassword(password)) {
    return "auth:password.common";
  }
  if (containsPersonalWord(password, person)) {
    return whose === "your" ? "auth:password.personalYour" : "auth:password.personalTheir";
  }
  return null;
}
