import { describe, expect, it } from "vitest";
import type { ScenarioDef } from "./types";
import { noRules } from "./types";
import { runPassed, scenarioMaxScore, scenarioPassingMax } from "./scenario-scoring";
import { validateScenario } from "./validate";

const at = { line: 1, column: 1 };
const node = (id: string, choices: [string, number][]) => ({
  id,
  speaker: "Customer",
  mood: "neutral" as const,
  line: `${id} line`,
  choices: choices.map(([to, score]) => ({ to, score, feedback: "f", text: "t", at })),
  at,
});
const ending = (
  id: string,
  score: number | null = null,
  rating: "good" | "mixed" | "bad" = "good",
) => ({
  id,
  title: id,
  rating,
  outcome: id,
  score,
  at,
});
const scenario = (
  nodes: ScenarioDef["nodes"],
  endings = [ending("end")],
  passScore: number | null = null,
  scoring: ScenarioDef["scoring"] = "path",
): ScenarioDef => ({
  id: "s",
  title: "S",
  setting: "",
  start: nodes[0]!.id,
  scoring,
  passScore,
  rules: noRules,
  nodes,
  endings,
  at,
});

describe('scenario maximum with scoring="path": the best path, loops ignored', () => {
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
    expect(scenarioMaxScore(s)).toBe(6); // a→b (1) + b→end (5), beating a→c (3) + 1
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
    expect(scenarioMaxScore(s)).toBe(3);
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
      'Scenario "s" pass score 3 is unreachable: the best path to an ending not rated "bad" scores 2',
    ]);
  });
});

describe("a lost customer never passes", () => {
  // The shape of a real slip: the path that lets the customer walk away scored 13, above the pass
  // score of 12, while the best path to an ending where they stay scored 11.
  const quietExit = (passScore: number, rating: "good" | "mixed" | "bad" = "bad") =>
    scenario(
      [
        node("a", [
          ["b", 8],
          ["kept", 6],
        ]),
        node("b", [
          ["gone", 5],
          ["kept", 3],
        ]),
      ],
      [ending("kept", null, "mixed"), ending("gone", null, rating)],
      passScore,
    );

  it("measures the pass score against the best path to an ending not rated bad", () => {
    expect(scenarioMaxScore(quietExit(12))).toBe(13);
    expect(scenarioPassingMax(quietExit(12))).toBe(11);
    expect(validateScenario(quietExit(12)).map((f) => f.message)).toEqual([
      'Scenario "s" pass score 12 is unreachable: the best path to an ending not rated "bad" scores 11',
    ]);
    expect(validateScenario(quietExit(11))).toEqual([]);
    expect(validateScenario(quietExit(12, "mixed"))).toEqual([]);
  });

  it("refuses a role-play whose every ending is a lost customer", () => {
    const s = scenario(
      [
        node("a", [
          ["gone", 1],
          ["gone", 0],
        ]),
      ],
      [ending("gone", null, "bad")],
    );
    expect(validateScenario(s).map((f) => f.message)).toEqual([
      'Scenario "s" cannot be passed: every ending it reaches is rated "bad" (a lost customer); rate the endings where the customer stays "good" or "mixed"',
    ]);
  });

  it("fails a run that reaches a bad ending, whatever it scored", () => {
    expect(runPassed(quietExit(11), 13, "gone")).toBe(false);
    expect(runPassed(quietExit(11), 11, "kept")).toBe(true);
    expect(runPassed(quietExit(11), 9, "kept")).toBe(false);
    const unscored = { ...quietExit(0), passScore: null, scoring: "none" as const };
    expect(runPassed(unscored, null, "gone")).toBe(false);
    expect(runPassed(unscored, null, "kept")).toBe(true);
  });
});

describe("scores stand where the scoring mode reads them", () => {
  const twoWays = (scores: [number, number]) => [
    node("a", [
      ["good", scores[0]],
      ["bad", scores[1]],
    ]),
  ];
  const messages = (s: ScenarioDef) => validateScenario(s).map((f) => f.message);

  it("scoring=ending needs a score on every ending, none on replies, and a reachable pass", () => {
    expect(
      messages(scenario(twoWays([0, 0]), [ending("good", 5), ending("bad", 1)], 5, "ending")),
    ).toEqual([]);
    expect(
      messages(scenario(twoWays([2, 0]), [ending("good", 5), ending("bad")], 6, "ending")),
    ).toEqual([
      'A reply\'s score counts only with scoring="path", and scenario "s" has scoring="ending": remove score={2}',
      'Ending "bad" needs a score: scenario "s" has scoring="ending", which grades the ending reached',
    ]);
    expect(
      messages(scenario(twoWays([0, 0]), [ending("good", 5), ending("bad", 1)], 6, "ending")),
    ).toEqual([
      'Scenario "s" pass score 6 is unreachable: the best ending not rated "bad" scores 5',
    ]);
  });

  it("scoring=path refuses ending scores; scoring=none refuses every score and a pass score", () => {
    expect(messages(scenario(twoWays([1, 0]), [ending("good", 5), ending("bad")]))).toEqual([
      'An ending\'s score counts only with scoring="ending", and scenario "s" has scoring="path": remove score={5} from "good"',
    ]);
    expect(
      messages(scenario(twoWays([0, 0]), [ending("good"), ending("bad")], null, "none")),
    ).toEqual([]);
    expect(messages(scenario(twoWays([0, 1]), [ending("good"), ending("bad")], 1, "none"))).toEqual(
      [
        'A reply\'s score counts only with scoring="path", and scenario "s" has scoring="none": remove score={1}',
        'Scenario "s" has a passScore but scoring="none": finishing is what counts, so remove passScore',
      ],
    );
  });
});
