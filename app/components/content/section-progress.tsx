import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Section } from "~/content/types";
import { ProgressBar } from "~/components/ui/progress-bar";

/** Which section is on screen, from the headings the reader has scrolled past. */
export function useCurrentSection(sections: Section[]) {
  const [current, setCurrent] = useState(-1);
  useEffect(() => {
    const headings = sections
      .map((s) => document.getElementById(s.id))
      .filter((el): el is HTMLElement => el !== null);
    if (!headings.length) return;
    const update = () => {
      const line = window.innerHeight * 0.3;
      let index = -1;
      headings.forEach((heading, i) => {
        if (heading.getBoundingClientRect().top <= line) index = i;
      });
      const atEnd =
        window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
      setCurrent(atEnd ? headings.length - 1 : index);
    };
    update();
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    return () => {
      window.removeEventListener("scroll", update);
      window.removeEventListener("resize", update);
    };
  }, [sections]);
  return current;
}

/** Reading progress: a slim sticky bar (phones) or the contents panel beside the text (wide screens). */
export function SectionProgress({
  sections,
  read: readIds,
  variant,
}: {
  sections: Section[];
  /** The sections counted as read (the same count the module's steps and /training use). */
  read: Set<string>;
  variant: "bar" | "panel";
}) {
  const { t } = useTranslation();
  const current = useCurrentSection(sections);
  const read = sections.filter((s) => readIds.has(s.id)).length;
  const percent = sections.length ? Math.round((read / sections.length) * 100) : 0;
  const label = t("training:sections.count", { read, count: sections.length });
  if (variant === "bar") {
    return (
      <div className="sticky top-0 z-10 -mx-4 lg:hidden border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6">
        <div className="flex items-center justify-between text-xs text-slate-700">
          <span className="truncate">
            {current >= 0 ? sections[current]?.title : t("training:sections.startReading")}
          </span>
          <span className="ml-2 shrink-0 tabular-nums">{label}</span>
        </div>
        <ProgressBar
          label={t("training:sections.readingProgress")}
          percent={percent}
          className="mt-1"
        />
      </div>
    );
  }
  return (
    <nav aria-label={t("training:sections.inThisModule")} className="sticky top-6">
      <p className="text-sm font-semibold text-slate-900">{t("training:sections.inThisModule")}</p>
      <ProgressBar
        label={t("training:sections.readingProgress")}
        percent={percent}
        className="mt-2"
      />
      <p className="mt-1 text-xs text-slate-600 tabular-nums">{label}</p>
      <ol className="mt-4 space-y-1 border-l border-slate-200">
        {sections.map((section, i) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              aria-current={i === current ? "location" : undefined}
              className={`-ml-px block border-l-2 py-1 text-sm ${section.depth === 3 ? "pl-6" : "pl-3"} ${
                i === current
                  ? "border-brand-600 font-medium text-brand-800"
                  : i < current
                    ? "border-transparent text-slate-700"
                    : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
