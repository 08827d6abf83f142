import path from "node:path";
import { checkContent, formatProblem } from "~/content/check.server";
import { builtContentPath, writeBuiltContent } from "~/content/store.server";

// Part of `npm run build`: compile every module once into build/content/modules.json, which is all
// production serves. A course with problems fails the build.
const dir = path.resolve(process.env.CONTENT_DIR ?? "content");
const { modules, problems } = await checkContent(dir);
if (problems.length) {
  for (const problem of problems)
    console.error(formatProblem(path.relative(process.cwd(), dir), problem));
  console.error(`\nbuild:content failed: ${problems.length} problem(s); run npm run content:check`);
  process.exit(1);
}
writeBuiltContent(modules);
console.log(
  `built ${modules.length} modules into ${path.relative(process.cwd(), builtContentPath())}`,
);
