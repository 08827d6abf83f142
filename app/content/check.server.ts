import type { ModuleArtefact } from "./compile.server";
import { moduleSlugs } from "./compile.server";
import { readStandards } from "./standards.server";
import { compileWithCache } from "./store.server";
import type { Problem } from "./types";

/** Compile and validate everything under a content folder. */
export async function checkContent(
  contentDir: string,
): Promise<{ modules: ModuleArtefact[]; problems: Problem[] }> {
  const modules: ModuleArtefact[] = [];
  for (const slug of moduleSlugs(contentDir))
    modules.push(await compileWithCache(contentDir, slug));
  const problems = [...modules.flatMap((m) => m.problems), ...readStandards(contentDir).problems];
  return { modules, problems };
}

export function formatProblem(contentDirLabel: string, problem: Problem) {
  return `${contentDirLabel}/${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}
