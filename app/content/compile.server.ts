import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import type { Extraction } from "./extract.server";
import { remarkFrontline } from "./extract.server";
import type { Frontmatter } from "./frontmatter";
import { inEnglish } from "./english-errors";
import { FrontmatterSchema } from "./frontmatter";
import type { TreeNode } from "./tree";
import { treeFromCode } from "./tree.server";
import { sourceFingerprint, type SourceFingerprint } from "./source-fingerprint";
import type { TranslationMeta } from "./translation-frontmatter";
import { TranslationFrontmatterSchema } from "./translation-frontmatter";
import type { Position, Problem, QuizDef, ScenarioDef, Section } from "./types";
import { validateModuleIds, validateQuiz, validateScenario } from "./validate";

// Compiling one module folder into an artefact: public code for the browser, server-side quiz and
// scenario definitions, sections, and every problem found with its file:line:col.

export type ModuleArtefact = {
  slug: string;
  /** index.mdx relative to the content folder, e.g. "modules/handling-a-complaint/index.mdx". */
  file: string;
  hash: string;
  /** The English text's own fingerprint, which translations name as what they were made from. */
  source: SourceFingerprint | null;
  frontmatter: Frontmatter | null;
  /** The element tree mdx-bundler's output renders to; null when the MDX could not be compiled. */
  tree: TreeNode[] | null;
  sections: Section[];
  quizzes: QuizDef[];
  scenarios: ScenarioDef[];
  /** Translations beside index.mdx, each checked against this source. */
  translations: TranslationArtefact[];
  problems: Problem[];
};

export type TranslationArtefact = {
  slug: string;
  locale: string;
  file: string;
  hash: string;
  meta: TranslationMeta | null;
  tree: TreeNode[] | null;
  sections: Section[];
  headings: Position[];
  quizzes: QuizDef[];
  scenarios: ScenarioDef[];
  problems: Problem[];
};

// Bump when the artefact shape changes, so cached artefacts are rebuilt.
const artefactFormat = 2;
const mdxBundlerVersion = (
  createRequire(import.meta.url)("mdx-bundler/package.json") as { version: string }
).version;

let fingerprint: string | undefined;
/**
 * What compiled a module: mdx-bundler's version, the artefact format and, where the source is at
 * hand (development, tests, the build), a hash of this compiler's own files, so editing the
 * extractor invalidates every cached artefact.
 */
export function compilerVersion(): string {
  if (fingerprint === undefined) {
    const ownDir = path.resolve("app/content");
    const hash = createHash("sha256");
    if (existsSync(ownDir)) {
      for (const file of readdirSync(ownDir)
        .filter((f) => f.endsWith(".ts") && !f.includes(".test."))
        .sort()) {
        hash.update(file).update(readFileSync(path.join(ownDir, file)));
      }
    }
    fingerprint = `mdx-bundler@${mdxBundlerVersion}+frontline@${artefactFormat}+${hash.digest("hex").slice(0, 12)}`;
  }
  return fingerprint;
}

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const imageTypes: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
};
export const imageContentType = (file: string) => imageTypes[path.extname(file).toLowerCase()];

let compiles = 0;
/** How many times this process compiled MDX: production serves 0. */
export const compileCount = () => compiles;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
    )
    .sort();
}

const importPattern = /(?:from|import)\s+["'](\.{1,2}\/[^"']+)["']/g;

type LocalImport = { from: string; offset: number; specifier: string; target: string };

/**
 * Every local file the `start` files import, followed transitively, wherever they are (a module
 * may import `../../shared/part.mdx`): the files themselves included. `onImport` sees each import.
 */
function followImports(start: string[], onImport?: (found: LocalImport) => void): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file) || !statSync(file).isFile()) return;
    seen.add(file);
    if (!/\.(mdx?|[jt]sx?)$/.test(file)) return;
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(importPattern)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      onImport?.({ from: file, offset: match.index, specifier: match[1]!, target });
      visit(target);
    }
  };
  start.forEach(visit);
  return seen;
}

/** index.<locale>.mdx: a translation of the module, not part of its English source. */
export const translationFile = /^index\.([a-z]{2,3})\.mdx$/;

/**
 * The artefact's key: SHA-256 over the compiler version and every file the module (or one of its
 * translations, `entry`) is made of: its folder with images, less the other language files, and
 * whatever it imports from elsewhere.
 */
export function moduleHash(moduleDir: string, entry = "index.mdx"): string {
  const own = filesUnder(moduleDir).filter((file) => {
    const name = path.relative(moduleDir, file);
    return name === entry || (name !== "index.mdx" && !translationFile.test(name));
  });
  const files = followImports(own);
  const hash = createHash("sha256").update(compilerVersion());
  for (const file of [...files].sort()) {
    hash.update(`\0${path.relative(moduleDir, file)}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function frontmatterBlock(source: string): { yaml: string; firstLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  return match ? { yaml: match[1]!, firstLine: 2 } : null;
}

/** The line of `key:` at the top level of the frontmatter, for pointing at a bad field. */
function frontmatterLine(yaml: string, key: string | undefined): number {
  if (!key) return 1;
  const index = yaml.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`));
  return index === -1 ? 1 : index + 2;
}

function checkFrontmatter(source: string, file: string, problems: Problem[]): Frontmatter | null {
  return checkYamlFrontmatter(source, file, problems, FrontmatterSchema);
}

function checkTranslationFrontmatter(
  source: string,
  file: string,
  problems: Problem[],
): TranslationMeta | null {
  return checkYamlFrontmatter(source, file, problems, TranslationFrontmatterSchema);
}

function checkYamlFrontmatter<T>(
  source: string,
  file: string,
  problems: Problem[],
  schema: z.ZodType<T>,
): T | null {
  const block = frontmatterBlock(source);
  if (!block) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: "Missing frontmatter: start the file with --- and the module's title, version, …",
    });
    return null;
  }
  let data: unknown;
  try {
    data = parseYaml(block.yaml);
  } catch (error) {
    const line = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    problems.push({
      file,
      line: (line?.line ?? 0) + 1,
      column: line?.col ?? 1,
      message: `Frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
    });
    return null;
  }
  const result = schema.safeParse(data ?? {}, inEnglish);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key =
      issue.code === "unrecognized_keys" && issue.path.length === 0
        ? issue.keys[0]
        : String(issue.path[0] ?? "");
    const field = issue.path.join(".");
    const message =
      issue.code === "unrecognized_keys"
        ? `Unknown frontmatter field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${[...issue.path, k].join(".")}"`).join(", ")}`
        : issue.code === "invalid_type" && valueAt(data, issue.path) === undefined
          ? `Frontmatter needs "${field}"`
          : `Frontmatter "${field}" ${issue.message}`;
    problems.push({ file, line: frontmatterLine(block.yaml, key), column: 1, message });
  }
  return null;
}

function valueAt(data: unknown, at: PropertyKey[]): unknown {
  return at.reduce<unknown>(
    (value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key],
    data,
  );
}

/** <Figure src="./x.png">: the file must exist beside the module; the browser gets its URL. */
function remarkFigures(
  moduleDir: string,
  slug: string,
  report: (node: unknown, message: string) => void,
) {
  return () => (tree: Root) => {
    visit(tree, (node) => {
      if (
        (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") ||
        node.name !== "Figure"
      )
        return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      const src = element.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "src");
      if (!src || typeof src.value !== "string") return;
      const target = path.resolve(moduleDir, src.value);
      if (path.dirname(target) !== moduleDir || !imageContentType(target)) {
        report(
          node,
          `Figure src "${src.value}" must be an image file in the module's own folder (.png, .jpg, .gif, .webp, .svg)`,
        );
      } else if (!existsSync(target)) {
        report(node, `Figure src "${src.value}" does not exist`);
      } else {
        src.value = `/content/${slug}/${path.basename(target)}`;
      }
    });
  };
}

type EsbuildMessage = {
  text: string;
  location?: { file: string; line: number; column: number } | null;
};

/**
 * An MDX syntax error as a problem. @mdx-js/esbuild puts the real place in the text
 * ("…: Expected a closing tag for `<Callout>` (17:1-17:21)").
 */
function mdxProblem(
  message: EsbuildMessage,
  file: string,
  relative: (p: string) => string,
): Problem {
  const text = message.text.replace(/^Cannot process MDX file with esbuild:\s*/, "").trim();
  const range = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(text);
  const lead = /^(\d+):(\d+): /.exec(text);
  const place = range ?? lead;
  const loc = message.location;
  return {
    file: loc?.file ? relative(loc.file) : file,
    line: place ? Number(place[1]) : Math.max(1, loc?.line ?? 1),
    column: place ? Number(place[2]) : (loc?.column ?? 0) + 1,
    message: `MDX syntax: ${text.replace(/^\d+:\d+: /, "").replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, "")}`,
  };
}

type MdxResult = {
  tree: TreeNode[] | null;
  extraction: Extraction;
  problems: Problem[];
  renderError?: string;
};

/** Run one MDX file of a module folder through mdx-bundler with Frontline's plugins. */
async function compileMdx(contentDir: string, slug: string, entry: string): Promise<MdxResult> {
  const moduleDir = path.join(contentDir, "modules", slug);
  const entryPath = path.join(moduleDir, entry);
  const file = path.relative(contentDir, entryPath);
  const problems: Problem[] = [];
  const extraction: Extraction = {
    quizzes: [],
    scenarios: [],
    sections: [],
    headings: [],
    findings: [],
  };
  const relative = (p: string) => path.relative(contentDir, path.resolve(moduleDir, p));
  const reportAt = (node: unknown, message: string) => {
    const start = (node as { position?: { start: { line: number; column: number } } }).position
      ?.start;
    extraction.findings.push({
      file: entryPath,
      at: { line: start?.line ?? 1, column: start?.column ?? 1 },
      message,
    });
  };

  // Content is what trainers ship: an import from outside content/ would not travel with it.
  const root = path.resolve(contentDir);
  followImports([entryPath], ({ from, offset, specifier, target }) => {
    if (target === root || target.startsWith(root + path.sep)) return;
    const line = readFileSync(from, "utf8").slice(0, offset).split("\n").length;
    problems.push({
      file: path.relative(contentDir, from),
      line,
      column: 1,
      message: `Import "${specifier}" reaches outside content/: keep shared parts under content/ (content/shared/, say)`,
    });
  });
  if (problems.length) return { tree: null, extraction, problems };

  let tree: TreeNode[] | null = null;
  let renderError: string | undefined;
  compiles += 1;
  try {
    const result = await bundleMDX({
      file: entryPath,
      cwd: moduleDir,
      mdxOptions(options) {
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          [remarkFrontline, extraction],
          remarkFigures(moduleDir, slug, reportAt),
        ];
        return options;
      },
      esbuildOptions(options) {
        options.target = "es2020";
        options.logLevel = "silent";
        return options;
      },
    });
    try {
      tree = treeFromCode(result.code);
    } catch (error) {
      renderError = `MDX could not be rendered: ${(error as Error).message}`;
    }
  } catch (error) {
    const messages = (error as { errors?: EsbuildMessage[] }).errors ?? [{ text: String(error) }];
    for (const message of messages) problems.push(mdxProblem(message, file, relative));
  }
  for (const finding of extraction.findings) {
    problems.push({ file: relative(finding.file), ...finding.at, message: finding.message });
  }
  return { tree, extraction, problems, ...(renderError ? { renderError } : {}) };
}

function sortProblems(problems: Problem[]) {
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Compile one module folder. Never throws for a problem in the content: it reports it. */
export async function compileModule(contentDir: string, slug: string): Promise<ModuleArtefact> {
  const moduleDir = path.join(contentDir, "modules", slug);
  const indexPath = path.join(moduleDir, "index.mdx");
  const file = path.relative(contentDir, indexPath);
  const problems: Problem[] = [];
  const base = { slug, file, sections: [], quizzes: [], scenarios: [], translations: [] };
  if (!slugPattern.test(slug)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `Folder name "${slug}" must be lower-case letters, digits and hyphens`,
    });
  }
  if (!existsSync(indexPath)) {
    problems.push({ file, line: 1, column: 1, message: "Module folder has no index.mdx" });
    return { ...base, hash: "", source: null, frontmatter: null, tree: null, problems };
  }
  const hash = moduleHash(moduleDir);
  const text = readFileSync(indexPath, "utf8");
  const frontmatter = checkFrontmatter(text, file, problems);
  const {
    tree,
    extraction,
    problems: mdxProblems,
    renderError,
  } = await compileMdx(contentDir, slug, "index.mdx");
  problems.push(...mdxProblems);
  const findings = [
    ...extraction.quizzes.flatMap((q) => validateQuiz(q, frontmatter?.passScore ?? null)),
    ...extraction.scenarios.flatMap((s) => validateScenario(s)),
    ...validateModuleIds(extraction.quizzes, extraction.scenarios),
  ];
  for (const finding of findings) problems.push({ file, ...finding.at, message: finding.message });
  // Rendering fails after an unknown component, say: report the cause, not that consequence.
  if (renderError && problems.length === 0)
    problems.push({ file, line: 1, column: 1, message: renderError });
  sortProblems(problems);

  return {
    slug,
    file,
    hash,
    source: sourceFingerprint(text, extraction.sections),
    frontmatter,
    tree,
    sections: extraction.sections,
    quizzes: extraction.quizzes,
    scenarios: extraction.scenarios,
    translations: [],
    problems,
  };
}

/**
 * Compile one translation (index.<locale>.mdx) on its own: its frontmatter, MDX and components.
 * Whether it matches its English source is checked against the source (app/content/translation.ts).
 */
export async function compileTranslation(
  contentDir: string,
  slug: string,
  locale: string,
): Promise<TranslationArtefact> {
  const moduleDir = path.join(contentDir, "modules", slug);
  const entry = `index.${locale}.mdx`;
  const file = path.relative(contentDir, path.join(moduleDir, entry));
  const problems: Problem[] = [];
  const text = readFileSync(path.join(moduleDir, entry), "utf8");
  const meta = checkTranslationFrontmatter(text, file, problems);
  const {
    tree,
    extraction,
    problems: mdxProblems,
    renderError,
  } = await compileMdx(contentDir, slug, entry);
  problems.push(...mdxProblems);
  if (renderError && problems.length === 0)
    problems.push({ file, line: 1, column: 1, message: renderError });
  sortProblems(problems);
  return {
    slug,
    locale,
    file,
    hash: moduleHash(moduleDir, entry),
    meta,
    tree,
    sections: extraction.sections,
    headings: extraction.headings,
    quizzes: extraction.quizzes,
    scenarios: extraction.scenarios,
    problems,
  };
}

/** The translations beside a module's index.mdx, by locale: index.sl.mdx → "sl". */
export function translationLocales(contentDir: string, slug: string): string[] {
  const dir = path.join(contentDir, "modules", slug);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => translationFile.exec(name)?.[1])
    .filter((locale): locale is string => Boolean(locale))
    .sort();
}

/** The module folders under content/modules, in name order. */
export function moduleSlugs(contentDir: string): string[] {
  const dir = path.join(contentDir, "modules");
  if (!existsSync(dir)) return [];
  // A dot-folder is not a module: content:import stages a module there before its final rename.
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}
