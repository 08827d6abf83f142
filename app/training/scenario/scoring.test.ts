import { describe, expect, it } from "vitest";
import type { ScenarioDef } from "~/content/types";
import { choose, goBack, pathScore } from "./scoring";

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
  passScore: null,
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
  endings: [{ id: "won", title: "Won", rating: "good", outcome: "", at }],
};

describe("role-play scoring (H5P dynamic score)", () => {
  it("sums the chosen replies along the path", () => {
    const first = choose(scenario, [], "start", 0);
    expect(first).toMatchObject({ next: { kind: "node", id: "middle" }, score: 3 });
    const end = choose(scenario, first.path, "middle", 0);
    expect(end).toMatchObject({ next: { kind: "ending", id: "won" }, score: 5 });
    expect(pathScore(end.path)).toBe(5);
  });

  it("replaces a node's score when the path loops back to it, and drops what came after", () => {
    const first = choose(scenario, [], "start", 0); // +3
    const loop = choose(scenario, first.path, "middle", 1); // back to start
    expect(loop).toMatchObject({ next: { kind: "node", id: "start" }, path: [], score: 0 });
    const again = choose(scenario, loop.path, "start", 1); // 0 this time
    expect(again.score).toBe(0);
    expect(choose(scenario, again.path, "middle", 0).score).toBe(2);
  });

  it("goes back one node, dropping that node's choice", () => {
    const first = choose(scenario, [], "start", 0);
    expect(goBack(first.path)).toEqual({ path: [], current: "start", score: 0 });
    expect(goBack([])).toBeNull();
  });
});
