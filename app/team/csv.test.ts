import { describe, expect, it } from "vitest";
import { csvBom, csvField, csvRow } from "./csv";

describe("csvField", () => {
  it("leaves plain text, numbers and empty values as they are", () => {
    expect(csvField("Front desk")).toBe("Front desk");
    expect(csvField(42)).toBe("42");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField("")).toBe("");
  });

  it("quotes commas, doubles quotes and keeps line breaks inside quotes", () => {
    expect(csvField("Okoye, Amara")).toBe('"Okoye, Amara"');
    expect(csvField('The "calm" one')).toBe('"The ""calm"" one"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", '=HYPERLINK("http://x","y")'])(
    "neutralises the formula start of %j with an apostrophe",
    (value) => {
      const field = csvField(value);
      expect(field.replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  it("quotes a neutralised formula that also holds a comma or quote", () => {
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it("does not touch negative numbers passed as numbers, nor signs inside text", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField("Ravi - Menon")).toBe("Ravi - Menon");
    expect(csvField("2026-11-23")).toBe("2026-11-23");
  });

  it("keeps non-ASCII names intact", () => {
    expect(csvField("Lucía Ferrante")).toBe("Lucía Ferrante");
    expect(csvField("Tomáš Horvat, Žiga")).toBe('"Tomáš Horvat, Žiga"');
    expect(csvField("小林 花")).toBe("小林 花");
  });
});

describe("csvField, read by a spreadsheet that splits on another separator", () => {
  it.each([
    ['Ana;=HYPERLINK("http://x")', "Ana;'=HYPERLINK"],
    ["Smith, -5", "Smith, '-5"],
    ["a\t@SUM(A1)", "a\t'@SUM"],
    ["x; +1", "x; '+1"],
  ])("neutralises the formula after a separator in %j and quotes the field", (value, part) => {
    const field = csvField(value);
    expect(field.startsWith('"')).toBe(true);
    expect(field).toContain(part.replaceAll('"', '""'));
  });

  it("leaves signs that follow no separator alone", () => {
    expect(csvField("Ravi - Menon")).toBe("Ravi - Menon");
    expect(csvField("e-mail: a@b.test")).toBe("e-mail: a@b.test");
  });
});

describe("csvRow", () => {
  it("writes a semicolon-separated line, quoting fields that hold a semicolon", () => {
    expect(csvRow(["Eli Brooks", "a;b", "x,y", null], ";")).toBe('Eli Brooks;"a;b";"x,y";\r\n');
  });

  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRow(["Eli Brooks", "a,b", null, 3])).toBe('Eli Brooks,"a,b",,3\r\n');
  });

  it("the BOM is U+FEFF, which UTF-8 encodes as EF BB BF", () => {
    expect([...new TextEncoder().encode(csvBom)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
