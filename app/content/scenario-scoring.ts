import type { EndingDef, ScenarioDef } from "./types";

// What a role-play's score and maximum are in each scoring mode. The rules are Frontline's own;
// docs/decisions/006 says where each differs from H5P Branching Scenario, and
// tests/h5p/differences.test.ts shows every difference.
//
// - "path": the sum of the replies chosen along the path (a reply into an ending counts too). The
//   maximum is fixed per version: the best path from the start to an ending that visits no node
//   twice. It is the true best, so it can be negative.
// - "ending": the reached ending's score; the maximum is the best ending reachable from the start.
// - "none": no score at all; reaching any ending is what counts.

export type PathStep = { node: string; choice: number; score: number };

export const pathScore = (path: readonly PathStep[]) =>
  path.reduce((sum, step) => sum + step.score, 0);

/** A run that ends with the customer lost never passes, whatever it scored. */
export const endingPasses = (ending: EndingDef) => ending.rating !== "bad";

/**
 * The best path score from the start to an ending (to one that can pass, with `passing`), never
 * visiting a node twice.
 */
function bestPathScore(scenario: ScenarioDef, passing = false): number | null {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const endings = new Set(
    scenario.endings.filter((e) => !passing || endingPasses(e)).map((e) => e.id),
  );
  const onPath = new Set<string>();
  const best = (id: string): number | null => {
    if (endings.has(id)) return 0;
    const node = nodes.get(id);
    if (!node || onPath.has(id)) return null;
    onPath.add(id);
    let result: number | null = null;
    for (const choice of node.choices) {
      const rest = best(choice.to);
      if (rest !== null && (result === null || choice.score + rest > result))
        result = choice.score + rest;
    }
    onPath.delete(id);
    return result;
  };
  return best(scenario.start);
}

/** The endings a learner can reach from the start. */
export function reachableEndings(scenario: ScenarioDef): EndingDef[] {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  while (queue.length) {
    for (const choice of nodes.get(queue.shift()!)?.choices ?? []) {
      if (!seen.has(choice.to)) {
        seen.add(choice.to);
        queue.push(choice.to);
      }
    }
  }
  return scenario.endings.filter((e) => seen.has(e.id));
}

/**
 * The most a run can score: null when the scenario is not scored ("none") or no ending can be
 * reached. Fixed for a module version, so every learner is measured against the same number.
 */
export function scenarioMaxScore(scenario: ScenarioDef): number | null {
  switch (scenario.scoring) {
    case "path":
      return bestPathScore(scenario);
    case "ending": {
      const scores = reachableEndings(scenario).map((e) => e.score ?? 0);
      return scores.length ? Math.max(...scores) : null;
    }
    case "none":
      return null;
  }
}

/**
 * The most a run can score and still pass: the best path or ending that is not a lost customer.
 * This is what a pass score must be within; null when none can be reached (or not scored).
 */
export function scenarioPassingMax(scenario: ScenarioDef): number | null {
  switch (scenario.scoring) {
    case "path":
      return bestPathScore(scenario, true);
    case "ending": {
      const scores = reachableEndings(scenario)
        .filter(endingPasses)
        .map((e) => e.score ?? 0);
      return scores.length ? Math.max(...scores) : null;
    }
    case "none":
      return null;
  }
}

/** The score a run has so far (path mode) or ends with (ending mode); null when not scored. */
export function runScore(
  scenario: ScenarioDef,
  path: readonly PathStep[],
  endingId: string | null,
): number | null {
  switch (scenario.scoring) {
    case "path":
      return pathScore(path);
    case "ending": {
      const ending = endingId ? scenario.endings.find((e) => e.id === endingId) : undefined;
      return ending ? (ending.score ?? 0) : 0;
    }
    case "none":
      return null;
  }
}

/**
 * Whether a finished run passes: it must end where the customer is not lost (an ending rated good
 * or mixed), and score at least the pass score where there is one.
 */
export function runPassed(scenario: ScenarioDef, score: number | null, endingId: string): boolean {
  const ending = scenario.endings.find((e) => e.id === endingId);
  if (!ending || !endingPasses(ending)) return false;
  if (scenario.scoring === "none" || scenario.passScore === null) return true;
  return (score ?? 0) >= scenario.passScore;
}

/**
 * Where a role-play's best replies are written: in `path` scoring, the position (0 = first) of
 * each node's one best reply, for nodes with two or more replies and a single best. Replies are
 * shown shuffled per run, but a course whose best reply is nearly always written first reads as
 * written that way in the studio, the H5P export and any translation's review.
 */
export function bestReplyBias(scenario: ScenarioDef) {
  if (scenario.scoring !== "path") return null;
  const positions: number[] = [];
  for (const node of scenario.nodes) {
    if (node.choices.length < 2) continue;
    const best = Math.max(...node.choices.map((c) => c.score));
    const at = node.choices.flatMap((c, i) => (c.score === best ? [i] : []));
    if (at.length === 1) positions.push(at[0]!);
  }
  if (positions.length < 3) return null;
  const counts = new Map<number, number>();
  for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
  const [position, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count * 2 > positions.length ? { position, count, nodes: positions.length } : null;
}
