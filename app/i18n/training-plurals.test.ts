import { describe, expect, it } from "vitest";
import { fixedT } from "./i18n.server";

// The training namespace's counted texts pick each language's CLDR plural form: Slovenian has a
// dual, Slovak and Lithuanian a "few" form, Danish only one and other.

describe("training plurals", () => {
  const questions = (locale: Parameters<typeof fixedT>[0], count: number) =>
    fixedT(locale, "training")("quiz.questions", { count, passMark: "80 %" });

  it("keeps English word for word", () => {
    expect(questions("en", 3)).toBe("3 questions · pass mark 80 %");
  });

  it("uses the Slovenian singular, dual, few and other forms", () => {
    expect(questions("sl", 1)).toBe("1 vprašanje · meja za uspeh 80 %");
    expect(questions("sl", 2)).toBe("2 vprašanji · meja za uspeh 80 %");
    expect(questions("sl", 3)).toBe("3 vprašanja · meja za uspeh 80 %");
    expect(questions("sl", 5)).toBe("5 vprašanj · meja za uspeh 80 %");
    expect(questions("sl", 102)).toBe("102 vprašanji · meja za uspeh 80 %");
  });

  it("uses the Slovak one, few and other forms", () => {
    expect(questions("sk", 1)).toBe("1 otázka · hranica úspešnosti 80 %");
    expect(questions("sk", 4)).toBe("4 otázky · hranica úspešnosti 80 %");
    expect(questions("sk", 5)).toBe("5 otázok · hranica úspešnosti 80 %");
  });

  it("uses the Lithuanian one, few and other forms", () => {
    expect(questions("lt", 1)).toBe("1 klausimas · išlaikymo riba 80 %");
    expect(questions("lt", 21)).toBe("21 klausimas · išlaikymo riba 80 %");
    expect(questions("lt", 3)).toBe("3 klausimai · išlaikymo riba 80 %");
    expect(questions("lt", 10)).toBe("10 klausimų · išlaikymo riba 80 %");
  });

  it("uses the Danish one and other forms", () => {
    expect(fixedT("da", "training")("home.modulesCompleted", { done: 0, count: 1 })).toBe(
      "0 af 1 modul gennemført",
    );
    expect(fixedT("da", "training")("home.modulesCompleted", { done: 1, count: 6 })).toBe(
      "1 af 6 moduler gennemført",
    );
  });

  it("agrees the Slovenian list of steps with the number of quizzes", () => {
    const t = fixedT("sl", "training");
    expect(t("banner.passQuizzes", { count: 1 })).toBe("opravite kviz");
    expect(t("banner.passQuizzes", { count: 2 })).toBe("opravite oba kviza");
    expect(t("banner.passQuizzes", { count: 3 })).toBe("opravite kvize");
  });
});
