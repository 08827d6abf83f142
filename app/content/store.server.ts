import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, isProduction } from "~/env.server";
import type { ModuleArtefact } from "./compile.server";
import { compileModule, compilerVersion, moduleHash, moduleSlugs } from "./compile.server";

// Where compiled modules come from. Production reads the artefacts `npm run build` wrote and never
// compiles; development and tests compile on demand, one module at a time, and only a module
// whose files changed.

export const builtContentPath = () => path.resolve("build/content/modules.json");
const cacheDir = () => path.resolve("node_modules/.cache/frontline-content");
export const contentDir = () => path.resolve(env().CONTENT_DIR);

type BuiltContent = { compilerVersion: string; modules: ModuleArtefact[] };

let built: Map<string, ModuleArtefact> | undefined;

function loadBuilt(): Map<string, ModuleArtefact> {
  if (!built) {
    const file = builtContentPath();
    const content: BuiltContent = existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")) as BuiltContent)
      : { compilerVersion: "", modules: [] };
    built = new Map(content.modules.map((m) => [m.slug, m]));
  }
  return built;
}

const live = new Map<string, ModuleArtefact>();
// esbuild runs out of memory when several MDX compiles run at once: queue them.
let queue: Promise<unknown> = Promise.resolve();

function cachedOnDisk(slug: string, hash: string): ModuleArtefact | null {
  const file = path.join(cacheDir(), `${slug}-${hash}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ModuleArtefact) : null;
}

function saveToDisk(artefact: ModuleArtefact) {
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(
    path.join(cacheDir(), `${artefact.slug}-${artefact.hash}.json`),
    JSON.stringify(artefact),
  );
}

/** The module compiled from its current files: from memory or disk when unchanged. */
export function compileWithCache(dir: string, slug: string): Promise<ModuleArtefact> {
  const moduleDir = path.join(dir, "modules", slug);
  const hash = existsSync(path.join(moduleDir, "index.mdx")) ? moduleHash(moduleDir) : "";
  const key = `${dir}\0${slug}`;
  const inMemory = live.get(key);
  if (inMemory && inMemory.hash === hash) return Promise.resolve(inMemory);
  const onDisk = hash ? cachedOnDisk(slug, hash) : null;
  if (onDisk) {
    live.set(key, onDisk);
    return Promise.resolve(onDisk);
  }
  const job = queue.then(async () => {
    const artefact = await compileModule(dir, slug);
    live.set(key, artefact);
    if (artefact.hash) saveToDisk(artefact);
    return artefact;
  });
  queue = job.catch(() => undefined);
  return job;
}

export async function getModuleArtefact(slug: string): Promise<ModuleArtefact | null> {
  if (isProduction()) return loadBuilt().get(slug) ?? null;
  const dir = contentDir();
  if (!moduleSlugs(dir).includes(slug)) return null;
  return compileWithCache(dir, slug);
}

export async function listModuleArtefacts(): Promise<ModuleArtefact[]> {
  if (isProduction()) return [...loadBuilt().values()];
  const dir = contentDir();
  const artefacts: ModuleArtefact[] = [];
  for (const slug of moduleSlugs(dir)) artefacts.push(await compileWithCache(dir, slug));
  return artefacts;
}

export function writeBuiltContent(modules: ModuleArtefact[]) {
  const file = builtContentPath();
  mkdirSync(path.dirname(file), { recursive: true });
  const content: BuiltContent = { compilerVersion: compilerVersion(), modules };
  writeFileSync(file, JSON.stringify(content));
}
