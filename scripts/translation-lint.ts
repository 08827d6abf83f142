import path from "node:path";
import { formatProblem } from "~/content/check.server";
import { moduleSlugs } from "~/content/compile.server";
import { compileWithCache } from "~/content/store.server";
import { compareStructure } from "~/content/translation";

// `npx tsx scripts/translation-lint.ts <locale>`: a translator's check while writing, before the
// translation is stamped: each module's translation compiled and compared with its English
// structure, whatever source version it names.

const locale = process.argv[2];
if (!locale) {
  console.error("usage: npx tsx scripts/translation-lint.ts <locale>");
  process.exit(2);
}
const dir = path.resolve(process.env.CONTENT_DIR ?? "content");
let count = 0;
let checked = 0;
for (const slug of moduleSlugs(dir)) {
  const module = await compileWithCache(dir, slug);
  for (const t of module.translations.filter((x) => x.locale === locale)) {
    checked += 1;
    const problems = [...t.problems, ...(t.tree ? compareStructure(module, t) : [])];
    for (const p of problems) console.log(formatProblem("content", p));
    count += problems.length;
  }
}
console.log(`${checked} translation(s) in ${locale}: ${count} problem(s)`);
process.exit(count ? 1 : 0);
