import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { locales, type Locale } from "~/i18n/config";
import { ratingLabels, selfAssessmentAreas } from "~/team/self-assessment";
import { inEnglish } from "./english-errors";
import type { Problem } from "./types";

// The team self-assessment's words in each language. English lives beside its scoring in
// app/team/self-assessment.ts; translations are content (self-assessment.<locale>.yaml), with the
// same areas and the same number of statements in each, checked by content:check.

const TranslationSchema = z
  .object({
    ratingLabels: z.array(z.string().trim().min(1).max(40)).length(ratingLabels.length),
    areas: z.record(
      z.string(),
      z
        .object({
          title: z.string().trim().min(2).max(120),
          statements: z.array(z.string().trim().min(5).max(300)),
        })
        .strict(),
    ),
  })
  .strict();

export type SelfAssessmentText = {
  ratingLabels: string[];
  areas: { id: string; title: string; statements: string[] }[];
};

export const selfAssessmentFile = (locale: string) => `self-assessment.${locale}.yaml`;

const english: SelfAssessmentText = {
  ratingLabels: [...ratingLabels],
  areas: selfAssessmentAreas.map((a) => ({
    id: a.id,
    title: a.title,
    statements: [...a.statements],
  })),
};

function readOne(
  contentDir: string,
  locale: string,
): { text?: SelfAssessmentText; problems: Problem[] } {
  const file = selfAssessmentFile(locale);
  const problem = (message: string): Problem => ({ file, line: 1, column: 1, message });
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path.join(contentDir, file), "utf8"));
  } catch (error) {
    return { problems: [problem(`YAML: ${(error as Error).message.split("\n")[0]}`)] };
  }
  const result = TranslationSchema.safeParse(data, inEnglish);
  if (!result.success)
    return {
      problems: result.error.issues.map((i) => problem(`${i.path.join(".")}: ${i.message}`)),
    };
  const problems: Problem[] = [];
  const areas = selfAssessmentAreas.map((area) => {
    const translated = result.data.areas[area.id];
    if (!translated) problems.push(problem(`Area "${area.id}" is missing`));
    else if (translated.statements.length !== area.statements.length)
      problems.push(
        problem(
          `Area "${area.id}" must have the source's ${area.statements.length} statements, in order; found ${translated.statements.length}`,
        ),
      );
    return {
      id: area.id,
      title: translated?.title ?? "",
      statements: translated?.statements ?? [],
    };
  });
  for (const id of Object.keys(result.data.areas))
    if (!selfAssessmentAreas.some((a) => a.id === id))
      problems.push(problem(`Unknown area "${id}"`));
  return problems.length
    ? { problems }
    : { text: { ratingLabels: result.data.ratingLabels, areas }, problems };
}

export function readSelfAssessmentTranslations(contentDir: string) {
  const byLocale = new Map<string, SelfAssessmentText>();
  const problems: Problem[] = [];
  for (const locale of locales) {
    if (locale === "en" || !existsSync(path.join(contentDir, selfAssessmentFile(locale)))) continue;
    const read = readOne(contentDir, locale);
    problems.push(...read.problems);
    if (read.text) byLocale.set(locale, read.text);
  }
  return { byLocale, problems };
}

const loaded = new Map<string, Map<string, SelfAssessmentText>>();

/** The questionnaire's words in `locale` (English where there is no valid translation). */
export function selfAssessmentText(contentDir: string, locale: Locale): SelfAssessmentText {
  let byLocale = loaded.get(contentDir);
  if (!byLocale) {
    byLocale = readSelfAssessmentTranslations(contentDir).byLocale;
    loaded.set(contentDir, byLocale);
  }
  return byLocale.get(locale) ?? english;
}
