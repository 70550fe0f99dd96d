import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/*
 * Below 640 px (a phone) a data table is shown as one block per row, each cell on its own line with its column's
 * name before the value (the `label` of Td), so the columns a user comes for (status, amounts) are on screen
 * without scrolling sideways. Only the display changes: the elements stay table, row, header and cell, so a screen
 * reader still reads a table with its headers; the printed label is generated content with empty alternative text
 * (`/ ""`), so it is not read twice. The column headers are kept for assistive technology but hidden on screen.
 *
 * The rules are the `.data-table` rules of app/globals.css: in the stylesheet, not a <style> element, so the pages'
 * policy needs no inline style (ADR 0011).
 */

/**
 * A data table: on a wide screen a table that scrolls sideways when it must (WCAG 1.4.10 reflow), on a phone one
 * stacked block per row (see above). Give every Td its column's `label`.
 */
export function Table({ caption, children, captionHidden = false }: { caption: string; children: ReactNode; captionHidden?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table w-full border-collapse text-left text-sm">
        <caption className={captionHidden ? "sr-only" : "p-3 text-left font-semibold text-slate-800"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ numeric = false, className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={`border-b border-slate-300 bg-slate-100 px-3 py-2 font-semibold ${numeric ? "text-right" : ""} ${className}`}
      {...props}
    />
  );
}

/**
 * `label` names the cell's column (the column header's text): on a phone, where a table's rows are shown stacked,
 * it is printed before the value so each row reads on its own.
 */
export function Td({
  numeric = false,
  className = "",
  label,
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean; label?: string }) {
  return (
    <td
      data-label={label}
      className={`border-b border-slate-200 px-3 py-2 align-top ${numeric ? "text-right tabular-nums whitespace-nowrap" : ""} ${className}`}
      {...props}
    />
  );
}

/** A column of a ColumnTable: its header (also each cell's label on a phone) and what a row shows in it. */
export type Column<Row> = { label: string; numeric?: boolean; cell: (row: Row) => ReactNode };

/** A table of records whose cells are plain values, one column each: the header row and the rows from `columns`. */
export function ColumnTable<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
}) {
  return (
    <Table caption={caption} captionHidden={captionHidden}>
      <thead>
        <tr>
          {columns.map((c) => (
            <Th key={c.label} numeric={c.numeric}>
              {c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <Td key={c.label} label={c.label} numeric={c.numeric}>
                {c.cell(row)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
