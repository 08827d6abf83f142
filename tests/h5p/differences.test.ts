// Each way Frontline's role-play scoring differs from H5P Branching Scenario's, as
// docs/decisions/006 states it: the same scores, the same route, both numbers. Frontline's side is
// the real scoring code; H5P's is the model of its scoring.js in h5p-rules.ts.
import { describe, expect, it } from "vitest";
import { runScore, scenarioMaxScore } from "~/content/scenario-scoring";
import type { ScenarioDef } from "~/content/types";
import { noRules } from "~/content/types";
import { choose, type PathStep } from "~/training/scenario/scoring";
import { playH5P, type H5PParams } from "./h5p-rules";
import { diamond, negative, staticEnds } from "./packages";

const at = { line: 1, column: 1 };

/** A Frontline scenario as an author writes it: nodes of [target, score] replies. */
function frontline(
  nodes: Record<string, [string, number][]>,
  endings: Record<string, number | null>,
  scoring: ScenarioDef["scoring"] = "path",
): ScenarioDef {
  return {
    id: "s",
    title: "S",
    setting: "",
    start: Object.keys(nodes)[0]!,
    scoring,
    passScore: null,
    rules: noRules,
    at,
    nodes: Object.entries(nodes).map(([id, replies]) => ({
      id,
      speaker: "Customer",
      mood: "neutral",
      line: id,
      at,
      choices: replies.map(([to, score]) => ({ to, score, feedback: "", text: to, at })),
    })),
    endings: Object.entries(endings).map(([id, score]) => ({
      id,
      title: id,
      rating: "mixed",
      outcome: id,
      score,
      at,
    })),
  };
}

function play(scenario: ScenarioDef, route: number[]) {
  let path: PathStep[] = [];
  let node = scenario.start;
  for (const index of route) {
    const move = choose(scenario, path, node, index);
    path = move.path;
    if (move.next.kind === "ending") return runScore(scenario, path, move.next.id);
    node = move.next.id;
  }
  throw new Error("the route did not end");
}

/** The same graph as H5P content: one branching question per node, -1 for an end screen. */
function h5p(
  questions: { to: number; score?: number }[][],
  scoringOption: "dynamic-score" | "static-end-score" = "dynamic-score",
): H5PParams {
  return {
    startScreen: {},
    endScreens: [{ endScreenTitle: "The end", endScreenScore: 0, contentId: -1 }],
    scoringOptionGroup: { scoringOption },
    content: questions.map((alternatives, i) => ({
      type: {
        library: "H5P.BranchingQuestion 1.0",
        subContentId: `q${i}`,
        params: {
          branchingQuestion: {
            question: `<p>Question ${i}</p>`,
            alternatives: alternatives.map((a) => ({
              text: `to ${a.to}`,
              nextContentId: a.to,
              feedback: a.score === undefined ? {} : { endScreenScore: a.score },
            })),
          },
        },
      },
      nextContentId: -1,
    })),
  } as H5PParams;
}

describe("where Frontline's scoring differs from H5P Branching Scenario (decision 006)", () => {
  it("1. a reply straight into an ending counts in Frontline; H5P's dynamic score gives it 0", () => {
    // One question; the good reply (+3) ends the conversation.
    const ours = frontline(
      {
        q: [
          ["won", 3],
          ["lost", 0],
        ],
      },
      { won: null, lost: null },
    );
    const theirs = h5p([[{ to: -1, score: 3 }, { to: -1 }]]);
    expect(play(ours, [0])).toBe(3);
    expect(playH5P(theirs, [0]).score).toBe(0);
    expect(playH5P(theirs, [0], "1.0-1.4").score).toBe(0);
  });

  it("2. a loop back to a question drops the replies in between in Frontline; H5P keeps them", () => {
    // q0 → q1 → q2 (+2) → back to q1 (+1) → the end (0).
    const ours = frontline(
      {
        q0: [
          ["q1", 0],
          ["end", 0],
        ],
        q1: [
          ["q2", 2],
          ["end", 0],
        ],
        q2: [
          ["q1", 1],
          ["end", 0],
        ],
      },
      { end: null },
    );
    const theirs = h5p([
      [{ to: 1 }, { to: -1 }],
      [{ to: 2, score: 2 }, { to: -1 }],
      [{ to: 1, score: 1 }, { to: -1 }],
    ]);
    const route = [0, 0, 0, 1]; // q0, q1 (+2), q2 back to q1 (+1), q1 to the end
    // Frontline: back at q1 the path restarts there, and q1's new reply scores 0: 0 in all.
    expect(play(ours, route)).toBe(0);
    // H5P: q1's score is replaced (0) but q2's +1 from inside the loop is kept: 1. Both releases.
    expect(playH5P(theirs, route).score).toBe(1);
    expect(playH5P(theirs, route, "1.0-1.4").score).toBe(1);
  });

  it("3. Frontline's maximum is fixed; H5P 1.5+ sums the best replies of the questions visited", () => {
    // The diamond package as H5P holds it, and the same graph written for Frontline (a reply into
    // an ending scores 0 there, as H5P's dynamic score has it).
    const ours = frontline(
      {
        q0: [
          ["q1", 2],
          ["q2", -1],
        ],
        q1: [
          ["q3", 3],
          ["q3", 0],
        ],
        q2: [
          ["q3", 1],
          ["q3", -2],
        ],
        q3: [
          ["good", 0],
          ["end", 0],
        ],
      },
      { good: null, end: null },
    );
    expect(scenarioMaxScore(ours)).toBe(5);
    expect(playH5P(diamond, [1, 0, 1], "1.5+").maxScore).toBe(3); // via q2: q0 2 + q2 1 + q3 0
    expect(playH5P(diamond, [0, 0, 0], "1.5+").maxScore).toBe(5);
    expect(playH5P(diamond, [1, 0, 1], "1.0-1.4").maxScore).toBe(5); // the best route, as ours
  });

  it("4. Frontline's maximum can be negative; H5P never reports one below 0", () => {
    const ours = frontline(
      {
        a: [
          ["b", -2],
          ["b", -1],
        ],
        b: [
          ["end", 0],
          ["c", -3],
        ],
        c: [
          ["end", -5],
          ["end", 0],
        ],
      },
      { end: null },
    );
    expect(scenarioMaxScore(ours)).toBe(-1);
    expect(playH5P(negative, [1, 0]).score).toBe(-1);
    expect(playH5P(negative, [1, 0]).maxScore).toBe(0);
    expect(playH5P(negative, [1, 0], "1.0-1.4").maxScore).toBe(0);
  });

  it("static scoring: H5P's maximum counts end screens no route reaches; Frontline's does not", () => {
    // Add a question no alternative leads to, with an end screen worth 20.
    const orphan = structuredClone(staticEnds);
    orphan.content.push(h5p([[{ to: -1, score: 20 }, { to: -1 }]], "static-end-score").content[0]!);
    expect(playH5P(orphan, [0, 0]).maxScore).toBe(20);
    const ours = frontline(
      {
        q0: [
          ["q1", 0],
          ["closed", 0],
        ],
        q1: [
          ["best", 0],
          ["good", 0],
          ["end", 0],
        ],
      },
      { closed: 0, best: 10, good: 5, end: 2 },
      "ending",
    );
    expect(scenarioMaxScore(ours)).toBe(10);
    expect(play(ours, [0, 0])).toBe(playH5P(orphan, [0, 0]).score);
  });
});
