import type { ReactNode } from "react";

/** The frame of every signed-in page: a heading, an optional lead and the content. */
export function Page({
  title,
  lead,
  wide = false,
  children,
}: {
  title: string;
  lead?: ReactNode;
  /** For wide tables (the team matrix): up to 1,536 px instead of 1,152. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <main
      id="main"
      className={`mx-auto ${wide ? "max-w-screen-2xl" : "max-w-6xl"} px-4 py-8 sm:px-6 sm:py-10`}
    >
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      {lead ? <p className="mt-2 max-w-prose text-slate-700">{lead}</p> : null}
      <div className="mt-8">{children}</div>
    </main>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <div className="mx-auto mt-2 max-w-md text-slate-700">{children}</div>
    </div>
  );
}
