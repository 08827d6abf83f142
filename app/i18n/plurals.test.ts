import { describe, expect, it } from "vitest";
import { locales, type Locale } from "./config";
import { errorText } from "./errors";
import { fixedT } from "./i18n.server";

// Counted texts pick each language's CLDR plural form: Slovenian has a dual (and 101/102 behave
// like 1/2), Slovak and Lithuanian a "few" form (Lithuanian's "one" also covers 21, 31 …), Danish
// only one and other. Checked on common's people, modules and days, and on a form error, an
// auth message and an e-mail line that carry a count.

const common = (locale: Locale, key: "people" | "modules" | "days", count: number) =>
  fixedT(locale, "common")(key, { count });

/** Which of the catalogue's plural forms a count selected, read back from the text itself. */
function formOf(locale: Locale, key: "people" | "modules" | "days", count: number) {
  const text = common(locale, key, count);
  const forms = ["one", "two", "few", "many", "other"].filter((form) => {
    const template = fixedT(locale, "common")(`${key}_${form}`, { count, defaultValue: "" });
    return template !== "" && template === text;
  });
  // The form whose own text this is; where two forms share a text, the rules' own pick.
  return forms.includes(new Intl.PluralRules(locale).select(count))
    ? new Intl.PluralRules(locale).select(count)
    : forms[0];
}

const expected: Record<Exclude<Locale, "en">, [number, string][]> = {
  sl: [
    [1, "one"],
    [2, "two"],
    [3, "few"],
    [5, "other"],
    [101, "one"],
    [102, "two"],
  ],
  sk: [
    [1, "one"],
    [3, "few"],
    [5, "other"],
  ],
  lt: [
    [1, "one"],
    [2, "few"],
    [10, "other"],
    [21, "one"],
  ],
  da: [
    [1, "one"],
    [2, "other"],
  ],
};

describe("common plurals", () => {
  it("keeps English word for word", () => {
    expect(common("en", "people", 1)).toBe("1 person");
    expect(common("en", "people", 2)).toBe("2 people");
    expect(common("en", "modules", 1)).toBe("1 module");
    expect(common("en", "modules", 6)).toBe("6 modules");
    expect(common("en", "days", 1)).toBe("1 day");
    expect(common("en", "days", 30)).toBe("30 days");
  });

  for (const [locale, cases] of Object.entries(expected) as [
    Exclude<Locale, "en">,
    [number, string][],
  ][]) {
    for (const key of ["people", "modules", "days"] as const) {
      it.each(cases)(`${locale} ${key}: %i takes the "%s" form`, (count, form) => {
        expect(new Intl.PluralRules(locale).select(count)).toBe(form);
        expect(formOf(locale, key, count)).toBe(form);
        expect(common(locale, key, count)).toContain(String(count));
      });
    }
  }

  it("writes the Slovenian singular, dual, few and other forms", () => {
    expect([1, 2, 3, 5, 101, 102].map((n) => common("sl", "people", n))).toEqual([
      "1 oseba",
      "2 osebi",
      "3 osebe",
      "5 oseb",
      "101 oseba",
      "102 osebi",
    ]);
    expect([1, 2, 4, 5].map((n) => common("sl", "days", n))).toEqual([
      "1 dan",
      "2 dneva",
      "4 dnevi",
      "5 dni",
    ]);
  });

  it("writes the Slovak one, few and other forms", () => {
    expect([1, 3, 5].map((n) => common("sk", "modules", n))).toEqual([
      "1 modul",
      "3 moduly",
      "5 modulov",
    ]);
    expect([1, 3, 5].map((n) => common("sk", "people", n))).toEqual([
      "1 osoba",
      "3 osoby",
      "5 osôb",
    ]);
  });

  it("writes the Lithuanian one, few and other forms", () => {
    expect([1, 2, 10, 21].map((n) => common("lt", "days", n))).toEqual([
      "1 diena",
      "2 dienos",
      "10 dienų",
      "21 diena",
    ]);
    expect([1, 2, 10, 21].map((n) => common("lt", "modules", n))).toEqual([
      "1 modulis",
      "2 moduliai",
      "10 modulių",
      "21 modulis",
    ]);
  });

  it("writes the Danish one and other forms", () => {
    expect([1, 2].map((n) => common("da", "people", n))).toEqual(["1 person", "2 personer"]);
    expect([1, 2].map((n) => common("da", "days", n))).toEqual(["1 dag", "2 dage"]);
  });

  it("has every form each language needs for every counted text", () => {
    for (const locale of locales) {
      for (const key of ["people", "modules", "days"] as const) {
        for (const count of [0, 1, 2, 3, 4, 5, 11, 21, 22, 101, 102, 111, 1.5]) {
          const text = common(locale, key, count);
          expect(text, `${locale} ${key} ${count}`).not.toMatch(/^(people|modules|days)/);
        }
      }
    }
  });
});

describe("counted messages in forms, auth and email", () => {
  it("puts a form error's count into the right form", () => {
    const tooLong = (locale: Locale, count: number) =>
      errorText(fixedT(locale), `forms:tooLong|{"count":${count}}`);
    expect(tooLong("en", 1)).toBe("Use at most 1 character.");
    expect(tooLong("en", 120)).toBe("Use at most 120 characters.");
    expect(tooLong("sl", 2)).toBe("Uporabite največ 2 znaka.");
    expect(tooLong("sl", 3)).toBe("Uporabite največ 3 znake.");
    expect(tooLong("sl", 120)).toBe("Uporabite največ 120 znakov.");
    expect(tooLong("sk", 4)).toBe("Použite najviac 4 znaky.");
    expect(tooLong("lt", 21)).toBe("Naudokite ne daugiau kaip 21 simbolį.");
    expect(tooLong("da", 1)).toBe("Brug højst 1 tegn.");
  });

  it("counts minutes of a refused login and sessions ended", () => {
    const t = (locale: Locale) => fixedT(locale, "auth");
    expect(t("en")("login.errors.throttled", { count: 15 })).toBe(
      "Too many failed attempts. Try again in 15 minutes.",
    );
    expect(t("sl")("login.errors.throttled", { count: 2 })).toMatch(/čez 2 minuti\.$/);
    expect(t("lt")("login.errors.throttled", { count: 1 })).toMatch(/po 1 minutės\.$/);
    expect(t("sl")("security.signedOutOthers", { count: 2 })).toBe("Končani sta 2 drugi seji.");
    expect(t("da")("security.signedOutOthers", { count: 3 })).toBe(
      "Logget ud af 3 andre sessioner.",
    );
  });

  it("counts a digest's overdue items in the manager's language", () => {
    const subject = (locale: Locale, count: number) =>
      fixedT(locale, "email")("digest.subject", { count });
    expect(subject("en", 1)).toBe("Weekly digest: 1 overdue training item in your team");
    expect(subject("en", 3)).toBe("Weekly digest: 3 overdue training items in your team");
    expect(subject("sl", 2)).toContain("2 zamujeni obveznosti");
    expect(subject("sk", 5)).toContain("5 školení po termíne");
    expect(subject("lt", 10)).toContain("10 vėluojamų mokymo užduočių");
    expect(subject("da", 1)).toContain("1 overskredet træningsopgave");
  });
});
