import { useTranslation } from "react-i18next";
import type { ModuleLanguage } from "~/content/translation";

/**
 * Tells a learner when the module is not in their language as they would expect: a translation
 * the English text has moved on from (and which parts), or English shown in its place.
 */
export function TranslationNote({ language }: { language: ModuleLanguage }) {
  const { t } = useTranslation();
  if (language.status === "source" || language.status === "current") return null;
  const stale = language.status === "stale";
  const sections = language.changedSections
    .map((s) => s.title ?? t("content:topSection"))
    .join(", ");
  const body = stale
    ? t("content:note.stale", { sections })
    : language.status === "missing"
      ? t("content:note.missing")
      : t("content:note.outdated");
  return (
    <aside
      aria-labelledby="translation-note-title"
      className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p id="translation-note-title" className="font-semibold">
        {stale ? t("content:note.staleTitle") : t("content:note.fallbackTitle")}
      </p>
      <p className="mt-1">{body}</p>
    </aside>
  );
}
