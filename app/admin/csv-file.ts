// Reading a spreadsheet saved as CSV, as Excel and LibreOffice write it in the client's countries:
// UTF-8 with or without a byte-order mark, fields separated by "," or (where the comma is the
// decimal sign: Slovenia, Slovakia, Denmark, Lithuania) ";", quoted per RFC 4180. Pure: bytes in,
// rows with their line numbers out, or one clear message (a message key with values).

export const csvLimits = {
  bytes: 5 * 1024 * 1024,
  rows: 20_000,
  columns: 50,
  cellChars: 1_000,
} as const;

export type CsvRow = { line: number; cells: string[] };
export type CsvFile = { delimiter: "," | ";"; header: string[]; rows: CsvRow[] };
export type CsvResult =
  | { ok: true; file: CsvFile }
  | { ok: false; message: string; values?: Record<string, string | number> };

/** The text of a file's bytes: UTF-8 only (a BOM is dropped); anything else is refused. */
export function decodeCsv(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; message: string } {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return { ok: false, message: "admin:import.errors.utf16" };
  if (bytes.includes(0)) return { ok: false, message: "admin:import.errors.binary" };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return {
      ok: true,
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start)),
    };
  } catch {
    return { ok: false, message: "admin:import.errors.notUtf8" };
  }
}

/** "," or ";": whichever the header line has more of, outside quotes (a tie is ","). */
function delimiterOf(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Split CSV text into rows; each keeps the line it starts on. Blank lines are skipped. */
export function parseCsv(text: string): CsvResult {
  const delimiter = delimiterOf(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    if (cells.length > 1 || cells[0]!.trim() !== "") rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) endCell();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
      if (rows.length > csvLimits.rows + 1)
        return {
          ok: false,
          message: "admin:import.errors.tooManyRows",
          values: { max: csvLimits.rows },
        };
    } else cell += ch;
    if (cell.length > csvLimits.cellChars)
      return {
        ok: false,
        message: "admin:import.errors.cellTooLong",
        values: { line, max: csvLimits.cellChars },
      };
  }
  if (quoted)
    return { ok: false, message: "admin:import.errors.unclosedQuote", values: { line: quoteLine } };
  endRow();
  const [header, ...body] = rows;
  if (!header) return { ok: false, message: "admin:import.errors.empty" };
  if (body.length === 0) return { ok: false, message: "admin:import.errors.noRows" };
  if (body.length > csvLimits.rows)
    return {
      ok: false,
      message: "admin:import.errors.tooManyRows",
      values: { max: csvLimits.rows },
    };
  if (header.cells.length > csvLimits.columns)
    return {
      ok: false,
      message: "admin:import.errors.tooManyColumns",
      values: { max: csvLimits.columns },
    };
  return { ok: true, file: { delimiter, header: header.cells.map((c) => c.trim()), rows: body } };
}

/**
 * Whether a cell would run as a formula when the file is opened in a spreadsheet again (CSV
 * injection): it starts with =, +, -, @, a tab or a carriage return. Such a file is refused rather
 * than cleaned: it did not come from an HR export as it is.
 */
export const looksLikeFormula = (cell: string) => /^[\t\r]/.test(cell) || /^\s*[=+\-@]/.test(cell);
