import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { data } from "@remix-run/node";
import { scenarioMaxScore } from "./scenario-scoring";
import { contentDir, getModuleArtefact } from "./store.server";
import type { Problem } from "./types";

// The trainer's view of one module: everything, answers included, and each problem with the
// source lines around it.

export type ProblemInContext = Problem & { excerpt: { number: number; text: string }[] };

function withExcerpt(problem: Problem): ProblemInContext {
  const file = path.join(contentDir(), problem.file);
  if (!existsSync(file)) return { ...problem, excerpt: [] };
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const first = Math.max(1, problem.line - 2);
  const last = Math.min(lines.length, problem.line + 2);
  const excerpt = [];
  for (let n = first; n <= last; n++) excerpt.push({ number: n, text: lines[n - 1] ?? "" });
  return { ...problem, excerpt };
}

export async function studioModule(slug: string) {
  const artefact = await getModuleArtefact(slug);
  if (!artefact) throw data({ message: "There is no such module." }, { status: 404 });
  const passScore = artefact.frontmatter?.passScore ?? null;
  return {
    slug: artefact.slug,
    file: artefact.file,
    hash: artefact.hash,
    frontmatter: artefact.frontmatter,
    tree: artefact.tree,
    sections: artefact.sections,
    problems: artefact.problems.map(withExcerpt),
    quizzes: artefact.quizzes.map((q) => ({ ...q, passScore: q.passScore ?? passScore })),
    scenarios: artefact.scenarios.map((s) => ({ ...s, maxScore: scenarioMaxScore(s) })),
  };
}

export type StudioModule = Awaited<ReturnType<typeof studioModule>>;
