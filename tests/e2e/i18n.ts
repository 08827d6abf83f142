import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ModuleArtefact, TranslationArtefact } from "~/content/compile.server";
import { builtModule } from "./course-content";

// The browser tests read other languages the way a person would: by the words on the page. They
// find an English text's key in the catalogues and return that key's text in another language,
// so the tests do not depend on how keys are named.

type Flat = Map<string, string>;
const dir = path.resolve("app/locales");

function flatten(value: unknown, prefix: string, out: Flat) {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const catalogues = new Map<string, Flat>();
function catalogue(locale: string): Flat {
  let flat = catalogues.get(locale);
  if (!flat) {
    flat = new Map();
    for (const file of readdirSync(path.join(dir, locale))) {
      const ns = file.replace(/\.json$/, "");
      const json = JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")) as unknown;
      flatten(json, `${ns}:`, flat);
    }
    // "ns:" + "a.b" was joined with a dot; make it "ns:a.b".
    flat = new Map([...flat].map(([k, v]) => [k.replace(/^(\w+):\./, "$1:"), v]));
    catalogues.set(locale, flat);
  }
  return flat;
}

const interpolate = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));

/**
 * `english` (a catalogue text, with {{placeholders}} as written there) in `locale`, with values
 * filled in. Plural keys are matched by their English form for `count`.
 */
export function tr(locale: string, english: string, values: Record<string, string | number> = {}) {
  const en = catalogue("en");
  const keys = [...en].filter(([, text]) => text === english).map(([key]) => key);
  if (!keys.length) throw new Error(`no catalogue text is "${english}"`);
  const target = catalogue(locale);
  let key = keys[0]!;
  const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  if (plural && typeof values.count === "number") {
    const form = new Intl.PluralRules(locale).select(values.count);
    key = `${plural[1]}_${form}`;
  }
  const text = target.get(key);
  if (text === undefined) throw new Error(`${locale} has no "${key}"`);
  return interpolate(text, values);
}

/** A module as its translation is built for learners of `locale` (texts only; ids are the source's). */
export function builtTranslation(slug: string, locale: string): TranslationArtefact {
  const module: ModuleArtefact = builtModule(slug);
  const t = module.translations.find((x) => x.locale === locale);
  if (!t) throw new Error(`module ${slug} has no ${locale} translation in the build`);
  return t;
}

/** English reply texts of a role-play as the translation words them (same nodes, same order). */
export function translatedReplies(
  slug: string,
  scenarioId: string,
  locale: string,
  replies: string[],
) {
  const source = builtModule(slug).scenarios.find((s) => s.id === scenarioId)!;
  const translated = builtTranslation(slug, locale).scenarios.find((s) => s.id === scenarioId)!;
  const words = new Map<string, string>();
  source.nodes.forEach((node, n) =>
    node.choices.forEach((choice, c) =>
      words.set(choice.text, translated.nodes[n]!.choices[c]!.text),
    ),
  );
  return replies.map((reply) => words.get(reply) ?? reply);
}
