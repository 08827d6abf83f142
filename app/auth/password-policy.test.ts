import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { ChangePasswordSchema, NewPasswordSchema, passwordLength } from "./password-policy";
import { containsPersonalWord, isCommonPassword, passwordProblem } from "./password-policy.server";

// Messages are keys; in English they read as they always have.
const english = (message: string | null | undefined) =>
  message == null ? message : errorText(fixedT("en"), message);

const eli = { name: "Eli Brooks", email: "employee@demo.frontline.test" };
const change = (newPassword: string, confirmPassword = newPassword) =>
  ChangePasswordSchema.safeParse({
    intent: "change-password",
    currentPassword: "frontline-demo",
    newPassword,
    confirmPassword,
  });

describe("password length (ASVS 6.2.1, 6.2.9)", () => {
  it("refuses 7 characters and accepts 8, with no composition rules", () => {
    expect(NewPasswordSchema.safeParse("abcdefg").success).toBe(false);
    expect(NewPasswordSchema.safeParse("abcdefgh").success).toBe(true);
    expect(NewPasswordSchema.safeParse("        ").success).toBe(true);
  });

  it("accepts 64 and 128 characters, and says why 129 is refused", () => {
    expect(passwordLength).toEqual({ min: 8, recommended: 15, max: 128 });
    expect(NewPasswordSchema.safeParse("correct horse ".repeat(5).slice(0, 64)).success).toBe(true);
    expect(NewPasswordSchema.safeParse("x".repeat(128)).success).toBe(true);
    const tooLong = NewPasswordSchema.safeParse("x".repeat(129));
    expect(english(tooLong.error?.issues[0]?.message)).toMatch(/At most 128 characters/);
  });

  it("asks for the new password twice and compares the two", () => {
    expect(change("a quiet harbour at dawn").success).toBe(true);
    const differ = change("a quiet harbour at dawn", "a quiet harbour at dusk");
    expect(differ.error?.issues.map((i) => [i.path.join("."), english(i.message)])).toEqual([
      ["confirmPassword", "The two new passwords are not the same."],
    ]);
  });
});

describe("common passwords (ASVS 6.2.4)", () => {
  const list = dictionary["passwords-common"];
  const eligible = list.filter((p) => p.length >= passwordLength.min);

  it("refuses the 3000 most common passwords of 8 or more characters, in any case", () => {
    expect(eligible.length).toBeGreaterThan(3000);
    for (const password of eligible.slice(0, 3000)) expect(isCommonPassword(password)).toBe(true);
    expect(isCommonPassword("PASSWORD")).toBe(true);
    expect(isCommonPassword("Baseball")).toBe(true);
  });

  it("lets the rest through", () => {
    expect(isCommonPassword(eligible[3000]!)).toBe(false);
    expect(isCommonPassword("a quiet harbour at dawn")).toBe(false);
  });
});

describe("personal words", () => {
  it("refuses the person's name or e-mail inside the password", () => {
    expect(containsPersonalWord("brooks2026!", eli)).toBe(true);
    expect(containsPersonalWord("Eli-Brooks", eli)).toBe(true);
    expect(containsPersonalWord("my employee account", eli)).toBe(true);
    // Name parts under four letters would refuse too many good passwords ("believe", "delight").
    expect(containsPersonalWord("delighted otter", eli)).toBe(false);
  });

  it("words the reason for the person or for an admin", () => {
    expect(english(passwordProblem("password1", eli, "your"))).toMatch(/most common passwords/);
    expect(english(passwordProblem("brooks-and-rivers", eli, "your"))).toBe(
      "Leave your name and e-mail address out of the password.",
    );
    expect(english(passwordProblem("brooks-and-rivers", eli, "their"))).toBe(
      "Leave their name and e-mail address out of the password.",
    );
    expect(passwordProblem("a quiet harbour at dawn", eli, "your")).toBeNull();
  });
});
