import type { Heading, Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { inEnglish } from "./english-errors";
import type { ComponentName, PropsOf } from "./props";
import { componentNames, componentProps, isComponentName, requiredParent } from "./props";
import type {
  ChoiceDef,
  EndingDef,
  NodeDef,
  OptionDef,
  Position,
  QuestionDef,
  QuizDef,
  ScenarioDef,
  Section,
} from "./types";

// A remark plugin run inside mdx-bundler's compile. It checks every component and its props,
// lifts quizzes and scenarios out of the tree into server-side definitions, and leaves a
// <QuizSlot id> / <ScenarioSlot id> in their place, so the compiled code that goes to the
// browser carries no answer, score or feedback. See docs/decisions/005-answers-stripped.md.

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export type Extraction = {
  quizzes: QuizDef[];
  scenarios: ScenarioDef[];
  sections: Section[];
  /** Where each section's heading is, in the same order as `sections`. */
  headings: Position[];
  findings: { file: string; at: Position; message: string }[];
};

// Plain HTML that MDX would pass through but authors have no business embedding.
const forbiddenHtml = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "form",
  "input",
  "link",
  "meta",
]);

function at(node: { position?: { start: { line: number; column: number } } }): Position {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function isJsx(node: unknown): node is JsxElement {
  const type = (node as { type?: string }).type;
  return type === "mdxJsxFlowElement" || type === "mdxJsxTextElement";
}

/** The plain text of a node, paragraphs separated by blank lines. */
export function plainText(node: unknown): string {
  const n = node as { type?: string; value?: string; children?: unknown[] };
  // A line break inside a paragraph is a soft break in Markdown: it reads as a space.
  if (n.type === "text" || n.type === "inlineCode")
    return (n.value ?? "").replace(/[ \t]*\r?\n[ \t]*/g, " ");
  if (n.type === "break") return "\n";
  if (!n.children) return "";
  const separator = n.type === "root" || isJsx(n) ? "\n\n" : "";
  return n.children
    .map(plainText)
    .filter((s) => s !== "")
    .join(separator)
    .trim();
}

export function slugify(text: string) {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}

export function remarkFrontline(extraction: Extraction) {
  return (tree: Root, file: VFile) => {
    const path = file.path;
    const report = (
      node: { position?: { start: { line: number; column: number } } },
      message: string,
    ) => extraction.findings.push({ file: path, at: at(node), message });

    function props<N extends ComponentName>(name: N, element: JsxElement): PropsOf<N> | null {
      const raw: Record<string, unknown> = {};
      for (const attribute of element.attributes) {
        if (attribute.type !== "mdxJsxAttribute") {
          report(element, `<${name}> cannot take spread props ({...})`);
          return null;
        }
        const value = attributeValue(attribute);
        if (value instanceof Error) {
          report(element, `Prop "${attribute.name}" on <${name}>: ${value.message}`);
          return null;
        }
        raw[attribute.name] = value;
      }
      const result = componentProps[name].strict().safeParse(raw, inEnglish);
      if (result.success) return result.data as PropsOf<N>;
      for (const issue of result.error.issues) {
        const prop = String(issue.path[0] ?? "");
        const message =
          issue.code === "unrecognized_keys"
            ? `Unknown prop${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} on <${name}>`
            : raw[prop] === undefined
              ? `<${name}> needs the prop "${prop}"`
              : `Prop "${prop}" on <${name}> ${issue.message}`;
        report(element, message);
      }
      return null;
    }

    function children(element: { children: unknown[] }, name: ComponentName): JsxElement[] {
      const found: JsxElement[] = [];
      for (const child of element.children as RootContent[]) {
        // Flow children written on one line end up inside a paragraph: they count too.
        const candidates: unknown[] = child.type === "paragraph" ? child.children : [child];
        for (const c of candidates) if (isJsx(c) && c.name === name) found.push(c);
      }
      return found;
    }

    function strayChildren(
      element: { children: unknown[] },
      allowed: ComponentName[],
      owner: string,
      allowText: boolean,
    ) {
      for (const child of element.children as RootContent[]) {
        const nested = child.type === "paragraph" ? child.children : [child];
        for (const c of nested) {
          if (isJsx(c) && c.name && !allowed.includes(c.name as ComponentName)) {
            report(
              c,
              `<${c.name}> cannot be inside <${owner}>; expected ${allowed.map((a) => `<${a}>`).join(" or ")}`,
            );
          } else if (!allowText && !isJsx(c) && plainText(c).trim() !== "") {
            report(
              c,
              `Text directly inside <${owner}> is ignored; put it in ${allowed.map((a) => `<${a}>`).join(" or ")}`,
            );
          }
        }
      }
    }

    function quiz(element: JsxElement): QuizDef | null {
      const p = props("Quiz", element);
      strayChildren(element, ["Question"], "Quiz", false);
      const questions = children(element, "Question").flatMap((q): QuestionDef[] => {
        const qp = props("Question", q);
        strayChildren(q, ["Option"], "Question", false);
        const options = children(q, "Option").flatMap((o): OptionDef[] => {
          const op = props("Option", o);
          return op
            ? [
                {
                  id: op.id,
                  correct: op.correct,
                  feedback: op.feedback,
                  text: plainText(o),
                  at: at(o),
                },
              ]
            : [];
        });
        return qp ? [{ id: qp.id, type: qp.type, prompt: qp.prompt, options, at: at(q) }] : [];
      });
      return p
        ? {
            id: p.id,
            title: p.title ?? "Check your understanding",
            passScore: p.passScore ?? null,
            rules: rulesOf(p),
            questions,
            at: at(element),
          }
        : null;
    }

    function scenario(element: JsxElement): ScenarioDef | null {
      const p = props("Scenario", element);
      strayChildren(element, ["Node", "Ending"], "Scenario", false);
      const nodes = children(element, "Node").flatMap((n): NodeDef[] => {
        const np = props("Node", n);
        strayChildren(n, ["Choice"], "Node", true);
        const choices = children(n, "Choice").flatMap((c): ChoiceDef[] => {
          const cp = props("Choice", c);
          return cp
            ? [
                {
                  to: cp.to,
                  score: cp.score,
                  feedback: cp.feedback ?? "",
                  text: plainText(c),
                  at: at(c),
                },
              ]
            : [];
        });
        const line = plainText({
          type: "root",
          children: withoutChoices(n.children as RootContent[]),
        });
        if (np && !line)
          report(n, `Node "${np.id}" has no customer line: write what the customer says inside it`);
        return np
          ? [{ id: np.id, speaker: np.speaker, mood: np.mood, line, choices, at: at(n) }]
          : [];
      });
      const endings = children(element, "Ending").flatMap((e): EndingDef[] => {
        const ep = props("Ending", e);
        return ep
          ? [
              {
                id: ep.id,
                title: ep.title,
                rating: ep.rating,
                outcome: plainText(e),
                score: ep.score ?? null,
                at: at(e),
              },
            ]
          : [];
      });
      return p
        ? {
            id: p.id,
            title: p.title,
            setting: p.setting ?? "",
            start: p.start,
            scoring: p.scoring,
            passScore: p.passScore ?? null,
            rules: rulesOf(p),
            nodes,
            endings,
            at: at(element),
          }
        : null;
    }

    function slot(kind: "QuizSlot" | "ScenarioSlot", id: string, original: JsxElement): JsxElement {
      return {
        type: original.type,
        name: kind,
        attributes: [{ type: "mdxJsxAttribute", name: "id", value: id }],
        children: [],
        position: original.position,
      } as JsxElement;
    }

    const importedParts = new Set<string>();
    const usedSectionIds = new Map<string, number>();
    visit(tree, (node, index, parent) => {
      if (node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
        const title = plainText(node);
        let id = slugify(title);
        const seen = usedSectionIds.get(id) ?? 0;
        usedSectionIds.set(id, seen + 1);
        if (seen) id = `${id}-${seen + 1}`;
        extraction.sections.push({ id, title, depth: node.depth });
        extraction.headings.push(at(node));
        (node as Heading).data = { ...node.data, hProperties: { id } };
        return;
      }
      if ((node as { type: string }).type === "mdxjsEsm") {
        const esm = (node as unknown as { value: string }).value;
        const imports = [...esm.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]!);
        for (const source of imports) {
          if (!/^\.\.?\//.test(source) || !source.endsWith(".mdx")) {
            report(node, `Only local .mdx files can be imported ("./part.mdx"), not "${source}"`);
          }
        }
        // `import Part from "./part.mdx"`: <Part /> is that file's text, not an unknown component.
        for (const m of esm.matchAll(
          /import\s+([A-Z][A-Za-z0-9]*)\s+from\s+["']\.\.?\/[^"']+\.mdx["']/g,
        ))
          importedParts.add(m[1]!);
        if (/^\s*export\s/m.test(esm)) report(node, "Modules cannot export code");
        return;
      }
      if (!isJsx(node) || !node.name) return;
      const name = node.name;
      if (/^[a-z]/.test(name)) {
        if (forbiddenHtml.has(name)) report(node, `<${name}> is not allowed in course content`);
        return;
      }
      if (importedParts.has(name)) return SKIP;
      if (!isComponentName(name)) {
        report(
          node,
          `Unknown component <${name}>. Use one of: ${componentNames.map((n) => `<${n}>`).join(", ")}`,
        );
        return SKIP;
      }
      const parentName = parent && isJsx(parent) ? parent.name : undefined;
      const needs = requiredParent[name];
      if (needs && parentName !== needs) {
        // Option/Choice inside a paragraph of their parent are fine; anything else is misplaced.
        const grand = parent && parent.type === "paragraph" ? findParent(tree, parent) : undefined;
        if (!(grand && isJsx(grand) && grand.name === needs)) {
          report(node, `<${name}> must be inside <${needs}>`);
          return SKIP;
        }
      }
      if (name === "Quiz" || name === "Scenario") {
        const def = name === "Quiz" ? quiz(node) : scenario(node);
        if (def) {
          if (name === "Quiz") extraction.quizzes.push(def as QuizDef);
          else extraction.scenarios.push(def as ScenarioDef);
        }
        if (parent && index !== undefined) {
          (parent.children as unknown[])[index] = slot(
            name === "Quiz" ? "QuizSlot" : "ScenarioSlot",
            def?.id ?? "invalid",
            node,
          );
        }
        return SKIP;
      }
      if (!needs || name === "Step") props(name, node);
      return;
    });
  };
}

/** A node's own text: its children minus the <Choice>s, also where they share a paragraph. */
function withoutChoices(children: RootContent[]): RootContent[] {
  const isChoice = (c: unknown) => isJsx(c) && c.name === "Choice";
  return children
    .filter((c) => !isChoice(c))
    .map((c) =>
      c.type === "paragraph" ? { ...c, children: c.children.filter((x) => !isChoice(x)) } : c,
    );
}

function findParent(tree: Root, target: unknown): unknown {
  let found: unknown;
  visit(tree, (node) => {
    if ("children" in node && (node.children as unknown[]).includes(target)) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}

/** A prop's literal value: a string, `true` for a bare prop, or a JSON literal in braces. */
function attributeValue(attribute: MdxJsxAttribute): unknown {
  const value = attribute.value;
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value;
  try {
    return JSON.parse(value.value.trim());
  } catch {
    return new Error(`must be a plain value such as "text", {3} or {true}, not {${value.value}}`);
  }
}

function rulesOf(p: { maxAttempts?: number; waitMinutes?: number; showAnswers?: boolean }) {
  return {
    maxAttempts: p.maxAttempts ?? null,
    waitMinutes: p.waitMinutes ?? null,
    showAnswers: p.showAnswers ?? null,
  };
}
