import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// The components course authors use without imports (see docs/authoring.md). Quizzes and
// scenarios arrive as slots that the page fills (see module-body.tsx).

type CalloutType = "info" | "tip" | "warning";
// A callout without a title is named by its type, in the reader's language.
const calloutStyles: Record<CalloutType, { box: string; label: string }> = {
  info: { box: "border-sky-300 bg-sky-50", label: "training:callout.info" },
  tip: { box: "border-emerald-300 bg-emerald-50", label: "training:callout.tip" },
  warning: { box: "border-amber-300 bg-amber-50", label: "training:callout.warning" },
};

export function Callout({
  type = "info",
  title,
  children,
}: {
  type?: CalloutType;
  title?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const style = calloutStyles[type] ?? calloutStyles.info;
  const label = title ?? t(style.label);
  return (
    <aside
      className={`callout not-prose my-6 rounded-xl border-l-4 px-5 py-4 ${style.box}`}
      aria-label={label}
    >
      <p className="font-semibold text-slate-900">{label}</p>
      <div className="callout-body mt-1 text-slate-800">{children}</div>
    </aside>
  );
}

export function KeyPoint({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="not-prose my-6 rounded-xl bg-brand-700 px-5 py-4 text-white shadow-sm">
      <p className="text-xs font-semibold tracking-wide text-brand-100 uppercase">
        {t("training:keyPoint")}
      </p>
      <div className="keypoint-body mt-1 text-lg leading-snug font-medium">{children}</div>
    </div>
  );
}

export function Steps({ children }: { children?: ReactNode }) {
  return <ol className="steps not-prose my-6 space-y-4">{children}</ol>;
}

export function Step({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <li className="step relative rounded-xl border border-slate-200 bg-white py-4 pr-5 pl-14">
      <p className="font-semibold text-slate-900">{title}</p>
      <div className="step-body mt-1 text-slate-700">{children}</div>
    </li>
  );
}

export function Figure({ src, alt, caption }: { src: string; alt: string; caption?: string }) {
  return (
    <figure className="my-6">
      <img
        src={src}
        alt={alt}
        loading="lazy"
        className="w-full rounded-xl border border-slate-200"
      />
      {caption ? (
        <figcaption className="mt-2 text-center text-sm text-slate-600">{caption}</figcaption>
      ) : null}
    </figure>
  );
}

export type SlotRenderers = {
  quiz: (id: string) => ReactNode;
  scenario: (id: string) => ReactNode;
};

/** Author components by the name they are written with in MDX. */
export const mdxComponents = { Callout, KeyPoint, Steps, Step, Figure };
