import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { importH5P } from "~/content/h5p/import.server";
import { limits } from "~/content/h5p/package.server";

// `npm run content:import -- <file.h5p> [--slug x]`: bring an H5P Branching Scenario into the
// course as a draft module (docs/authoring.md, "Importing from H5P"). Prints what it could not
// bring over; exits 1 and writes nothing when the package cannot be imported.

const args = process.argv.slice(2);
const slugAt = args.indexOf("--slug");
const slug = slugAt === -1 ? undefined : args[slugAt + 1];
const file = args.find((a, i) => !a.startsWith("--") && (slugAt === -1 || i !== slugAt + 1));
if (!file || (slugAt !== -1 && !slug)) {
  console.error("usage: npm run content:import -- <file.h5p> [--slug module-slug]");
  process.exit(2);
}

const dir = path.resolve(process.env.CONTENT_DIR ?? "content");
let bytes: Uint8Array;
try {
  if (statSync(file).size > limits.packageBytes)
    throw new Error(`larger than ${limits.packageBytes / 1048576} MiB`);
  bytes = readFileSync(file);
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}

const result = await importH5P(bytes, dir, { slug });
if (!result.ok) {
  console.error(`Not imported: ${result.error}`);
  for (const p of result.problems ?? []) console.error(`  ${p.line}:${p.column} ${p.message}`);
  process.exit(1);
}
const relative = path.relative(process.cwd(), result.folder);
const where = relative.startsWith("..") ? result.folder : relative;
console.log(
  `Imported ${file} as ${where}/ (scoring="${result.scoring}", a draft until you publish it)`,
);
if (result.warnings.length) {
  console.log(`\nWhat Frontline could not bring over as it was (${result.warnings.length}):`);
  for (const w of result.warnings) console.log(`  ${w.h5pId}: ${w.message}`);
}
console.log(`\nNext: read it in /studio/${result.slug}, then run npm run content:check.`);
