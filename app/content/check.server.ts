import { isLocale } from "~/i18n/config";
import type { ModuleArtefact } from "./compile.server";
import { moduleSlugs } from "./compile.server";
import { readSelfAssessmentTranslations } from "./self-assessment.server";
import { readStandards, readStandardsTranslations } from "./standards.server";
import { compileWithCache } from "./store.server";
import { translationState } from "./translation";
import type { Problem } from "./types";

/** Every problem of a module's translations: their own, and (when current) their structure. */
export function translationProblems(module: ModuleArtefact): Problem[] {
  return module.translations.flatMap((t) =>
    !isLocale(t.locale) || t.locale === "en"
      ? [
          {
            file: t.file,
            line: 1,
            column: 1,
            message: `"${t.locale}" is not a language Frontline serves (sl, sk, da, lt)`,
          },
        ]
      : translationState(module, t).problems,
  );
}

/** Compile and validate everything under a content folder. */
export async function checkContent(
  contentDir: string,
): Promise<{ modules: ModuleArtefact[]; problems: Problem[] }> {
  const modules: ModuleArtefact[] = [];
  for (const slug of moduleSlugs(contentDir))
    modules.push(await compileWithCache(contentDir, slug));
  const standards = readStandards(contentDir);
  const problems = [
    ...modules.flatMap((m) => [...m.problems, ...translationProblems(m)]),
    ...standards.problems,
    ...readStandardsTranslations(contentDir, standards.standards).problems,
    ...readSelfAssessmentTranslations(contentDir).problems,
  ];
  return { modules, problems };
}

export function formatProblem(contentDirLabel: string, problem: Problem) {
  return `${contentDirLabel}/${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}
