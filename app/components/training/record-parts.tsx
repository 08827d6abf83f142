import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// The building blocks of /me: sections with a count, tables that reflow on a phone, badges.

export function Badge({
  tone,
  children,
}: {
  tone: "green" | "amber" | "sky" | "slate";
  children: string;
}) {
  const tones = {
    green: "bg-green-100 text-green-900",
    amber: "bg-amber-100 text-amber-900",
    sky: "bg-sky-100 text-sky-900",
    slate: "bg-slate-100 text-slate-800",
  };
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

export function ModuleCell({ title, version }: { title: string; version: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="font-medium text-slate-900">{title}</span>
      <span className="block text-xs text-slate-600">{t("training:version", { version })}</span>
    </>
  );
}

/**
 * A table that reflows into one labelled block per row on a phone. The explicit roles keep it a
 * table for screen readers once the display changes (Safari drops table semantics otherwise).
 */
export function RecordTable({
  labelledBy,
  columns,
  rows,
}: {
  labelledBy: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
      <table role="table" aria-labelledby={labelledBy} className="w-full text-left text-sm">
        <thead role="rowgroup" className="bg-slate-50 max-sm:sr-only">
          <tr role="row">
            {columns.map((column) => (
              <th
                key={column}
                role="columnheader"
                scope="col"
                className="px-4 py-2.5 font-semibold whitespace-nowrap text-slate-700"
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.key} role="row" className="max-sm:block max-sm:px-4 max-sm:py-3">
              {row.cells.map((cell, i) => (
                <td
                  key={columns[i]}
                  role="cell"
                  data-label={columns[i]}
                  className="px-4 py-3 align-top text-slate-800 max-sm:flex max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:w-28 max-sm:before:shrink-0 max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]"
                >
                  <div className="min-w-0">{cell}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="scroll-mt-6">
      <h2 id={id} className="mb-3 flex items-baseline gap-2 text-lg font-semibold text-slate-900">
        {title}
        <span className="text-sm font-normal text-slate-600">({count})</span>
      </h2>
      {count ? (
        children
      ) : (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {empty}
        </p>
      )}
    </section>
  );
}
