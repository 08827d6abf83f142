import { describe, expect, it } from "vitest";
import { bestReplyBias } from "./scenario-scoring";
import type { ScenarioDef } from "./types";
import { noRules } from "./types";

const at = { line: 1, column: 1 };
/** A role-play of nodes whose replies carry these scores, in written order. */
function scenario(scoring: ScenarioDef["scoring"], ...nodes: number[][]): ScenarioDef {
  return {
    id: "talk",
    title: "Talk",
    setting: "",
    start: "n0",
    scoring,
    passScore: null,
    rules: noRules,
    endings: [],
    at,
    nodes: nodes.map((scores, i) => ({
      id: `n${i}`,
      speaker: "Customer",
      mood: "neutral",
      line: "…",
      at,
      choices: scores.map((score, j) => ({ to: "end", score, feedback: "", text: `r${j}`, at })),
    })),
  };
}

describe("where a role-play's best replies are written", () => {
  it("is flagged when one place holds the best reply at most nodes", () => {
    expect(bestReplyBias(scenario("path", [3, 0], [3, 1, 0], [2, 0], [0, 2]))).toEqual({
      position: 0,
      count: 3,
      nodes: 4,
    });
  });

  it("is not flagged when the best replies are spread, tied or unscored", () => {
    expect(bestReplyBias(scenario("path", [3, 0], [0, 3], [1, 3, 0], [0, 0, 3]))).toBeNull();
    // Ties have no single best reply; nodes with one reply have no choice at all.
    expect(bestReplyBias(scenario("path", [3, 3], [2, 2], [1], [3, 0]))).toBeNull();
    expect(bestReplyBias(scenario("none", [0, 0], [0, 0], [0, 0]))).toBeNull();
  });
});
