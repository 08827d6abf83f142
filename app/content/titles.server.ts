import { listModuleArtefacts } from "./store.server";
import { inLanguage } from "./translation";

// Module titles and summaries in a reader's language, for lists built from records that are the
// same for everyone (enrollments, the team matrix, reminders): each module as that reader would
// be served it (the translation when current or stale, English otherwise).

export type ModuleWords = { title: string; summary: string };

export async function moduleWords(locale: string): Promise<Map<string, ModuleWords>> {
  const words = new Map<string, ModuleWords>();
  for (const artefact of await listModuleArtefacts()) {
    if (!artefact.frontmatter) continue;
    const { frontmatter } = inLanguage(artefact, locale);
    if (frontmatter)
      words.set(artefact.slug, { title: frontmatter.title, summary: frontmatter.summary });
  }
  return words;
}

/** Items with a module's slug, their title (and summary, where they have one) in `locale`. */
export async function inWordsOf<T extends { slug: string; title: string; summary?: string }>(
  locale: string,
  items: T[],
): Promise<T[]> {
  if (locale === "en") return items;
  const words = await moduleWords(locale);
  return items.map((item) => {
    const w = words.get(item.slug);
    if (!w) return item;
    return {
      ...item,
      title: w.title,
      ...(item.summary === undefined ? {} : { summary: w.summary }),
    };
  });
}
