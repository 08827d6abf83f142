import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCatalogues, readCatalogues } from "./i18n/catalogues";
import { scanTree } from "./i18n/source";

// `npm run i18n:check`: every catalogue complete in every language, every key the code names
// present, no text a person reads written outside the catalogues. Part of `npm test`.

const root = fileURLToPath(new URL("..", import.meta.url));
const catalogues = readCatalogues(join(root, "app/locales"));
const problems = [
  ...checkCatalogues(catalogues),
  ...scanTree(join(root, "app"), catalogues, root).map(
    (f) => `${f.file}:${f.line}:${f.column} ${f.message}`,
  ),
];
const only = process.argv[2];
const shown = only ? problems.filter((p) => p.includes(only)) : problems;
for (const problem of shown) console.log(problem);
if (problems.length) {
  console.log(`\n${problems.length} i18n problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log("i18n: catalogues complete, no hard-coded text");
