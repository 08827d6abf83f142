import { describe, expect, it } from "vitest";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { parseMatrixFilters } from "./matrix-filters";
import { notesMax } from "./observation-schema";
import { RecognitionSchema } from "./recognition-schema";

// The team namespace's plural forms, one CLDR category per language at a time: Slovenian has a
// dual, Slovak and Lithuanian a "few" form, Danish and English only one and other.

const points = (locale: Parameters<typeof fixedT>[0], count: number) =>
  fixedT(locale, "team")("recognition.pointCount", { count, points: String(count) });

describe("team plurals", () => {
  it("English: one point, 2 points", () => {
    expect(points("en", 1)).toBe("1 point");
    expect(points("en", 2)).toBe("2 points");
  });

  it("Slovenian: one, the dual, few and other", () => {
    expect(points("sl", 1)).toBe("1 točka");
    expect(points("sl", 2)).toBe("2 točki");
    expect(points("sl", 3)).toBe("3 točke");
    expect(points("sl", 5)).toBe("5 točk");
    expect(points("sl", 102)).toBe("102 točki");
  });

  it("Slovak: one, few (2–4) and other", () => {
    expect(points("sk", 1)).toBe("1 bod");
    expect(points("sk", 3)).toBe("3 body");
    expect(points("sk", 5)).toBe("5 bodov");
  });

  it("Lithuanian: one (1, 21), few (2–9) and other (10–20)", () => {
    expect(points("lt", 1)).toBe("1 taškas");
    expect(points("lt", 21)).toBe("21 taškas");
    expect(points("lt", 4)).toBe("4 taškai");
    expect(points("lt", 12)).toBe("12 taškų");
  });

  it("Danish: point in both forms", () => {
    expect(points("da", 1)).toBe("1 point");
    expect(points("da", 10)).toBe("10 point");
  });

  it("counts in a sentence pick the form and write the number the language's way", () => {
    const people = (locale: Parameters<typeof fixedT>[0], total: number) =>
      fixedT(locale, "team")("pagination.showing", {
        count: total,
        first: "1",
        last: "2",
        total: String(total),
      });
    expect(people("en", 1)).toBe("Showing 1–2 of 1 person");
    expect(people("sl", 2)).toBe("Prikazano 1–2 od 2 oseb");
    expect(people("sk", 1)).toBe("Zobrazuje sa 1–2 z 1 osoby");
  });
});

describe("team messages sent as keys", () => {
  it("a schema's limit is put into words with its number formatted", () => {
    const message = `team:errors.atMostCharacters|${JSON.stringify({ count: notesMax })}`;
    expect(errorText(fixedT("en", "team"), message)).toBe("At most 2,000 characters.");
    expect(errorText(fixedT("sl", "team"), message)).toBe("Največ 2000 znakov.");
    const short = RecognitionSchema.safeParse({ employeeId: "x", reason: "ok", points: "5" });
    const reason = short.error!.issues.find((i) => i.path[0] === "reason")!.message;
    expect(errorText(fixedT("en", "team"), reason)).toBe("At least 5 characters.");
    expect(errorText(fixedT("lt", "team"), reason)).toBe("Bent 5 simboliai.");
  });

  it("a bad filter names the filter and the reason, both in the reader's language", () => {
    const parsed = parseMatrixFilters(new URLSearchParams("page=0"));
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? "" : parsed.message;
    expect(errorText(fixedT("en", "team"), message)).toBe(
      "The page in the address is not valid: Pages start at 1.",
    );
    expect(errorText(fixedT("da", "team"), message)).toBe(
      "Fejl i sidens adresse (side): Siderne starter ved 1.",
    );
  });
});
