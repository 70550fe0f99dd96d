import Link from "@/components/ui/link";

/** A column heading that sorts by its column; aria-sort tells screen readers the current order. */
export function SortHeader({
  label,
  href,
  active,
  direction,
  numeric = false,
  sortLabel,
}: {
  label: string;
  href: string;
  active: boolean;
  direction: "asc" | "desc";
  numeric?: boolean;
  sortLabel: string;
}) {
  return (
    <th
      scope="col"
      aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : undefined}
      className={`border-b border-slate-300 bg-slate-100 px-3 py-2 font-semibold ${numeric ? "text-right" : ""}`}
    >
      <Link href={href} className="text-brand-800 underline underline-offset-2" aria-label={sortLabel}>
        {label}
        {active ? <span aria-hidden="true">{direction === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}
