import { endingPasses, reachableEndings, scenarioPassingMax } from "./scenario-scoring";
import type { Position, QuizDef, ScenarioDef } from "./types";

// Checks on quizzes and scenarios that need the whole definition (the extractor checks each
// component's own props). Pure: each problem comes back with the position it concerns.

export type Finding = { at: Position; message: string };

function duplicates<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
}

export function validateQuiz(quiz: QuizDef, modulePassScore: number | null): Finding[] {
  const findings: Finding[] = [];
  if (quiz.questions.length === 0) {
    findings.push({ at: quiz.at, message: `Quiz "${quiz.id}" has no <Question>` });
  }
  for (const q of duplicates(quiz.questions, (q) => q.id)) {
    findings.push({
      at: q.at,
      message: `Question id "${q.id}" is used twice in quiz "${quiz.id}"`,
    });
  }
  let answerable = 0;
  const before = findings.length;
  for (const question of quiz.questions) {
    for (const o of duplicates(question.options, (o) => o.id)) {
      findings.push({
        at: o.at,
        message: `Option id "${o.id}" is used twice in question "${question.id}"`,
      });
    }
    if (question.options.length < 2) {
      findings.push({
        at: question.at,
        message: `Question "${question.id}" needs at least 2 options`,
      });
    }
    const correct = question.options.filter((o) => o.correct).length;
    if (correct === 0) {
      findings.push({
        at: question.at,
        message: `Question "${question.id}" has no correct option`,
      });
    } else if (question.type === "single" && correct > 1) {
      findings.push({
        at: question.at,
        message: `Question "${question.id}" is type="single" but has ${correct} correct options`,
      });
    } else {
      answerable += 1;
    }
  }
  const passScore = quiz.passScore ?? modulePassScore;
  // A broken question is reported once, not again as an unreachable pass mark.
  if (passScore !== null && quiz.questions.length > 0 && findings.length === before) {
    const best = Math.floor((answerable / quiz.questions.length) * 100);
    if (passScore > best) {
      findings.push({
        at: quiz.at,
        message: `Quiz "${quiz.id}" pass mark ${passScore}% is unreachable: the best possible score is ${best}%`,
      });
    }
  }
  return findings;
}

export function validateScenario(scenario: ScenarioDef): Finding[] {
  const findings: Finding[] = [];
  const ids = [...scenario.nodes, ...scenario.endings];
  for (const item of duplicates(ids, (i) => i.id)) {
    findings.push({
      at: item.at,
      message: `Id "${item.id}" is used twice in scenario "${scenario.id}"`,
    });
  }
  const known = new Set(ids.map((i) => i.id));
  const nodeById = new Map(scenario.nodes.map((n) => [n.id, n]));
  if (scenario.endings.length === 0) {
    findings.push({ at: scenario.at, message: `Scenario "${scenario.id}" has no <Ending>` });
  }
  if (!nodeById.has(scenario.start)) {
    findings.push({
      at: scenario.at,
      message: `Scenario "${scenario.id}" starts at "${scenario.start}", which is not a <Node>`,
    });
    return findings;
  }
  for (const node of scenario.nodes) {
    if (node.choices.length < 2 || node.choices.length > 4) {
      findings.push({
        at: node.at,
        message: `Node "${node.id}" has ${node.choices.length} choices; give it 2 to 4`,
      });
    }
    for (const choice of node.choices) {
      if (!known.has(choice.to)) {
        findings.push({
          at: choice.at,
          message: `Choice leads to "${choice.to}", which is not a node or ending in scenario "${scenario.id}"`,
        });
      }
    }
  }

  // Reachable from the start.
  const reached = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  while (queue.length) {
    for (const choice of nodeById.get(queue.shift()!)?.choices ?? []) {
      if (!reached.has(choice.to) && known.has(choice.to)) {
        reached.add(choice.to);
        queue.push(choice.to);
      }
    }
  }
  for (const item of ids) {
    if (!reached.has(item.id)) {
      findings.push({
        at: item.at,
        message: `"${item.id}" cannot be reached from the start "${scenario.start}"`,
      });
    }
  }

  // Can reach an ending: walk backwards from the endings.
  const finishes = new Set(scenario.endings.map((e) => e.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of scenario.nodes) {
      if (!finishes.has(node.id) && node.choices.some((c) => finishes.has(c.to))) {
        finishes.add(node.id);
        grew = true;
      }
    }
  }
  for (const node of scenario.nodes) {
    if (reached.has(node.id) && !finishes.has(node.id)) {
      findings.push({
        at: node.at,
        message: `No path from node "${node.id}" reaches an ending (a loop without an exit)`,
      });
    }
  }

  // A run ending where the customer is lost never passes, so one that can pass must be reachable.
  if (findings.length === 0 && !reachableEndings(scenario).some(endingPasses)) {
    findings.push({
      at: scenario.at,
      message: `Scenario "${scenario.id}" cannot be passed: every ending it reaches is rated "bad" (a lost customer); rate the endings where the customer stays "good" or "mixed"`,
    });
  }

  findings.push(...scoringFindings(scenario));
  return findings;
}

/** Scores stand where the scenario's scoring mode reads them, and the pass score is reachable. */
function scoringFindings(scenario: ScenarioDef): Finding[] {
  const findings: Finding[] = [];
  const mode = scenario.scoring;
  const label = `scenario "${scenario.id}" has scoring="${mode}"`;
  if (mode !== "path") {
    for (const node of scenario.nodes) {
      for (const choice of node.choices.filter((c) => c.score !== 0)) {
        findings.push({
          at: choice.at,
          message: `A reply's score counts only with scoring="path", and ${label}: remove score={${choice.score}}`,
        });
      }
    }
  }
  for (const ending of scenario.endings) {
    if (mode === "ending" && ending.score === null) {
      findings.push({
        at: ending.at,
        message: `Ending "${ending.id}" needs a score: ${label}, which grades the ending reached`,
      });
    } else if (mode !== "ending" && ending.score !== null) {
      findings.push({
        at: ending.at,
        message: `An ending's score counts only with scoring="ending", and ${label}: remove score={${ending.score}} from "${ending.id}"`,
      });
    }
  }
  if (scenario.rules.showAnswers && mode !== "path") {
    findings.push({
      at: scenario.at,
      message: `Scenario "${scenario.id}" has showAnswers but scoring="${mode}": the better replies are known only when each reply has a score (scoring="path")`,
    });
  }
  if (scenario.passScore === null) return findings;
  if (mode === "none") {
    findings.push({
      at: scenario.at,
      message: `Scenario "${scenario.id}" has a passScore but scoring="none": finishing is what counts, so remove passScore`,
    });
    return findings;
  }
  // Reported once the scores themselves are sound.
  // Only a run ending where the customer is not lost can pass, so that is where the pass score
  // must be within reach.
  const max = findings.length ? null : scenarioPassingMax(scenario);
  if (max !== null && scenario.passScore > max) {
    findings.push({
      at: scenario.at,
      message:
        mode === "path"
          ? `Scenario "${scenario.id}" pass score ${scenario.passScore} is unreachable: the best path to an ending not rated "bad" scores ${max}`
          : `Scenario "${scenario.id}" pass score ${scenario.passScore} is unreachable: the best ending not rated "bad" scores ${max}`,
    });
  }
  return findings;
}

export function validateModuleIds(quizzes: QuizDef[], scenarios: ScenarioDef[]): Finding[] {
  return duplicates([...quizzes, ...scenarios], (i) => i.id).map((i) => ({
    at: i.at,
    message: `Id "${i.id}" is used by more than one quiz or scenario in this module`,
  }));
}
