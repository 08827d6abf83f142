import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileWithCache } from "./store.server";

// Recording in a translation's frontmatter which English text it was made from (version, hash, a
// hash per section): `npm run content:stamp`, after a translator has brought it up to date.

/** Stamp index.<locale>.mdx from the source as it is now; returns the version, or an error. */
export async function stampTranslation(
  dir: string,
  slug: string,
  locale: string,
): Promise<{ version: string } | { error: string }> {
  const module = await compileWithCache(dir, slug);
  if (!module.frontmatter || !module.source)
    return { error: `${slug}: the English module has problems; run npm run content:check` };
  const file = path.join(dir, "modules", slug, `index.${locale}.mdx`);
  const text = readFileSync(file, "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return { error: `${file}: no frontmatter` };
  // Drop any earlier `source:` block (the key and its indented lines), then write the new one.
  const kept: string[] = [];
  let inSource = false;
  for (const line of match[1]!.split(/\r?\n/)) {
    if (/^source:/.test(line)) inSource = true;
    else if (inSource && /^\S/.test(line)) inSource = false;
    if (!inSource) kept.push(line);
  }
  const block = [
    "source:",
    `  version: "${module.frontmatter.version}"`,
    `  hash: "${module.source.hash}"`,
    "  sections:",
    ...Object.entries(module.source.sections).map(([id, hash]) => `    ${id}: "${hash}"`),
  ];
  writeFileSync(file, `---\n${[...kept, ...block].join("\n")}\n---${text.slice(match[0].length)}`);
  return { version: module.frontmatter.version };
}

/** Whether a translation's frontmatter has a stamp at all. */
export function isStamped(dir: string, slug: string, locale: string): boolean {
  const text = readFileSync(path.join(dir, "modules", slug, `index.${locale}.mdx`), "utf8");
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  return /^\s+hash:/m.test(frontmatter);
}
