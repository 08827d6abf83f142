import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { hasKey, type Catalogues } from "./catalogues";

// Scanning the app's source for text: every message key it names must exist in English, and no
// words a person reads may be written into JSX instead of a catalogue. A line that must keep its
// literal text (a brand name, a code sample) says why in a comment containing "i18n-ignore".

export const namespacePattern = "common|forms|auth|training|team|studio|admin|email|content";
const qualified = new RegExp(`^(${namespacePattern}):([A-Za-z0-9_.-]+)$`);
const errorWithValues = new RegExp(`^(${namespacePattern}):([A-Za-z0-9_.-]+)\\|\\{`);

/** Attributes whose value a person reads or hears. */
const readAttributes = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "hint",
  "summary",
  "description",
  "caption",
  "heading",
  "legend",
  "emptyText",
  "confirm",
]);

const allowedLiterals = new Set(["Frontline"]);
const hasWords = /\p{L}{2,}/u;

export type Finding = { file: string; line: number; column: number; message: string };

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === "generated" || name === "locales") continue;
      out.push(...sourceFiles(path));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts")) {
      out.push(path);
    }
  }
  return out;
}

function declaredNamespaces(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/useTranslation\(\s*["'](\w+)["']/g)) found.add(m[1]!);
  for (const m of text.matchAll(/fixedT\([^,()]+,\s*["'](\w+)["']/g)) found.add(m[1]!);
  return [...found];
}

export function scanSource(
  file: string,
  text: string,
  catalogues: Catalogues,
  root = "",
): Finding[] {
  const findings: Finding[] = [];
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lines = text.split("\n");
  const namespaces = declaredNamespaces(text);
  const name = root ? relative(root, file) : file;
  const report = (node: ts.Node, message: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    const here = lines[line] ?? "";
    const before = lines[line - 1] ?? "";
    if (here.includes("i18n-ignore") || before.includes("i18n-ignore")) return;
    findings.push({ file: name, line: line + 1, column: character + 1, message });
  };

  const checkKey = (node: ts.Node, raw: string, allowUnqualified: boolean) => {
    const match = qualified.exec(raw);
    let ns: string;
    let key: string;
    if (match) [ns, key] = [match[1]!, match[2]!];
    else if (!allowUnqualified) return;
    else if (namespaces.length > 1) {
      report(node, `Key "${raw}" needs its namespace ("ns:key"): this file uses several`);
      return;
    } else [ns, key] = [namespaces[0] ?? "common", raw];
    if (key.endsWith(".")) {
      if (!hasKey(catalogues, ns, key.slice(0, -1)))
        report(node, `No English messages under "${ns}:${key}"`);
    } else if (!hasKey(catalogues, ns, key)) {
      report(node, `Missing message "${ns}:${key}" in app/locales/en/${ns}.json`);
    }
  };

  const isTranslateCall = (call: ts.CallExpression) => {
    const callee = call.expression;
    if (ts.isIdentifier(callee)) return callee.text === "t";
    if (ts.isPropertyAccessExpression(callee)) return callee.name.text === "t";
    return false;
  };

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments[0]) {
      const arg = node.arguments[0];
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
        checkKey(arg, arg.text, true);
      } else if (ts.isTemplateExpression(arg)) {
        checkKey(arg, arg.head.text, true);
      }
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const isCallArg =
        parent &&
        ts.isCallExpression(parent) &&
        isTranslateCall(parent) &&
        parent.arguments[0] === node;
      if (!isCallArg) {
        if (qualified.test(node.text)) checkKey(node, node.text, false);
        else {
          const withValues = errorWithValues.exec(node.text);
          if (withValues) checkKey(node, `${withValues[1]}:${withValues[2]}`, false);
        }
      }
      if (
        parent &&
        ts.isJsxExpression(parent) &&
        parent.parent &&
        (ts.isJsxElement(parent.parent) || ts.isJsxFragment(parent.parent)) &&
        hasWords.test(node.text) &&
        !allowedLiterals.has(node.text.trim())
      )
        report(node, `Text "${node.text.trim().slice(0, 40)}" belongs in a catalogue`);
    } else if (ts.isJsxText(node)) {
      const words = node.text.trim();
      if (hasWords.test(words) && !allowedLiterals.has(words))
        report(node, `Text "${words.replace(/\s+/g, " ").slice(0, 40)}" belongs in a catalogue`);
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const attribute = node.name.getText(source);
      const value = ts.isStringLiteral(node.initializer)
        ? node.initializer
        : ts.isJsxExpression(node.initializer) &&
            node.initializer.expression &&
            (ts.isStringLiteral(node.initializer.expression) ||
              ts.isNoSubstitutionTemplateLiteral(node.initializer.expression))
          ? node.initializer.expression
          : null;
      if (
        value &&
        readAttributes.has(attribute) &&
        hasWords.test(value.text) &&
        !allowedLiterals.has(value.text)
      )
        report(value, `${attribute}="${value.text.slice(0, 40)}" belongs in a catalogue`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

export function scanTree(dir: string, catalogues: Catalogues, root = ""): Finding[] {
  return sourceFiles(dir).flatMap((file) =>
    scanSource(file, readFileSync(file, "utf8"), catalogues, root),
  );
}
