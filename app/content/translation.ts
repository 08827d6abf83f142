import type { ModuleArtefact, TranslationArtefact } from "./compile.server";
import { parseVersion } from "./frontmatter";
import { topSection } from "./source-fingerprint";
import type { TreeNode } from "./tree";
import type { Position, Problem, QuizDef, RuleProps, ScenarioDef } from "./types";

// A translation against its English source: is its structure exactly the source's (so it cannot
// change an answer key), how current is it, and the module a learner reads in that language.
// Grading and scoring always use the source's definitions; a translation only lends its words.

export type TranslationStatus = "current" | "stale" | "outdated" | "broken";

type Report = (at: Position, message: string) => void;

function compareList<T extends { id: string; at: Position }>(
  kind: string,
  source: T[],
  translated: T[],
  fallback: Position,
  report: Report,
  each: (s: T, t: T) => void,
) {
  const ids = (list: T[]) => list.map((x) => x.id).join(", ");
  if (ids(source) !== ids(translated)) {
    report(
      translated[0]?.at ?? fallback,
      `${kind} ids must be the source's, in order: expected [${ids(source)}], found [${ids(translated)}]`,
    );
    return;
  }
  source.forEach((s, index) => each(s, translated[index]!));
}

/** Attempt rules are settings, not words: a translation repeats the source's or leaves them out. */
function compareRules(
  kind: string,
  source: QuizDef | ScenarioDef,
  t: QuizDef | ScenarioDef,
  report: Report,
) {
  for (const [name, value] of Object.entries(t.rules) as [keyof RuleProps, unknown][]) {
    if (value !== null && value !== source.rules[name])
      report(
        t.at,
        `${kind} "${t.id}": ${name} must be the source's (${source.rules[name] ?? "none"})`,
      );
  }
}

function compareQuiz(source: QuizDef, t: QuizDef, report: Report) {
  if (source.passScore !== t.passScore)
    report(t.at, `Quiz "${t.id}": passScore must be the source's (${source.passScore ?? "none"})`);
  compareRules("Quiz", source, t, report);
  compareList("Question", source.questions, t.questions, t.at, report, (sq, tq) => {
    if (sq.type !== tq.type)
      report(tq.at, `Question "${tq.id}": type must be the source's ("${sq.type}")`);
    compareList(`Question "${tq.id}": option`, sq.options, tq.options, tq.at, report, (so, to) => {
      if (so.correct !== to.correct)
        report(
          to.at,
          `Option "${to.id}": must ${so.correct ? "be" : "not be"} correct, as in the source`,
        );
    });
  });
}

function compareScenario(source: ScenarioDef, t: ScenarioDef, report: Report) {
  if (source.start !== t.start)
    report(t.at, `Scenario "${t.id}": start must be the source's ("${source.start}")`);
  if (source.scoring !== t.scoring)
    report(t.at, `Scenario "${t.id}": scoring must be the source's ("${source.scoring}")`);
  if (source.passScore !== t.passScore)
    report(
      t.at,
      `Scenario "${t.id}": passScore must be the source's (${source.passScore ?? "none"})`,
    );
  compareRules("Scenario", source, t, report);
  compareList("Node", source.nodes, t.nodes, t.at, report, (sn, tn) => {
    // The speaker is a label people read ("Mira (customer)"): translated like any words.
    if (sn.mood !== tn.mood) report(tn.at, `Node "${tn.id}": mood must be the source's`);
    if (sn.choices.length !== tn.choices.length) {
      report(tn.at, `Node "${tn.id}": must have the source's ${sn.choices.length} replies`);
      return;
    }
    sn.choices.forEach((sc, index) => {
      const tc = tn.choices[index]!;
      if (sc.to !== tc.to || sc.score !== tc.score)
        report(
          tc.at,
          `Reply ${index + 1} of node "${tn.id}": must lead to "${sc.to}" with score ${sc.score} as in the source`,
        );
    });
  });
  compareList("Ending", source.endings, t.endings, t.at, report, (se, te) => {
    if (se.rating !== te.rating)
      report(te.at, `Ending "${te.id}": rating must be the source's ("${se.rating}")`);
    if (se.score !== te.score)
      report(te.at, `Ending "${te.id}": score must be the source's (${se.score ?? "none"})`);
  });
}

/** Every way the translation's structure differs from its source, as problems in its file. */
export function compareStructure(source: ModuleArtefact, t: TranslationArtefact): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (at, message) => problems.push({ file: t.file, ...at, message });
  const top = { line: 1, column: 1 };
  const hasStatement = Boolean(source.frontmatter?.attestation);
  if (t.meta && hasStatement !== Boolean(t.meta.attestation))
    report(
      top,
      hasStatement
        ? "The source has a policy statement (attestation): translate it"
        : "The source has no policy statement: remove attestation",
    );
  const shape = (list: { depth: number }[]) => list.map((s) => `h${s.depth}`).join(" ");
  if (shape(source.sections) !== shape(t.sections)) {
    const index = source.sections.findIndex((s, i) => t.sections[i]?.depth !== s.depth);
    report(
      t.headings[index === -1 ? source.sections.length : index] ?? top,
      `Headings must be the source's ${source.sections.length} (${shape(source.sections)}), in order; found ${t.sections.length} (${shape(t.sections)})`,
    );
  }
  compareList("Quiz", source.quizzes, t.quizzes, top, report, (s, q) => compareQuiz(s, q, report));
  compareList("Scenario", source.scenarios, t.scenarios, top, report, (s, x) =>
    compareScenario(s, x, report),
  );
  return problems;
}

export type TranslationState = {
  locale: string;
  status: TranslationStatus;
  /** The source version the translation was made from. */
  fromVersion: string | null;
  /** Source sections (ids; "_top" for title, summary and intro) changed since it was made. */
  changedSections: string[];
  problems: Problem[];
};

/** How a translation stands against the source as it is now. */
export function translationState(source: ModuleArtefact, t: TranslationArtefact): TranslationState {
  const fromVersion = t.meta?.source.version ?? null;
  const base = { locale: t.locale, fromVersion, changedSections: [] as string[] };
  const fm = source.frontmatter;
  if (!t.meta || !fm || !source.source || !t.tree)
    return { ...base, status: "broken", problems: t.problems };
  const made = t.meta.source;
  if (!made.hash) {
    const problem = {
      file: t.file,
      line: 1,
      column: 1,
      message: `Not stamped: run npm run content:stamp -- ${t.slug} ${t.locale}`,
    };
    return { ...base, status: "broken", problems: [...t.problems, problem] };
  }
  const current = made.hash === source.source.hash && made.version === fm.version;
  const structure = compareStructure(source, t);
  if (current) {
    const problems = [...t.problems, ...structure];
    return { ...base, status: problems.length ? "broken" : "current", problems };
  }
  const now = source.source.sections;
  const then = made.sections ?? {};
  const changedSections = Object.keys(now).filter((id) => now[id] !== then[id]);
  const sameMajor = parseVersion(made.version).major === parseVersion(fm.version).major;
  // A stale translation is served only while it still fits the source's structure exactly.
  const status =
    sameMajor && structure.length === 0 && t.problems.length === 0 ? "stale" : "outdated";
  return { ...base, status, changedSections, problems: t.problems };
}

/** A tree with each h2/h3 id replaced, in order, by the source's section ids. */
function withSourceIds(tree: TreeNode[], ids: string[]): TreeNode[] {
  let index = 0;
  const walk = (nodes: TreeNode[]): TreeNode[] =>
    nodes.map((node) => {
      if (typeof node === "string") return node;
      let p = node.p;
      if ((node.t === "h2" || node.t === "h3") && index < ids.length) {
        p = { ...p, id: ids[index] };
        index += 1;
      }
      return { ...node, ...(p ? { p } : {}), ...(node.c ? { c: walk(node.c) } : {}) };
    });
  return walk(tree);
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));

function localQuizzes(source: QuizDef[], translated: QuizDef[]): QuizDef[] {
  const quizzes = byId(translated);
  return source.map((quiz) => {
    const tq = quizzes.get(quiz.id);
    const questions = byId(tq?.questions ?? []);
    return {
      ...quiz,
      title: tq?.title ?? quiz.title,
      questions: quiz.questions.map((q) => {
        const tqq = questions.get(q.id);
        const options = byId(tqq?.options ?? []);
        return {
          ...q,
          prompt: tqq?.prompt ?? q.prompt,
          options: q.options.map((o) => {
            const to = options.get(o.id);
            return { ...o, text: to?.text ?? o.text, feedback: to?.feedback ?? o.feedback };
          }),
        };
      }),
    };
  });
}

function localScenarios(source: ScenarioDef[], translated: ScenarioDef[]): ScenarioDef[] {
  const scenarios = byId(translated);
  return source.map((scenario) => {
    const ts = scenarios.get(scenario.id);
    const nodes = byId(ts?.nodes ?? []);
    const endings = byId(ts?.endings ?? []);
    return {
      ...scenario,
      title: ts?.title ?? scenario.title,
      setting: ts?.setting ?? scenario.setting,
      nodes: scenario.nodes.map((n) => {
        const tn = nodes.get(n.id);
        return {
          ...n,
          speaker: tn?.speaker ?? n.speaker,
          line: tn?.line ?? n.line,
          choices: n.choices.map((c, index) => {
            const tc = tn?.choices[index];
            return { ...c, text: tc?.text ?? c.text, feedback: tc?.feedback ?? c.feedback };
          }),
        };
      }),
      endings: scenario.endings.map((e) => {
        const te = endings.get(e.id);
        return { ...e, title: te?.title ?? e.title, outcome: te?.outcome ?? e.outcome };
      }),
    };
  });
}

/**
 * The module in the translation's words: its text, section titles, questions, replies, feedback
 * and statement; every id, flag, score, link and setting stays the source's.
 */
export function localize<M extends ModuleArtefact>(source: M, t: TranslationArtefact): M {
  const fm = source.frontmatter!;
  const meta = t.meta!;
  const ids = source.sections.map((s) => s.id);
  return {
    ...source,
    frontmatter: {
      ...fm,
      title: meta.title,
      summary: meta.summary,
      ...(fm.attestation ? { attestation: meta.attestation ?? fm.attestation } : {}),
      ...(fm.changes
        ? {
            changes: Object.fromEntries(
              Object.entries(fm.changes).map(([v, text]) => [v, meta.changes?.[v] ?? text]),
            ),
          }
        : {}),
    },
    tree: withSourceIds(t.tree!, ids),
    sections: source.sections.map((s, index) => ({
      ...s,
      title: t.sections[index]?.title ?? s.title,
    })),
    quizzes: localQuizzes(source.quizzes, t.quizzes),
    scenarios: localScenarios(source.scenarios, t.scenarios),
  };
}

export { topSection };

/** What a learner asked for and what they are reading. */
export type ModuleLanguage = {
  requested: string;
  served: string;
  /** source: read in English by choice; missing: no translation yet. */
  status: "source" | "missing" | TranslationStatus;
  fromVersion: string | null;
  /** Source sections changed since the translation was made; title null for the title/intro. */
  changedSections: { id: string; title: string | null }[];
};

const localized = new Map<string, unknown>();

/**
 * The module for a reader of `locale`: the translation when it is current or stale (still the
 * source's structure), the English source otherwise, and which of these it is.
 */
export function inLanguage<M extends ModuleArtefact>(
  module: M,
  locale: string,
): M & { language: ModuleLanguage } {
  const none = { fromVersion: null, changedSections: [] };
  const t = locale === "en" ? undefined : module.translations.find((x) => x.locale === locale);
  if (!t) {
    const status = locale === "en" ? "source" : "missing";
    return { ...module, language: { requested: locale, served: "en", status, ...none } };
  }
  const key = `${module.slug}|${module.hash}|${t.hash}|${locale}`;
  const remembered = localized.get(key) as (M & { language: ModuleLanguage }) | undefined;
  if (remembered) return remembered;
  const state = translationState(module, t);
  const served = state.status === "current" || state.status === "stale";
  const titles = new Map(module.sections.map((s, i) => [s.id, t.sections[i]?.title ?? s.title]));
  const language: ModuleLanguage = {
    requested: locale,
    served: served ? locale : "en",
    status: state.status,
    fromVersion: state.fromVersion,
    changedSections: state.changedSections.map((id) => ({ id, title: titles.get(id) ?? null })),
  };
  const result = { ...(served ? localize(module, t) : module), language };
  if (localized.size > 500) localized.clear();
  localized.set(key, result);
  return result;
}
