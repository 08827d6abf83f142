import type { Resource } from "i18next";
import { namespaces, type Locale } from "./config";

// The browser fetches only its own language's catalogues, as separate chunks, before hydrating.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json");

export async function loadResources(locale: Locale): Promise<Resource> {
  const entries = await Promise.all(
    namespaces.map(async (ns) => {
      const load = catalogues[`../locales/${locale}/${ns}.json`];
      return [ns, load ? (await load()).default : {}] as const;
    }),
  );
  return { [locale]: Object.fromEntries(entries) };
}
