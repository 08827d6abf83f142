import path from "node:path";
import { checkContent, formatProblem } from "~/content/check.server";
import { contentWarnings } from "~/content/giveaways";

// `npm run content:check [folder]`: validate the course (default content/) and print
// `path:line:col message` for each problem; exit 1 when there is any.
const dir = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? "content");
const label = path.relative(process.cwd(), dir) || ".";
const { modules, problems } = await checkContent(dir);
for (const problem of problems) console.log(formatProblem(label, problem));
// Warnings do not fail the check: patterns that give answers away (~/content/giveaways).
for (const warning of contentWarnings(modules)) console.log(formatProblem(label, warning));
if (problems.length) {
  console.log(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${label}/`);
  process.exit(1);
}
console.log(`content ok: ${modules.length} modules in ${label}/`);
