import path from "node:path";
import { checkContent, formatProblem } from "~/content/check.server";
import { bestReplyBias } from "~/content/scenario-scoring";

// `npm run content:check [folder]`: validate the course (default content/) and print
// `path:line:col message` for each problem; exit 1 when there is any.
const dir = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? "content");
const label = path.relative(process.cwd(), dir) || ".";
const { modules, problems } = await checkContent(dir);
for (const problem of problems) console.log(formatProblem(label, problem));
// Warnings do not fail the check: where a role-play's best replies all stand (they are shown
// shuffled, but writing them in one place is worth a second look).
const ordinal = ["first", "second", "third", "fourth", "fifth"];
for (const module of modules) {
  for (const scenario of module.scenarios) {
    const bias = bestReplyBias(scenario);
    if (!bias) continue;
    const where = formatProblem(label, { file: module.file, ...scenario.at, message: "" });
    console.log(
      `${where}warning: role-play "${scenario.id}": the best reply is written ${ordinal[bias.position] ?? `number ${bias.position + 1}`} at ${bias.count} of ${bias.nodes} nodes; replies are shown shuffled, but vary where the best one is written`,
    );
  }
}
if (problems.length) {
  console.log(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${label}/`);
  process.exit(1);
}
console.log(`content ok: ${modules.length} modules in ${label}/`);
