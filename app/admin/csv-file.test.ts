import { describe, expect, it } from "vitest";
import { decodeCsv, looksLikeFormula, parseCsv } from "./csv-file";
import { guessMapping, readDate } from "./import-people.server";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("reading a CSV file", () => {
  it("drops a UTF-8 BOM and refuses other encodings", () => {
    expect(decodeCsv(bytes("\uFEFFa,b"))).toEqual({ ok: true, text: "a,b" });
    expect(decodeCsv(new Uint8Array([0x61, 0xc8, 0x6f]))).toMatchObject({ ok: false });
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      message: "admin:import.errors.utf16",
    });
  });

  it("finds the separator, keeps quoted separators, quotes and line breaks, and line numbers", () => {
    const parsed = parseCsv('a;b\r\n"x;y";"say ""hi"""\r\n\r\n"two\nlines";z\n');
    expect(parsed).toEqual({
      ok: true,
      file: {
        delimiter: ";",
        header: ["a", "b"],
        rows: [
          { line: 2, cells: ["x;y", 'say "hi"'] },
          { line: 4, cells: ["two\nlines", "z"] },
        ],
      },
    });
    expect(
      parseCsv("a,b\n1,2").ok &&
        (parseCsv("a,b\n1,2") as { file: { delimiter: string } }).file.delimiter,
    ).toBe(",");
  });

  it("names the line of an unclosed quote, and refuses empty files", () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n5,6')).toEqual({
      ok: false,
      message: "admin:import.errors.unclosedQuote",
      values: { line: 3 },
    });
    expect(parseCsv("")).toMatchObject({ message: "admin:import.errors.empty" });
    expect(parseCsv("email\n")).toMatchObject({ message: "admin:import.errors.noRows" });
  });

  it("spots cells a spreadsheet would run as formulas", () => {
    for (const cell of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "  =x"])
      expect(looksLikeFormula(cell)).toBe(true);
    for (const cell of ["Ana", "a-b", "ana@example.test", "1. 3. 2026"])
      expect(looksLikeFormula(cell)).toBe(false);
  });
});

describe("the import's columns and dates", () => {
  it("recognises headings in the client's languages", () => {
    expect(
      guessMapping([
        "E-pošta",
        "Ime in priimek",
        "Ekipa",
        "Vloga",
        "Jezik",
        "Datum zaposlitve",
        "Vodja",
      ]),
    ).toEqual({
      email: 0,
      name: 1,
      team: 2,
      role: 3,
      locale: 4,
      hiredAt: 5,
      managerEmail: 6,
    });
    expect(guessMapping(["Navn", "Arbejdsmail", "Team", "Sprog"])).toMatchObject({
      email: 1,
      name: 0,
      team: 2,
      locale: 3,
      role: -1,
    });
    expect(guessMapping(["Vardas ir pavardė", "El. paštas", "Komanda"])).toMatchObject({
      email: 1,
      name: 0,
      team: 2,
    });
  });

  it("reads ISO and day-first dates, and refuses ambiguous or impossible ones", () => {
    expect(readDate("2026-03-01")).toBe("2026-03-01");
    expect(readDate("1. 3. 2026")).toBe("2026-03-01");
    expect(readDate("01.03.2026")).toBe("2026-03-01");
    expect(readDate("01-03-2026")).toBe("2026-03-01");
    expect(readDate("03/01/2026")).toBeNull();
    expect(readDate("31. 2. 2026")).toBeNull();
    expect(readDate("1. 1. 1850")).toBeNull();
  });
});
