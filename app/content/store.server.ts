import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, isProduction } from "~/env.server";
import type { ModuleArtefact, TranslationArtefact } from "./compile.server";
import {
  compileModule,
  compilerVersion,
  compileTranslation,
  moduleHash,
  moduleSlugs,
  translationLocales,
} from "./compile.server";

// Where compiled modules come from. Production reads the artefacts `npm run build` wrote and never
// compiles; development and tests compile on demand, one module at a time, and only a module
// whose files changed.

export const builtContentPath = () => path.resolve("build/content/modules.json");
const cacheDir = () => path.resolve("node_modules/.cache/frontline-content");
export const contentDir = () => path.resolve(env().CONTENT_DIR);

type BuiltContent = { compilerVersion: string; modules: ModuleArtefact[] };

// Kept on globalThis: the HTTP server (build/server.js, which syncs module versions at start and
// repairs completions) and the Remix build are bundled apart, and the course is the largest thing
// either holds (several MB per copy).
const holder = globalThis as { frontlineBuiltContent?: Map<string, ModuleArtefact> };

function loadBuilt(): Map<string, ModuleArtefact> {
  if (!holder.frontlineBuiltContent) {
    const file = builtContentPath();
    const content: BuiltContent = existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")) as BuiltContent)
      : { compilerVersion: "", modules: [] };
    holder.frontlineBuiltContent = new Map(content.modules.map((m) => [m.slug, m]));
  }
  return holder.frontlineBuiltContent;
}

const live = new Map<string, ModuleArtefact | TranslationArtefact>();
// esbuild runs out of memory when several MDX compiles run at once: queue them.
let queue: Promise<unknown> = Promise.resolve();

function cachedOnDisk<A>(name: string, hash: string): A | null {
  const file = path.join(cacheDir(), `${name}-${hash}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as A) : null;
}

function saveToDisk(name: string, artefact: { hash: string }) {
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(path.join(cacheDir(), `${name}-${artefact.hash}.json`), JSON.stringify(artefact));
}

/** One artefact (a module's source or one translation) from memory or disk, or compiled once. */
function cached<A extends { hash: string }>(
  key: string,
  name: string,
  hash: string,
  compile: () => Promise<A>,
): Promise<A> {
  const inMemory = live.get(key) as A | undefined;
  if (inMemory && inMemory.hash === hash) return Promise.resolve(inMemory);
  const onDisk = hash ? cachedOnDisk<A>(name, hash) : null;
  if (onDisk) {
    live.set(key, onDisk as never);
    return Promise.resolve(onDisk);
  }
  const job = queue.then(async () => {
    const artefact = await compile();
    live.set(key, artefact as never);
    if (artefact.hash) saveToDisk(name, artefact);
    return artefact;
  });
  queue = job.catch(() => undefined);
  return job;
}

/** The module compiled from its current files, with its translations: each from cache when unchanged. */
export async function compileWithCache(dir: string, slug: string): Promise<ModuleArtefact> {
  const moduleDir = path.join(dir, "modules", slug);
  const hash = existsSync(path.join(moduleDir, "index.mdx")) ? moduleHash(moduleDir) : "";
  const source = await cached(`${dir}\0${slug}`, slug, hash, () => compileModule(dir, slug));
  const translations: TranslationArtefact[] = [];
  for (const locale of hash ? translationLocales(dir, slug) : []) {
    const entry = `index.${locale}.mdx`;
    translations.push(
      await cached(
        `${dir}\0${slug}\0${locale}`,
        `${slug}.${locale}`,
        moduleHash(moduleDir, entry),
        () => compileTranslation(dir, slug, locale),
      ),
    );
  }
  // The same object while nothing changed: callers may remember things per module object.
  const key = `${dir}\0${slug}`;
  const last = assembled.get(key);
  if (
    last &&
    last.source === source &&
    last.module.translations.length === translations.length &&
    last.module.translations.every((t, i) => t === translations[i])
  )
    return last.module;
  const module = { ...source, translations };
  assembled.set(key, { source, module });
  return module;
}

const assembled = new Map<string, { source: ModuleArtefact; module: ModuleArtefact }>();

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
