import { Table, Td, Th } from "@/components/ui/table";

export type GrantsChartRow = {
  key: string;
  label: string;
  applications: number;
  approved: number;
  granted: number;
  /** The bar's value as printed beside it ("4,3 miljoner kronor"). */
  grantedShort: string;
  /** The exact amount for the table ("4 300 000 kronor"). */
  grantedExact: string;
};

export type GrantsChartLabels = {
  title: string;
  note?: string;
  /** What the chart shows, for screen readers: the bars themselves are one image to them. */
  summary: string;
  showTable: string;
  group: string;
  applications: string;
  approved: string;
  granted: string;
  total: string;
  totalGranted: string;
};

const COUNT = new Intl.NumberFormat("sv-SE");

/**
 * Horizontal bars of the amount granted per group, in HTML and CSS with each bar an SVG rect, so the labels stay
 * real text that wraps and zooms. Meaning is carried by the length and the printed value, never by colour; the bars
 * are one image with a spoken summary, and every number is also in a real table behind "Visa som tabell".
 */
export function GrantsChart({ rows, labels }: { rows: readonly GrantsChartRow[]; labels: GrantsChartLabels }) {
  const max = Math.max(0, ...rows.map((r) => r.granted));
  const totals = rows.reduce(
    (acc, r) => ({ applications: acc.applications + r.applications, approved: acc.approved + r.approved }),
    { applications: 0, approved: 0 },
  );
  return (
    <figure className="flex min-w-0 flex-col gap-3 rounded-md border border-slate-300 p-4">
      <figcaption className="text-lg font-semibold text-slate-900">{labels.title}</figcaption>
      {labels.note ? <p className="-mt-2 text-sm text-slate-700">{labels.note}</p> : null}
      {/*
        One grid for all the bars, each row a subgrid of it: the label and value columns are as wide as their widest
        entry in every row, so every track has the same length and the bars share one scale (a row of its own grid
        would give a long label or value a shorter track). On a phone the bar takes its own line under the label and
        value, so neither is squeezed off screen.
      */}
      <div
        role="img"
        aria-label={labels.summary}
        className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1.5 text-sm sm:grid-cols-[minmax(6rem,11rem)_minmax(0,1fr)_auto]"
      >
        {rows.map((row) => (
          <div key={row.key} className="col-span-2 grid grid-cols-subgrid items-center gap-x-3 gap-y-0.5 sm:col-span-3">
            <span className="text-slate-900">{row.label}</span>
            <span data-bar-track="" className="order-last col-span-2 block h-4 w-full bg-slate-100 sm:order-none sm:col-span-1">
              {row.granted > 0 ? (
                // The bar's length as SVG geometry, not a style attribute: the page's policy allows no inline style
                // (ADR 0011). The longest bar fills the track; a tiny grant still shows as a sliver (the 2 px rect).
                <svg className="block h-4 w-full fill-brand-700" aria-hidden="true" focusable="false">
                  <rect width="2" height="100%" />
                  <rect width={`${((row.granted / max) * 100).toFixed(2)}%`} height="100%" />
                </svg>
              ) : null}
            </span>
            <span className="whitespace-nowrap text-right tabular-nums text-slate-900">{row.grantedShort}</span>
          </div>
        ))}
      </div>
      <details>
        <summary className="cursor-pointer font-medium text-brand-700 underline underline-offset-2">{labels.showTable}</summary>
        <div className="mt-3">
          <Table caption={labels.title}>
            <thead>
              <tr>
                <Th>{labels.group}</Th>
                <Th numeric>{labels.applications}</Th>
                <Th numeric>{labels.approved}</Th>
                <Th numeric>{labels.granted}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="border-b border-slate-200 px-3 py-2 text-left font-normal">
                    {row.label}
                  </th>
                  <Td numeric label={labels.applications}>{COUNT.format(row.applications)}</Td>
                  <Td numeric label={labels.approved}>{COUNT.format(row.approved)}</Td>
                  <Td numeric label={labels.granted}>{row.grantedExact}</Td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="px-3 py-2 text-left font-semibold">
                  {labels.total}
                </th>
                <Td numeric className="font-semibold" label={labels.applications}>
                  {COUNT.format(totals.applications)}
                </Td>
                <Td numeric className="font-semibold" label={labels.approved}>
                  {COUNT.format(totals.approved)}
                </Td>
                <Td numeric className="font-semibold" label={labels.granted}>
                  {labels.totalGranted}
                </Td>
              </tr>
            </tfoot>
          </Table>
        </div>
      </details>
    </figure>
  );
}
