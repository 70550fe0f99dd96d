import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** A data table that scrolls sideways on a phone instead of breaking the page (WCAG 1.4.10 reflow). */
export function Table({ caption, children, captionHidden = false }: { caption: string; children: ReactNode; captionHidden?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm">
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
