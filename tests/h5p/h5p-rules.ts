// A reference model of how H5P Branching Scenario (H5P.BranchingScenario) scores a learner's
// route, written from a reading of H5P's player so tests can compare Frontline against it. It is
// our own statement of the rules, not H5P's code. Sources read:
//
// - "scoring.js 1.10": src/scripts/scoring.js of H5P.BranchingScenario 1.10.1 (the current
//   version; the scoring rules in it are unchanged since 1.5.1, only restyled as an ES class).
// - "scoring.js 1.0.1": scripts/scoring.js at tag 1.0.1 (the same file through tag 1.2.1 and up
//   to library version 1.4.4).
// - "player 1.10": src/scripts/h5p-branching-scenario.js 1.10.1, which calls
//   addLibraryScore(currentId, ...) each time the learner leaves a screen (lines 254-270) and
//   picks the end screen (lines 272-297); libraryScreen.js 1.10.1 for how a plain screen ends;
//   H5P.BranchingQuestion's branchingQuestion.js for how a question's alternative ends.
//
// Things the model leaves out: back navigation ("reverse" moves also call addLibraryScore, with
// no chosen alternative), resuming a saved state, and scores of embedded interactions
// (includeInteractionsScores); none of the test packages embed anything that reports a score.

export type H5PScoringOption = "static-end-score" | "dynamic-score" | "no-score";

export type H5PFile = { path: string; mime?: string; width?: number; height?: number };

export type H5PFeedback = {
  title?: string;
  subtitle?: string;
  image?: H5PFile;
  endScreenScore?: number;
};

export type H5PAlternative = { text: string; nextContentId?: number; feedback?: H5PFeedback };

export type H5PContent = {
  type: {
    library: string; // "H5P.BranchingQuestion 1.0", "H5P.AdvancedText 1.1", ...
    params: {
      branchingQuestion?: { question: string; alternatives: H5PAlternative[] };
      [key: string]: unknown;
    };
    subContentId?: string;
    metadata?: { title?: string; contentType?: string; license?: string };
  };
  contentId?: number; // the editor writes the index here too; H5P overwrites it with the index
  showContentTitle?: boolean;
  proceedButtonText?: string;
  forceContentFinished?: "useBehavioural" | "enabled" | "disabled";
  contentBehaviour?: "useBehavioural" | "enabled" | "disabled";
  nextContentId?: number;
  feedback?: H5PFeedback;
};

export type H5PEndScreen = {
  endScreenTitle?: string;
  endScreenSubtitle?: string;
  endScreenImage?: H5PFile;
  endScreenScore?: number;
  contentId: number;
};

/** The `branchingScenario` object of content/content.json. */
export type H5PParams = {
  title?: string;
  startScreen?: {
    startScreenTitle?: string;
    startScreenSubtitle?: string;
    startScreenImage?: H5PFile;
    startScreenAltText?: string;
  };
  endScreens: H5PEndScreen[];
  content: H5PContent[];
  scoringOptionGroup?: { scoringOption: H5PScoringOption; includeInteractionsScores?: boolean };
  /** Where content made before 1.5 keeps the option (upgrades.js 1.5 moves it into the group). */
  scoringOption?: H5PScoringOption;
  behaviour?: {
    enableBackwardsNavigation?: boolean;
    forceContentFinished?: boolean;
    randomizeBranchingQuestions?: boolean;
  };
  l10n?: Record<string, string>;
};

/**
 * "1.0-1.4": scoring.js as at tag 1.0.1. In the mirror the new rules landed while the library
 * was being bumped to 1.5.0 (commits be3f3e0 and b0c87ad, 30-31 May 2021) and 1.5.1's scoring.js
 * (commit 184796b) is already byte-identical to 1.5.2's, so this is 1.0.1 to 1.4.x.
 * "1.5+": scoring.js from 1.5 (first tagged as 1.5.2, June 2021) to 1.10.1.
 */
export type H5PRelease = "1.0-1.4" | "1.5+";

export type H5PEnding = { kind: "default" } | { kind: "custom"; at: number; alternative?: number };

export type H5PResult = { ending: H5PEnding; score: number; maxScore: number; visited: number[] };

type Exit = { nextContentId?: number; feedback?: H5PFeedback };

const isQuestion = (node: H5PContent) =>
  node.type.library.split(" ")[0] === "H5P.BranchingQuestion";

const alternativesOf = (node: H5PContent) => node.type.params.branchingQuestion?.alternatives ?? [];

// The player turns a content's missing nextContentId into -1 ("player 1.10" lines 61-66). An
// alternative's -1 means an end screen; we also treat a missing or other negative id as one, where
// H5P itself would fail.
const endsHere = (next: number | undefined): next is undefined => next === undefined || next < 0;

// Scoring option: 1.5+ reads scoringOptionGroup.scoringOption (scoring.js 1.10 lines 83-97), older
// players read a top-level scoringOption (scoring.js 1.0.1 lines 99-108). Without one: no score
// (the player's default, "player 1.10" lines 45-47).
function scoringOptionOf(params: H5PParams, release: H5PRelease): H5PScoringOption {
  const option =
    release === "1.5+"
      ? params.scoringOptionGroup?.scoringOption
      : (params.scoringOption ?? params.scoringOptionGroup?.scoringOption);
  return option ?? "no-score";
}

// A screen's own score, "score from field": its feedback.endScreenScore, but only when its
// nextContentId is truthy and > -1, so a screen leading back to content 0 scores nothing
// (scoring.js 1.10 lines 285-292; 1.0.1 line 280; and the 1.0.1 path search, line 171).
function ownScore(exit: Exit): number {
  const score = exit.feedback?.endScreenScore;
  return score !== undefined && exit.nextContentId && exit.nextContentId > -1 ? score : 0;
}

// The chosen alternative's score: 0 without a score or when it leads to an end screen. 1.5+
// tests `nextContentId === undefined || < 0` (scoring.js 1.10 lines 161-169); 1.0.1 tests
// `!nextContentId`, so an alternative back to content 0 also scores 0 (scoring.js 1.0.1 line 209).
function alternativeScore(alt: H5PAlternative, release: H5PRelease): number {
  if (release === "1.0-1.4") return ownScore(alt);
  const score = alt.feedback?.endScreenScore;
  return score === undefined || endsHere(alt.nextContentId) ? 0 : score;
}

// A question's max (1.5+ only): the highest endScreenScore above 0 among alternatives whose
// nextContentId is not -1; never below 0 (scoring.js 1.10 getQuestionMaxScore, lines 178-196).
function questionMax(node: H5PContent): number {
  let max = 0;
  for (const alt of alternativesOf(node)) {
    const score = alt.feedback?.endScreenScore;
    if (score !== undefined && score > max && alt.nextContentId !== -1) max = score;
  }
  return max;
}

// Whether leaving through `exit` into an end shows a custom end screen built from its feedback:
// any title, subtitle, image or endScreenScore. A question tests the raw strings
// (branchingQuestion.js, the alternative's onclick); a plain screen trims them first
// (libraryScreen.js 1.10 lines 230-238 and 283). Otherwise the default end screen shows.
function hasEndFeedback(exit: Exit, fromQuestion: boolean): boolean {
  const f = exit.feedback;
  if (!f) return false;
  const text = (s?: string) => Boolean(fromQuestion ? s : s?.trim());
  return text(f.title) || text(f.subtitle) || Boolean(f.image) || f.endScreenScore !== undefined;
}

type Entry = { id: number; order: number; score: number; max: number };

/**
 * The dynamic score list, one entry per screen left (addLibraryScore: scoring.js 1.10 lines
 * 272-351, 1.0.1 lines 265-331). Each leave bumps a counter (`visitedIndex`). When the screen
 * already has an entry its score is overwritten, then:
 * - if content[id].nextContentId is the id of the next entry in the list (a plain screen left
 *   again the same way), 1.0.1 drops every entry recorded after it and rewinds the counter
 *   (lines 292-317). 1.5+ first sets the entry's visitedIndex to the new counter and only then
 *   reads it as the cut-off (scoring.js 1.10 lines 312-314), so it drops nothing: the entries
 *   after it are KEPT and the screen's new score stays in its old place;
 * - otherwise (a question, whose own nextContentId is -1, or a jump) the old entry is removed and
 *   a new one appended; the entries recorded in between are kept (the "reverse loop" fix of
 *   1.0.1, scoring.js 1.10 lines 338-349).
 */
class ScoreList {
  entries: Entry[] = [];
  private counter = 0;

  constructor(
    private readonly params: H5PParams,
    private readonly release: H5PRelease,
  ) {}

  leave(id: number, score: number, max: number) {
    this.counter += 1;
    const at = this.entries.findIndex((e) => e.id === id);
    const old = this.entries[at];
    if (!old) {
      this.entries.push({ id, order: this.counter, score, max });
      return;
    }
    old.score = score; // max is not updated in place, as in H5P
    const after = this.entries[at + 1];
    if (after && this.params.content[id]?.nextContentId === after.id) {
      if (this.release === "1.0-1.4") {
        const cutOff = old.order;
        this.entries = this.entries.filter((e) => e.order <= cutOff);
        this.counter = cutOff;
      } else {
        old.order = this.counter; // the filter that follows in H5P keeps every entry
      }
    } else {
      this.entries.splice(at, 1);
      this.entries.push({ id, order: this.counter, score, max });
    }
  }
}

// Static max: the best score over every exit into an end (nextContentId === -1) anywhere in the
// content, reachable or not, a question counting through its alternatives; an exit without a
// score counts the default end screen's score (endScreens[0], or 0); the reduce starts at 0, so
// never below 0. Same in both releases (scoring.js 1.10 lines 103-126, 1.0.1 lines 115-137).
function staticMax(params: H5PParams): number {
  const fallback = params.endScreens[0]?.endScreenScore ?? 0;
  const exits = params.content.flatMap<Exit>((n) => (isQuestion(n) ? alternativesOf(n) : [n]));
  return exits
    .filter((e) => e.nextContentId === -1)
    .reduce((best, e) => Math.max(best, e.feedback?.endScreenScore ?? fallback), 0);
}

// Dynamic max before 1.5: a depth-first search over every route from content 0 to an end that
// does not revisit a screen (a route that loops is dropped, not cut short); a route's sum counts
// every content it passes (ownScore, questions included) and every alternative taken (ownScore,
// so nothing for one into an end); the best sum, never below 0 (scoring.js 1.0.1 lines 33-92
// findBranchingPaths/findBranchingEndings, and calculateDynamicMaxScore lines 144-183).
function bestRouteMax(params: H5PParams): number {
  let best = 0;
  const walk = (id: number, onRoute: Set<number>, sum: number) => {
    const node = params.content[id];
    if (!node) throw new Error(`content ${id} does not exist`);
    const here = sum + ownScore(node);
    const exits: Exit[] = isQuestion(node) ? alternativesOf(node) : [node];
    for (const exit of exits) {
      const total = here + (isQuestion(node) ? ownScore(exit) : 0);
      const next = exit.nextContentId;
      if (endsHere(next)) best = Math.max(best, total);
      else if (!onRoute.has(next)) walk(next, new Set(onRoute).add(next), total);
    }
  };
  walk(0, new Set([0]), 0);
  return best;
}

/**
 * Walk a learner's route through the scenario as H5P's player would and score it.
 * `choices` lists, for each branching question reached in order, the index of the alternative
 * picked (plain screens are passed through automatically by following nextContentId). Throws when
 * a question is reached with no choice left, a choice does not exist, or choices are left over.
 *
 * Score: no-score 0; static-end-score the end screen's score (a custom end screen's
 * feedback.endScreenScore; the default one's endScreens[0].endScreenScore; H5P leaves a missing
 * one undefined, which we report as 0); dynamic-score the sum of the score list.
 * Max: no-score 0; static see staticMax; dynamic "1.5+" the sum of the list's maxes
 * (calculateDynamicMaxScore, scoring.js 1.10 lines 132-136), "1.0-1.4" see bestRouteMax.
 */
export function playH5P(
  params: H5PParams,
  choices: number[],
  release: H5PRelease = "1.5+",
): H5PResult {
  const list = new ScoreList(params, release);
  const visited = [0];
  let id = 0;
  let picked = 0;
  let ending: H5PEnding | undefined;
  let endScore: number | undefined;

  for (let steps = 0; !ending; steps++) {
    if (steps > 10_000) throw new Error("the route never ends (plain screens in a loop?)");
    const node = params.content[id];
    if (!node) throw new Error(`content ${id} does not exist`);
    // 1.10 tells a question by its library name (scoring.js 1.10 line 279); 1.0.1 to 1.8 by
    // `currentId !== libraryId || (currentId === 0 && <is a question>)`, libraryId being the last
    // plain screen shown under the question's overlay (scoring.js 1.0.1 lines 270-272): the same.
    const question = isQuestion(node);
    let exit: Exit = node;
    let alternative: number | undefined;
    if (question) {
      alternative = choices[picked++];
      if (alternative === undefined) throw new Error(`no choice left for the question at ${id}`);
      const alt = alternativesOf(node)[alternative];
      if (!alt) throw new Error(`the question at ${id} has no alternative ${alternative}`);
      exit = alt;
      list.leave(id, alternativeScore(alt, release), questionMax(node));
    } else {
      list.leave(id, ownScore(node), ownScore(node)); // a plain screen's max is its own score
    }

    const next = exit.nextContentId;
    if (endsHere(next)) {
      if (hasEndFeedback(exit, question)) {
        ending =
          alternative === undefined
            ? { kind: "custom", at: id }
            : { kind: "custom", at: id, alternative };
        endScore = exit.feedback?.endScreenScore;
      } else {
        ending = { kind: "default" };
        endScore = params.endScreens[0]?.endScreenScore;
      }
    } else {
      id = next;
      visited.push(id);
    }
  }
  if (picked < choices.length) {
    throw new Error(`${choices.length - picked} choice(s) left over after the route ended`);
  }

  switch (scoringOptionOf(params, release)) {
    case "no-score":
      return { ending, score: 0, maxScore: 0, visited };
    case "static-end-score":
      return { ending, score: endScore ?? 0, maxScore: staticMax(params), visited };
    case "dynamic-score": {
      const score = list.entries.reduce((sum, e) => sum + e.score, 0);
      const maxScore =
        release === "1.5+" ? list.entries.reduce((sum, e) => sum + e.max, 0) : bestRouteMax(params);
      return { ending, score, maxScore, visited };
    }
  }
}
