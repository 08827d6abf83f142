import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Reading the message catalogues (app/locales/<locale>/<namespace>.json) as flat key → text maps,
// and checking every language against English: the same keys, every plural form the language's
// CLDR rules use, the same {{placeholders}}, no empty text.

export type Catalogues = Map<string, Map<string, Map<string, string>>>; // locale → ns → key → text

export const pluralSuffixes = ["zero", "one", "two", "few", "many", "other"] as const;

export function flatten(value: unknown, prefix = "", out = new Map<string, string>()) {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  return out;
}

export function readCatalogues(dir: string): Catalogues {
  const all: Catalogues = new Map();
  for (const locale of readdirSync(dir)) {
    const byNs = new Map<string, Map<string, string>>();
    for (const file of readdirSync(join(dir, locale)).filter((f) => f.endsWith(".json"))) {
      byNs.set(
        file.replace(/\.json$/, ""),
        flatten(JSON.parse(readFileSync(join(dir, locale, file), "utf8"))),
      );
    }
    all.set(locale, byNs);
  }
  return all;
}

/** "items_few" → ["items", "few"]; a key without a plural suffix → [key, null]. */
export function splitPlural(key: string): [string, string | null] {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? [match[1]!, match[2]!] : [key, null];
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();
}

/** The base keys of a namespace, each with the plural forms it has (empty for a plain key). */
function baseKeys(keys: Iterable<string>): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of keys) {
    const [base, form] = splitPlural(key);
    const forms = bases.get(base) ?? new Set<string>();
    if (form) forms.add(form);
    bases.set(base, forms);
  }
  return bases;
}

export function checkCatalogues(all: Catalogues, source = "en"): string[] {
  const problems: string[] = [];
  const english = all.get(source);
  if (!english) return [`no ${source} catalogues`];
  for (const [locale, byNs] of all) {
    const categories = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
    for (const [ns, sourceKeys] of english) {
      const where = `app/locales/${locale}/${ns}.json`;
      const keys = byNs.get(ns);
      if (!keys) {
        problems.push(`${where}: missing file`);
        continue;
      }
      const sourceBases = baseKeys(sourceKeys.keys());
      const bases = baseKeys(keys.keys());
      for (const [base, sourceForms] of sourceBases) {
        const forms = bases.get(base);
        if (!forms) {
          problems.push(`${where}: missing "${base}"`);
          continue;
        }
        if (sourceForms.size > 0) {
          for (const category of categories)
            if (!forms.has(category))
              problems.push(`${where}: "${base}" lacks the plural form "${category}"`);
          for (const form of forms)
            if (!categories.has(form as Intl.LDMLPluralRule))
              problems.push(`${where}: "${base}_${form}" is not a plural form of ${locale}`);
        } else if (forms.size > 0) {
          problems.push(`${where}: "${base}" has plural forms but English has none`);
        }
      }
      for (const base of bases.keys())
        if (!sourceBases.has(base)) problems.push(`${where}: "${base}" is not in English`);
      const sourceText = (base: string) =>
        sourceKeys.get(base) ?? sourceKeys.get(`${base}_other`) ?? "";
      for (const [key, text] of keys) {
        if (text.trim() === "") problems.push(`${where}: "${key}" is empty`);
        const [base] = splitPlural(key);
        const allowed = new Set(placeholders(sourceText(base)));
        for (const name of placeholders(text))
          if (!allowed.has(name) && name !== "count")
            problems.push(`${where}: "${key}" uses {{${name}}}, which English does not`);
      }
    }
    for (const ns of byNs.keys())
      if (!english.has(ns)) problems.push(`app/locales/${locale}/${ns}.json: not in English`);
  }
  return problems;
}

/** Whether `ns:key` (or a plural of it) exists in the English catalogues. */
export function hasKey(all: Catalogues, ns: string, key: string, source = "en"): boolean {
  const keys = all.get(source)?.get(ns);
  if (!keys) return false;
  if (keys.has(key)) return true;
  if (pluralSuffixes.some((form) => keys.has(`${key}_${form}`))) return true;
  // A key naming a group of keys (returnObjects) counts when it has children.
  for (const k of keys.keys()) if (k.startsWith(`${key}.`)) return true;
  return false;
}
