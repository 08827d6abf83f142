import { describe, expect, it } from "vitest";
import type { ScenarioDef } from "./types";
import { maxScenarioScore, validateScenario } from "./validate";

const at = { line: 1, column: 1 };
const node = (id: string, choices: [string, number][]) => ({
  id,
  speaker: "Customer",
  mood: "neutral" as const,
  line: `${id} line`,
  choices: choices.map(([to, score]) => ({ to, score, feedback: "f", text: "t", at })),
  at,
});
const ending = (id: string) => ({ id, title: id, rating: "good" as const, outcome: id, at });
const scenario = (
  nodes: ScenarioDef["nodes"],
  endings = [ending("end")],
  passScore: number | null = null,
): ScenarioDef => ({
  id: "s",
  title: "S",
  setting: "",
  start: nodes[0]!.id,
  passScore,
  nodes,
  endings,
  at,
});

describe("scenario maximum (H5P dynamic score: best path, loops ignored)", () => {
  it("takes the best path, not the sum of the best choices everywhere", () => {
    const s = scenario([
      node("a", [
        ["b", 1],
        ["c", 3],
      ]),
      node("b", [
        ["end", 5],
        ["end", 0],
      ]),
      node("c", [
        ["end", 1],
        ["end", 0],
      ]),
    ]);
    expect(maxScenarioScore(s)).toBe(6); // a→b (1) + b→end (5), beating a→c (3) + 1
  });

  it("ignores loops: a choice back to an earlier node adds nothing", () => {
    const s = scenario([
      node("a", [
        ["b", 2],
        ["end", 0],
      ]),
      node("b", [
        ["a", 10],
        ["end", 1],
      ]),
    ]);
    expect(maxScenarioScore(s)).toBe(3);
    expect(validateScenario(s)).toEqual([]);
  });

  it("flags a pass score above the best path", () => {
    const s = scenario(
      [
        node("a", [
          ["end", 2],
          ["end", 1],
        ]),
      ],
      [ending("end")],
      3,
    );
    expect(validateScenario(s).map((f) => f.message)).toEqual([
      'Scenario "s" pass score 3 is unreachable: the best path scores 2',
    ]);
  });
});
