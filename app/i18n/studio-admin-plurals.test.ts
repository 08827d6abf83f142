import { describe, expect, it } from "vitest";
import { fixedT } from "./i18n.server";

// Each language picks the plural form its CLDR rules give a count: Slovenian has a dual (2) and a
// "few" form (3, 4); Slovak and Lithuanian have "few"; Danish and English only one/other.

describe("studio plurals", () => {
  const share = (locale: "en" | "sl" | "sk" | "da" | "lt", whole: number) =>
    fixedT(locale, "studio")("studio:analytics.shareLearners", {
      count: whole,
      part: 1,
      whole,
      percent: "…",
    });

  it("English keeps its words", () => {
    expect(fixedT("en", "studio")("studio:list.quizzes", { count: 2 })).toBe("2 quizzes");
    expect(share("en", 3)).toBe("1 of 3 learners (…)");
    expect(fixedT("en", "studio")("studio:analytics.tooFew", { count: 3 })).toBe(
      "Too few answers to show (fewer than 3 learners)",
    );
  });

  it("Slovenian uses the dual for 2, few for 3 and 4, other for 5", () => {
    const t = fixedT("sl", "studio");
    expect(t("studio:preview.days", { count: 1 })).toBe("1 dan");
    expect(t("studio:preview.days", { count: 2 })).toBe("2 dneva");
    expect(t("studio:preview.days", { count: 3 })).toBe("3 dnevi");
    expect(t("studio:preview.days", { count: 5 })).toBe("5 dni");
    expect(t("studio:preview.days", { count: 102 })).toBe("102 dneva");
  });

  it("Slovak uses few for 2 to 4 and other from 5", () => {
    const t = fixedT("sk", "studio");
    expect(t("studio:list.quizzes", { count: 1 })).toBe("1 kvíz");
    expect(t("studio:list.quizzes", { count: 3 })).toBe("3 kvízy");
    expect(t("studio:list.quizzes", { count: 5 })).toBe("5 kvízov");
  });

  it("Lithuanian uses one for 21, few for 2 to 9, other for 10 to 20", () => {
    expect(share("lt", 21)).toBe("1 iš 21 besimokančiojo (…)");
    expect(share("lt", 3)).toBe("1 iš 3 besimokančiųjų (…)");
    expect(share("lt", 12)).toBe("1 iš 12 besimokančiųjų (…)");
    expect(fixedT("lt", "studio")("studio:preview.nodes", { count: 2 })).toBe("2 mazgai");
    expect(fixedT("lt", "studio")("studio:preview.nodes", { count: 11 })).toBe("11 mazgų");
  });

  it("Danish uses one and other", () => {
    expect(share("da", 1)).toBe("1 af 1 deltager (…)");
    expect(share("da", 4)).toBe("1 af 4 deltagere (…)");
  });
});

describe("admin plurals", () => {
  const members = (locale: "en" | "sl" | "sk" | "da" | "lt", count: number) =>
    fixedT(locale, "admin")("admin:teams.members", { count });

  it("counts team members in every language", () => {
    expect(members("en", 1)).toBe("1 member");
    expect(members("en", 4)).toBe("4 members");
    expect([1, 2, 3, 5].map((n) => members("sl", n))).toEqual([
      "1 član",
      "2 člana",
      "3 člani",
      "5 članov",
    ]);
    expect([1, 2, 5].map((n) => members("sk", n))).toEqual(["1 člen", "2 členovia", "5 členov"]);
    expect([1, 2, 10, 21].map((n) => members("lt", n))).toEqual([
      "1 narys",
      "2 nariai",
      "10 narių",
      "21 narys",
    ]);
    expect([1, 2].map((n) => members("da", n))).toEqual(["1 medlem", "2 medlemmer"]);
  });

  it("words the due rule with its days", () => {
    expect(fixedT("en", "admin")("admin:assignments.daysAfterHire", { count: 14 })).toBe(
      "14 days after hire",
    );
    expect(fixedT("sl", "admin")("admin:assignments.daysAfterAssignment", { count: 2 })).toBe(
      "2 dneva po dodelitvi",
    );
  });
});
