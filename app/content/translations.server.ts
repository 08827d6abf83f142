import { locales } from "~/i18n/config";
import type { ModuleArtefact } from "./compile.server";
import { listModuleArtefacts } from "./store.server";
import { translationState, type TranslationStatus } from "./translation";

// The trainer's view of translations: every module × language, how each stands against the
// English text as it is now, and for a stale one which sections of the source changed since.

export type TranslationCell = {
  locale: string;
  status: TranslationStatus | "missing";
  fromVersion: string | null;
  changedSections: { id: string; title: string | null }[];
  problems: number;
  file: string | null;
};

export function translationCells(module: ModuleArtefact): TranslationCell[] {
  const titles = new Map(module.sections.map((s) => [s.id, s.title]));
  return locales
    .filter((locale) => locale !== "en")
    .map((locale) => {
      const t = module.translations.find((x) => x.locale === locale);
      if (!t)
        return {
          locale,
          status: "missing",
          fromVersion: null,
          changedSections: [],
          problems: 0,
          file: null,
        };
      const state = translationState(module, t);
      return {
        locale,
        status: state.status,
        fromVersion: state.fromVersion,
        changedSections: state.changedSections.map((id) => ({ id, title: titles.get(id) ?? null })),
        problems: state.problems.length,
        file: t.file,
      };
    });
}

/** Every module (drafts too) with its English version and one cell per other language. */
export async function translationMatrix() {
  const artefacts = await listModuleArtefacts();
  const order = (a: ModuleArtefact) => a.frontmatter?.order ?? 1000;
  return [...artefacts]
    .filter((a) => a.frontmatter)
    .sort((a, b) => order(a) - order(b) || a.slug.localeCompare(b.slug))
    .map((a) => ({
      slug: a.slug,
      title: a.frontmatter!.title,
      version: a.frontmatter!.version,
      cells: translationCells(a),
    }));
}

export type TranslationMatrix = Awaited<ReturnType<typeof translationMatrix>>;
