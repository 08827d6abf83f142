import type { ReactNode } from "react";

// One look for every table of records (people, assignments, modules, audit events, analytics):
// a white framed box that scrolls sideways on a phone, a caption for screen readers, a grey head
// and ruled rows. The charts' "as a table" views and the team matrix have layouts of their own.

/** The padding and alignment of a body cell; for rows written by hand inside a TableFrame. */
export const dataCell = "px-4 py-3 align-top";

export type Heading = {
  key: string;
  header: ReactNode;
  /** A heading only screen readers need (a column of buttons). */
  hidden?: boolean;
  /** The language of the heading's text, where it is not the page's. */
  lang?: string;
  /** Extra classes for the heading cell (a sticky first column). */
  headClassName?: string;
  /** The column the rows are sorted by, and which way. */
  sort?: "ascending" | "descending";
};

/** Plain headings from their texts. */
export const headingsOf = (...texts: string[]): Heading[] =>
  texts.map((text) => ({ key: text, header: text }));

/** The frame, caption and head; the body is the children (rows, or tbody groups if `grouped`). */
export function TableFrame({
  caption,
  headings,
  grouped = false,
  className = "",
  children,
}: {
  caption: string;
  headings: Heading[];
  /** Children are <tbody> groups of their own rather than rows. */
  grouped?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`overflow-x-auto rounded-xl border border-slate-200 bg-white ${className}`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {headings.map((h) => (
              <th
                key={h.key}
                scope="col"
                lang={h.lang}
                aria-sort={h.sort}
                className={`px-4 py-3 font-semibold ${h.headClassName ?? ""}`}
              >
                {h.hidden ? <span className="sr-only">{h.header}</span> : h.header}
              </th>
            ))}
          </tr>
        </thead>
        {grouped ? children : <tbody className="divide-y divide-slate-100">{children}</tbody>}
      </table>
    </div>
  );
}

export type Column<Row> = Heading & {
  cell: (row: Row) => ReactNode;
  /** The column that names its row, read out before each of the row's other cells. */
  rowHeader?: boolean;
  /** Extra classes for the column's body cells. */
  className?: string;
};

/** A table of rows, one cell per column. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  className,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  className?: string;
}) {
  return (
    <TableFrame caption={caption} headings={columns} className={className}>
      {rows.map((row) => (
        <tr key={rowKey(row)}>
          {columns.map((column) => {
            const Cell = column.rowHeader ? "th" : "td";
            return (
              <Cell
                key={column.key}
                scope={column.rowHeader ? "row" : undefined}
                className={`${dataCell} ${column.rowHeader ? "text-left" : ""} ${column.className ?? ""}`}
              >
                {column.cell(row)}
              </Cell>
            );
          })}
        </tr>
      ))}
    </TableFrame>
  );
}
