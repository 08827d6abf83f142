import type { PathStep } from "~/content/scenario-scoring";
import type { ScenarioDef } from "~/content/types";

// How a role-play run moves. The path holds one step per node answered, in order; arriving again
// at a node already on the path (by a loop or by going back) drops that node's step and everything
// after it, so the new choice there replaces the old one. What the path scores depends on the
// scenario's scoring mode (~/content/scenario-scoring).

export type { PathStep };

export type Position = { kind: "node"; id: string } | { kind: "ending"; id: string };

export function positionOf(scenario: ScenarioDef, id: string): Position | null {
  if (scenario.nodes.some((n) => n.id === id)) return { kind: "node", id };
  if (scenario.endings.some((e) => e.id === id)) return { kind: "ending", id };
  return null;
}

export type Move = { path: PathStep[]; next: Position };

/** Take reply `choice` at `nodeId`. Throws on an unknown node or choice: callers validate first. */
export function choose(
  scenario: ScenarioDef,
  path: readonly PathStep[],
  nodeId: string,
  choice: number,
): Move {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  const reply = node?.choices[choice];
  if (!node || !reply) throw new Error(`no choice ${choice} at node ${nodeId}`);
  const next = positionOf(scenario, reply.to);
  if (!next) throw new Error(`choice leads to unknown ${reply.to}`);
  let newPath = [...path, { node: nodeId, choice, score: reply.score }];
  // Arriving again at a node already on the path: its old choice and what followed are dropped.
  const earlier = newPath.findIndex((step) => step.node === next.id);
  if (earlier !== -1) newPath = newPath.slice(0, earlier);
  return { path: newPath, next };
}

/** Step back to the node before the current one; its choice is dropped and can be made again. */
export function goBack(path: readonly PathStep[]): { path: PathStep[]; current: string } | null {
  const last = path.at(-1);
  if (!last) return null;
  return { path: path.slice(0, -1), current: last.node };
}
