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

/**
 * The best score along any path from `start` to an ending, never visiting a node twice on one
 * path (H5P Branching Scenario's maximum: depth-first search ignoring loops). null when no
 * ending can be reached.
 */
export function maxScenarioScore(scenario: ScenarioDef): number | null {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const endings = new Set(scenario.endings.map((e) => e.id));
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

  const max = maxScenarioScore(scenario);
  if (max !== null && scenario.passScore !== null && scenario.passScore > max) {
    findings.push({
      at: scenario.at,
      message: `Scenario "${scenario.id}" pass score ${scenario.passScore} is unreachable: the best path scores ${max}`,
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
