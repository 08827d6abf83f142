import { describe, expect, it } from "vitest";
import type { ScenarioDef } from "~/content/types";
import { noRules } from "~/content/types";
import { pathScore } from "~/content/scenario-scoring";
import { choose, goBack } from "./scoring";

const at = { line: 1, column: 1 };
const node = (id: string, choices: [string, number][]) => ({
  id,
  speaker: "C",
  mood: "neutral" as const,
  line: id,
  choices: choices.map(([to, score]) => ({ to, score, feedback: "", text: "", at })),
  at,
});
// start → (3) middle → (2) won ; start → (0) middle ; middle → (0) start (a loop back)
const scenario: ScenarioDef = {
  id: "s",
  title: "S",
  setting: "",
  start: "start",
  scoring: "path",
  passScore: null,
  rules: noRules,
  at,
  nodes: [
    node("start", [
      ["middle", 3],
      ["middle", 0],
    ]),
    node("middle", [
      ["won", 2],
      ["start", 0],
    ]),
  ],
  endings: [{ id: "won", title: "Won", rating: "good", outcome: "", score: null, at }],
};

describe("role-play moves and path scores", () => {
  it("sums the chosen replies along the path", () => {
    const first = choose(scenario, [], "start", 0);
    expect(first.next).toEqual({ kind: "node", id: "middle" });
    expect(pathScore(first.path)).toBe(3);
    const end = choose(scenario, first.path, "middle", 0);
    expect(end.next).toEqual({ kind: "ending", id: "won" });
    expect(pathScore(end.path)).toBe(5);
  });

  it("replaces a node's score when the path loops back to it, and drops what came after", () => {
    const first = choose(scenario, [], "start", 0); // +3
    const loop = choose(scenario, first.path, "middle", 1); // back to start
    expect(loop).toEqual({ next: { kind: "node", id: "start" }, path: [] });
    const again = choose(scenario, loop.path, "start", 1); // 0 this time
    expect(pathScore(again.path)).toBe(0);
    expect(pathScore(choose(scenario, again.path, "middle", 0).path)).toBe(2);
  });

  it("goes back one node, dropping that node's choice", () => {
    const first = choose(scenario, [], "start", 0);
    expect(goBack(first.path)).toEqual({ path: [], current: "start" });
    expect(goBack([])).toBeNull();
  });
});
