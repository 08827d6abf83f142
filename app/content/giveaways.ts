import { bestReplyBias } from "./scenario-scoring";
import type { ModuleArtefact } from "./compile.server";
import type { Problem, QuizDef, ScenarioDef } from "./types";

// Patterns that give an answer away without knowing the subject: the right quiz option is the
// longest one, a multiple-answer question is every option but one odd one out, a role-play's best
// reply is the longest or always in the same place. Each is fine once; as a habit, people learn
// the habit instead of the course. content:check prints these as warnings (they do not fail it).

const length = (text: string) => text.replace(/\s+/g, " ").trim().length;

/** The index of the one strictly longest text, or null when two share the top length. */
function longestOf(texts: string[]): number | null {
  const lengths = texts.map(length);
  const top = Math.max(...lengths);
  const at = lengths.flatMap((l, i) => (l === top ? [i] : []));
  return at.length === 1 ? at[0]! : null;
}

const moreThanHalf = (count: number, of: number, atLeast: number) =>
  of >= atLeast && count * 2 > of;

/** Questions whose longest option is a right one, when that is so in more than half of them. */
export function rightOptionLongest(quiz: QuizDef) {
  const asked = quiz.questions.filter((q) => q.options.length >= 2);
  const count = asked.filter((q) => {
    const longest = longestOf(q.options.map((o) => o.text));
    return longest !== null && q.options[longest]!.correct;
  }).length;
  return moreThanHalf(count, asked.length, 2) ? { count, questions: asked.length } : null;
}

/** Multiple-answer questions where all options but one are right, when most of them are. */
export function allButOne(quiz: QuizDef) {
  const multiple = quiz.questions.filter((q) => q.type === "multiple" && q.options.length >= 3);
  const count = multiple.filter((q) => q.options.filter((o) => !o.correct).length === 1).length;
  return moreThanHalf(count, multiple.length, 2) ? { count, questions: multiple.length } : null;
}

/** Nodes whose one best reply is also the longest, when that is so at more than half of them. */
export function bestReplyLongest(scenario: ScenarioDef) {
  if (scenario.scoring !== "path") return null;
  let nodes = 0;
  let count = 0;
  for (const node of scenario.nodes) {
    if (node.choices.length < 2) continue;
    const best = Math.max(...node.choices.map((c) => c.score));
    const at = node.choices.flatMap((c, i) => (c.score === best ? [i] : []));
    if (at.length !== 1) continue;
    nodes++;
    if (longestOf(node.choices.map((c) => c.text)) === at[0]) count++;
  }
  return moreThanHalf(count, nodes, 3) ? { count, nodes } : null;
}

const ordinal = ["first", "second", "third", "fourth", "fifth"];

/** Every giveaway in the course's English sources, as warnings at the quiz or role-play. */
export function contentWarnings(modules: ModuleArtefact[]): Problem[] {
  const warnings: Problem[] = [];
  for (const module of modules) {
    const warn = (at: { line: number; column: number }, message: string) =>
      warnings.push({ file: module.file, ...at, message: `warning: ${message}` });
    for (const quiz of module.quizzes) {
      const longest = rightOptionLongest(quiz);
      if (longest)
        warn(
          quiz.at,
          `quiz "${quiz.id}": a right option is the longest in ${longest.count} of ${longest.questions} questions; make the wrong options as full as the right ones`,
        );
      const lone = allButOne(quiz);
      if (lone)
        warn(
          quiz.at,
          `quiz "${quiz.id}": ${lone.count} of ${lone.questions} multiple-answer questions have every option right but one; mix right and wrong options, each wrong one tempting`,
        );
    }
    // A translation has the source's structure (content:check proves it) but its own words, so
    // what length gives away is checked in every language.
    for (const translation of module.translations) {
      const warnIn = (at: { line: number; column: number }, message: string) =>
        warnings.push({ file: translation.file, ...at, message: `warning: ${message}` });
      for (const quiz of translation.quizzes) {
        const longest = rightOptionLongest(quiz);
        if (longest)
          warnIn(
            quiz.at,
            `quiz "${quiz.id}": a right option is the longest in ${longest.count} of ${longest.questions} questions in this language; make the wrong options as full as the right ones`,
          );
      }
      for (const scenario of translation.scenarios) {
        const longest = bestReplyLongest(scenario);
        if (longest)
          warnIn(
            scenario.at,
            `role-play "${scenario.id}": the best reply is the longest at ${longest.count} of ${longest.nodes} nodes in this language; write replies of even length`,
          );
      }
    }
    for (const scenario of module.scenarios) {
      const bias = bestReplyBias(scenario);
      if (bias)
        warn(
          scenario.at,
          `role-play "${scenario.id}": the best reply is written ${ordinal[bias.position] ?? `number ${bias.position + 1}`} at ${bias.count} of ${bias.nodes} nodes; replies are shown shuffled, but vary where the best one is written`,
        );
      const longest = bestReplyLongest(scenario);
      if (longest)
        warn(
          scenario.at,
          `role-play "${scenario.id}": the best reply is the longest at ${longest.count} of ${longest.nodes} nodes; write replies of even length`,
        );
    }
  }
  return warnings;
}
