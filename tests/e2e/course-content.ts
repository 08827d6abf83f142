import { readFileSync } from "node:fs";
import type { ModuleArtefact } from "~/content/compile.server";

// The e2e tests know the answer key the way the server does: from the built course.
const built = JSON.parse(readFileSync("build/content/modules.json", "utf8")) as {
  modules: ModuleArtefact[];
};

export function builtModule(slug: string): ModuleArtefact {
  const module = built.modules.find((m) => m.slug === slug);
  if (!module) throw new Error(`module ${slug} is not in the build`);
  return module;
}

/** Replies (as their text) that lead from the start to an ending of the given rating. */
export function pathTo(
  module: ModuleArtefact,
  scenarioId: string,
  rating: "good" | "bad",
  best = false,
): string[] {
  const scenario = module.scenarios.find((s) => s.id === scenarioId)!;
  const endings = new Map(scenario.endings.map((e) => [e.id, e]));
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  let found: { replies: string[]; score: number } | null = null;
  const walk = (id: string, replies: string[], score: number, seen: Set<string>) => {
    const ending = endings.get(id);
    if (ending) {
      if (ending.rating === rating && (!found || (best && score > found.score)))
        found = { replies, score };
      return;
    }
    const node = nodes.get(id);
    if (!node || seen.has(id)) return;
    for (const choice of node.choices)
      walk(choice.to, [...replies, choice.text], score + choice.score, new Set([...seen, id]));
  };
  walk(scenario.start, [], 0, new Set());
  if (!found) throw new Error(`no path to a ${rating} ending in ${scenarioId}`);
  return (found as { replies: string[] }).replies;
}
