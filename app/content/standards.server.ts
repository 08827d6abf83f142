import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { locales } from "~/i18n/config";
import { inEnglish } from "./english-errors";
import type { Problem } from "./types";

// The service standards managers observe, from content/standards.yaml, and their translations
// (standards.<locale>.yaml: the same ids in the same order, translated titles and descriptions).

const StandardsSchema = z
  .object({
    standards: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens"),
            title: z.string().trim().min(3).max(120),
            description: z.string().trim().min(10).max(400),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Standard = z.infer<typeof StandardsSchema>["standards"][number];

export const standardsFile = "standards.yaml";

export function readStandards(
  contentDir: string,
  file = standardsFile,
): { standards: Standard[]; problems: Problem[] } {
  const full = path.join(contentDir, file);
  if (!existsSync(full)) {
    return {
      standards: [],
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: `Missing ${file}: the service standards managers observe`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(full, "utf8"), { lineCounter });
  if (doc.errors.length) {
    return {
      standards: [],
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line ?? 1,
        column: e.linePos?.[0].col ?? 1,
        message: `YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const result = StandardsSchema.safeParse(doc.toJS(), inEnglish);
  const problems: Problem[] = [];
  if (result.success) {
    const seen = new Set<string>();
    result.data.standards.forEach((s, i) => {
      if (seen.has(s.id))
        problems.push({
          file,
          ...lineOf(doc, lineCounter, ["standards", i, "id"]),
          message: `Standard id "${s.id}" is used twice`,
        });
      seen.add(s.id);
    });
    return { standards: problems.length ? [] : result.data.standards, problems };
  }
  for (const issue of result.error.issues) {
    problems.push({
      file,
      ...lineOf(doc, lineCounter, issue.path as (string | number)[]),
      message: `${issue.path.join(".") || "standards.yaml"}: ${issue.message}`,
    });
  }
  return { standards: [], problems };
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  at: (string | number)[],
) {
  // Walk up the path until a node with a position exists.
  for (let depth = at.length; depth >= 0; depth--) {
    const node = doc.getIn(at.slice(0, depth), true) as
      { range?: [number, number, number] } | undefined;
    if (node && (isMap(node) || isSeq(node) || node.range)) {
      const offset = node.range?.[0];
      if (offset !== undefined) {
        const pos = counter.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  return { line: 1, column: 1 };
}

export const standardsTranslationFile = (locale: string) => `standards.${locale}.yaml`;

/** Each translation of the standards, checked against the source's ids. */
export function readStandardsTranslations(
  contentDir: string,
  source: Standard[],
): { byLocale: Map<string, Standard[]>; problems: Problem[] } {
  const byLocale = new Map<string, Standard[]>();
  const problems: Problem[] = [];
  for (const locale of locales) {
    const file = standardsTranslationFile(locale);
    if (locale === "en" || !existsSync(path.join(contentDir, file))) continue;
    const read = readStandards(contentDir, file);
    problems.push(...read.problems);
    const ids = (list: Standard[]) => list.map((s) => s.id).join(", ");
    if (read.problems.length === 0 && ids(read.standards) !== ids(source)) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `Standard ids must be the source's, in order: expected [${ids(source)}], found [${ids(read.standards)}]`,
      });
    } else if (read.problems.length === 0) byLocale.set(locale, read.standards);
  }
  return { byLocale, problems };
}

const loadedStandards = new Map<
  string,
  { standards: Standard[]; byLocale: Map<string, Standard[]> }
>();

/**
 * The standards in `locale`'s words (English where there is no valid translation), read once per
 * process. Ids are the source's whatever the language, so observations compare across languages.
 */
export function standardsIn(contentDir: string, locale: string): Standard[] {
  let loaded = loadedStandards.get(contentDir);
  if (!loaded) {
    const { standards } = readStandards(contentDir);
    loaded = { standards, byLocale: readStandardsTranslations(contentDir, standards).byLocale };
    loadedStandards.set(contentDir, loaded);
  }
  return loaded.byLocale.get(locale) ?? loaded.standards;
}
