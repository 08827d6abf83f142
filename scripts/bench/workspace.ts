import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { checkContent, formatProblem } from "~/content/check.server";
import type { ModuleArtefact } from "~/content/compile.server";
import { compilerVersion, translationLocales } from "~/content/compile.server";
import { stampTranslation } from "~/content/stamp.server";

// The benchmark's own corner of the tree (bench/.work, not committed): a course of as many modules
// as asked for, made from the real ones, a copy of the production build that serves it, and the
// SQLite database. The app under test is the normal production build; only its course differs.

export const benchDir = path.resolve("bench");
export const workDir = path.join(benchDir, ".work");
/** The folder the benchmarked server runs in: build/, content/ and prisma/ as in a checkout. */
export const serverDir = path.join(workDir, "app");
export const benchContentDir = path.join(serverDir, "content");
/**
 * The database to seed and bench when --database is not given: BENCH_DATABASE_URL, else
 * DATABASE_URL when it names a PostgreSQL server, else a SQLite file of the bench's own. A SQLite
 * DATABASE_URL is the app's own data and is never used.
 */
export const defaultDatabaseUrl =
  process.env.BENCH_DATABASE_URL ??
  (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")
    ? process.env.DATABASE_URL!
    : `file:${path.join(workDir, "bench.db")}`);
const metaFile = (databaseUrl: string) =>
  path.join(workDir, `seed-${/^postgres/.test(databaseUrl) ? "postgres" : "sqlite"}.json`);

export type SeedMeta = {
  databaseUrl: string;
  employees: number;
  modules: number;
  managers: { email: string; people: number }[];
  seededAt: string;
  seconds: number;
  rows: Record<string, number>;
};

export function writeSeedMeta(meta: SeedMeta) {
  mkdirSync(workDir, { recursive: true });
  writeFileSync(metaFile(meta.databaseUrl), JSON.stringify(meta, null, 2));
}

/** What `npm run bench:seed` last wrote to a database of this kind (SQLite or PostgreSQL). */
export function readSeedMeta(databaseUrl: string): SeedMeta | null {
  const file = metaFile(databaseUrl);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SeedMeta) : null;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** The frontmatter's title with the copy's number after it, inside the quotes if it has them. */
const numberedTitle = (text: string, i: number) =>
  text.replace(/^title: (.*)$/m, (_, title: string) =>
    /^".*"$/.test(title)
      ? `title: ${title.slice(0, -1)} ${twoDigits(i)}"`
      : `title: ${title} ${twoDigits(i)}`,
  );

/**
 * A course of `count` modules: the published modules of content/ taken in turn, each copy with its
 * own slug, title and place in the course, plus the service standards.
 */
export async function writeBenchContent(count: number, sourceDir = path.resolve("content")) {
  rmSync(benchContentDir, { recursive: true, force: true });
  const modulesDir = path.join(sourceDir, "modules");
  const sources = readdirSync(modulesDir)
    .filter((slug) => existsSync(path.join(modulesDir, slug, "index.mdx")))
    .sort()
    .map((slug) => ({ slug, text: readFileSync(path.join(modulesDir, slug, "index.mdx"), "utf8") }))
    .filter((m) => !/^draft:\s*true\s*$/m.test(m.text));
  if (!sources.length) throw new Error(`no published modules in ${modulesDir}`);
  for (let i = 1; i <= count; i++) {
    const source = sources[(i - 1) % sources.length]!;
    const slug = `${source.slug}-${twoDigits(i)}`;
    const text = numberedTitle(source.text, i).replace(/^order: .*$/m, `order: ${i}`);
    const moduleDir = path.join(benchContentDir, "modules", slug);
    mkdirSync(moduleDir, { recursive: true });
    writeFileSync(path.join(moduleDir, "index.mdx"), text);
    // Its translations, titled the same way and stamped against this copy, so the bench serves
    // them as current (the Slovenian module page is measured against the English one).
    for (const locale of translationLocales(sourceDir, source.slug)) {
      const translated = numberedTitle(
        readFileSync(path.join(modulesDir, source.slug, `index.${locale}.mdx`), "utf8"),
        i,
      );
      writeFileSync(path.join(moduleDir, `index.${locale}.mdx`), translated);
      const stamped = await stampTranslation(benchContentDir, slug, locale);
      if ("error" in stamped) throw new Error(stamped.error);
    }
  }
  cpSync(path.join(sourceDir, "standards.yaml"), path.join(benchContentDir, "standards.yaml"));
}

/** Compile the bench course (cached per module like the dev server) and check it. */
export async function compileBenchContent(): Promise<ModuleArtefact[]> {
  const { modules, problems } = await checkContent(benchContentDir);
  if (problems.length) {
    const lines = problems.map((p) => formatProblem(benchContentDir, p));
    throw new Error(`the bench course has problems:\n${lines.join("\n")}`);
  }
  return modules;
}

/**
 * Copy the production build (npm run build) into the server folder and give it the bench
 * course's compiled modules, exactly as `npm run build` writes them for the real course.
 */
export function prepareServerDir(modules: ModuleArtefact[]) {
  const build = path.resolve("build");
  if (!existsSync(path.join(build, "server.js"))) throw new Error("no build: run npm run build");
  const target = path.join(serverDir, "build");
  rmSync(target, { recursive: true, force: true });
  for (const part of ["server.js", "server", "client"]) {
    cpSync(path.join(build, part), path.join(target, part), { recursive: true });
  }
  mkdirSync(path.join(target, "content"), { recursive: true });
  writeFileSync(
    path.join(target, "content", "modules.json"),
    JSON.stringify({ compilerVersion: compilerVersion(), modules }),
  );
  rmSync(path.join(serverDir, "prisma"), { recursive: true, force: true });
  cpSync(path.resolve("prisma"), path.join(serverDir, "prisma"), { recursive: true });
}
