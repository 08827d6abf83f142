// CSV as RFC 4180 describes it, for files managers open in a spreadsheet. Pure: no I/O here.

/** Byte-order mark: without it Excel reads UTF-8 as the local code page and mangles "Ferrante é". */
export const csvBom = "\uFEFF";

/** Lines end in CRLF, as RFC 4180 asks. */
export const csvNewline = "\r\n";

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets, so an
// employee named "=HYPERLINK(…)" could run something in the manager's spreadsheet (OWASP: CSV
// injection). A leading apostrophe makes it plain text; tab and carriage return are in the list
// because some spreadsheets skip them before looking for the formula sign.
const formulaStart = /^[=+\-@\t\r]/;
// A spreadsheet may split a line on another separator than the file's: in Slovenia, Slovakia,
// Denmark and Lithuania the default is ";". Text after any such separator (and spaces) is then a
// cell of its own, so a formula sign there is neutralised too, and a field holding one is quoted,
// which every spreadsheet reads as one cell whatever it splits on.
const formulaAfterSeparator = /([,;\t|] *)([=+\-@])/g;

/** The separators the files can be written with: "," (RFC 4180) or ";" (`?sep=;`). */
export const csvSeparators = [",", ";"] as const;
export type CsvSeparator = (typeof csvSeparators)[number];

/** The separator a download asks for (`?sep=`), "," when it asks for none, null when unknown. */
export function requestedSeparator(search: URLSearchParams): CsvSeparator | null {
  const asked = search.get("sep") ?? ",";
  return csvSeparators.find((s) => s === asked) ?? null;
}

/** What spreadsheets in this language split on: ";" wherever a comma is the decimal sign. */
export const spreadsheetSeparator = (locale: string): CsvSeparator => (locale === "en" ? "," : ";");

/** One field: formula signs neutralised, then quoted when it holds a separator, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string") {
    text = text.replace(formulaAfterSeparator, "$1'$2");
    if (formulaStart.test(text)) text = `'${text}`;
  }
  return /[",;\t|\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRow(
  values: readonly (string | number | null | undefined)[],
  separator: CsvSeparator = ",",
): string {
  return values.map(csvField).join(separator) + csvNewline;
}
