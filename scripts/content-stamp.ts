import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { moduleSlugs, translationLocales } from "~/content/compile.server";
import { compileWithCache } from "~/content/store.server";

// `npm run content:stamp -- <slug> <locale>`: record in a translation's frontmatter which English
// text it was made from (version, hash, a hash per section), after a translator has brought it up
// to date. `--unstamped` stamps every translation that has no hash yet. See docs/authoring.md.

const dir = path.resolve(process.env.CONTENT_DIR ?? "content");
const [first, second] = process.argv.slice(2);

async function stamp(slug: string, locale: string) {
  const module = await compileWithCache(dir, slug);
  if (!module.frontmatter || !module.source) {
    console.error(`${slug}: the English module has problems; run npm run content:check`);
    process.exitCode = 1;
    return;
  }
  const file = path.join(dir, "modules", slug, `index.${locale}.mdx`);
  const text = readFileSync(file, "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) {
    console.error(`${path.relative(process.cwd(), file)}: no frontmatter`);
    process.exitCode = 1;
    return;
  }
  // Drop any earlier `source:` block (the key and its indented lines), then write the new one.
  const kept: string[] = [];
  let inSource = false;
  for (const line of match[1]!.split(/\r?\n/)) {
    if (/^source:/.test(line)) inSource = true;
    else if (inSource && /^\S/.test(line)) inSource = false;
    if (!inSource) kept.push(line);
  }
  const sections = Object.entries(module.source.sections).map(
    ([id, hash]) => `    ${id}: "${hash}"`,
  );
  const block = [
    "source:",
    `  version: "${module.frontmatter.version}"`,
    `  hash: "${module.source.hash}"`,
    "  sections:",
    ...sections,
  ];
  writeFileSync(file, `---\n${[...kept, ...block].join("\n")}\n---${text.slice(match[0].length)}`);
  console.log(
    `stamped ${path.relative(process.cwd(), file)} from ${slug}@${module.frontmatter.version}`,
  );
}

if (first === "--unstamped") {
  for (const slug of moduleSlugs(dir))
    for (const locale of translationLocales(dir, slug)) {
      const text = readFileSync(path.join(dir, "modules", slug, `index.${locale}.mdx`), "utf8");
      if (!/^\s+hash:/m.test(text.split(/\n---/)[0] ?? "")) await stamp(slug, locale);
    }
} else if (first && second) {
  await stamp(first, second);
} else {
  console.error("usage: npm run content:stamp -- <slug> <locale> | --unstamped");
  process.exit(2);
}
