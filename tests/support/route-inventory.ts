import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

// Every loader and action the app serves, read from app/routes.ts, so tests that must cover them
// all (the authorization matrix, the action fuzzer) notice a new route, a new export or a new
// intent by themselves.

type RouteEntry = { path?: string; index?: boolean; file: string; children?: RouteEntry[] };
type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

export type Endpoint = {
  /** "GET /team/:userId", "POST /admin", "POST /admin [assign]": what a test table is keyed by. */
  key: string;
  method: "GET" | "POST";
  /** The route's path pattern, with a leading slash. */
  pattern: string;
  /** The form's `intent` for actions that dispatch on one; null otherwise. */
  intent: string | null;
  file: string;
  handler: Handler;
};

const appDir = path.resolve("app");

function flatten(entries: RouteEntry[], parent = ""): { pattern: string; file: string }[] {
  return entries.flatMap((entry) => {
    const own = entry.index ? parent : [parent, entry.path ?? ""].filter(Boolean).join("/");
    return [{ pattern: `/${own}`, file: entry.file }, ...flatten(entry.children ?? [], own)];
  });
}

/** The source file an import specifier of an app module points at, if it is one of ours. */
function resolveImport(fromFile: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(appDir, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
  return candidates.find((file) => /\.tsx?$/.test(file) && existsSync(file)) ?? null;
}

/** Named imports of a source file: imported name → resolved file. */
function namedImports(file: string, source: string) {
  const imports: { name: string; file: string }[] = [];
  for (const match of source.matchAll(/import\s+(?!type\b)\{([^}]*)\}\s+from\s+"([^"]+)"/g)) {
    const target = resolveImport(file, match[2]!);
    if (!target) continue;
    for (const part of match[1]!.split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)[0]!;
      if (name) imports.push({ name, file: target });
    }
  }
  return imports;
}

/** The file's top-level declarations: name, whether exported, and their source text. */
function declarations(source: string) {
  const starts = [
    ...source.matchAll(
      /^(export\s+)?(?:async\s+)?(?:const|let|function\*?|class)\s+([A-Za-z_$][\w$]*)/gm,
    ),
  ];
  return starts.map((match, i) => ({
    name: match[2]!,
    exported: Boolean(match[1]),
    text: source.slice(match.index, starts[i + 1]?.index ?? source.length),
  }));
}

/** Intents a piece of source accepts: `intent: z.literal("x")`, `intent: z.enum([...])`, `intent === "x"`. */
function intentsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\bintent:\s*z\.literal\(\s*"([^"]+)"/g)) found.add(m[1]!);
  for (const m of text.matchAll(/\bintent:\s*z\.enum\(\s*\[([^\]]*)\]/g)) {
    for (const value of m[1]!.matchAll(/"([^"]+)"/g)) found.add(value[1]!);
  }
  // A comparison with the field itself, or with the form's value: formData.get("intent") === "x".
  for (const m of text.matchAll(/(?:\bintent|\("intent"\))\s*[!=]==\s*"([^"]+)"/g))
    found.add(m[1]!);
  return [...found];
}

/**
 * The intents a route's action dispatches on: those in the route file itself, and those in the
 * declarations it imports by name (or that such an imported function uses from its own file, as
 * parseModuleAction uses the module page's schema). Schemas the route does not import (another
 * form in the same shared file) do not count.
 */
export function actionIntents(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found = new Set(intentsIn(source));
  const byFile = new Map<string, Set<string>>();
  for (const { name, file: target } of namedImports(file, source)) {
    (byFile.get(target) ?? byFile.set(target, new Set()).get(target)!).add(name);
  }
  for (const [target, names] of byFile) {
    const decls = declarations(readFileSync(target, "utf8"));
    const imported = decls.filter((d) => d.exported && names.has(d.name));
    const used = decls.filter(
      (d) => !d.exported && imported.some((i) => new RegExp(`\\b${d.name}\\b`).test(i.text)),
    );
    for (const decl of [...imported, ...used]) intentsIn(decl.text).forEach((i) => found.add(i));
  }
  return [...found].sort();
}

/** Every loader and action (one per intent where the action has intents) in app/routes.ts. */
export async function routeEndpoints(): Promise<Endpoint[]> {
  const { default: routes } = (await import("~/routes")) as { default: RouteEntry[] };
  const endpoints: Endpoint[] = [];
  for (const { pattern, file } of flatten(routes)) {
    const absolute = path.join(appDir, file);
    const routeModule = (await import(/* @vite-ignore */ absolute)) as Record<string, unknown>;
    const { loader, action } = routeModule;
    if (typeof loader === "function") {
      endpoints.push({
        key: `GET ${pattern}`,
        method: "GET",
        pattern,
        intent: null,
        file,
        handler: loader as Handler,
      });
    }
    if (typeof action === "function") {
      const intents = actionIntents(absolute);
      for (const intent of intents.length ? intents : [null]) {
        endpoints.push({
          key: intent ? `POST ${pattern} [${intent}]` : `POST ${pattern}`,
          method: "POST",
          pattern,
          intent,
          file,
          handler: action as Handler,
        });
      }
    }
  }
  return endpoints;
}

/** The params a URL path gives a route pattern ("/team/:userId", "/*"), or null if it misses. */
export function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    if (segment === "*") {
      params["*"] = got.slice(i).map(decodeURIComponent).join("/");
      return params;
    }
    const value = got[i];
    if (value === undefined) return null;
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return null;
  }
  return got.length === want.length ? params : null;
}
