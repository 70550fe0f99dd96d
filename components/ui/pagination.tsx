import Link from "@/components/ui/link";

export function Pagination({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; page: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-4 flex flex-wrap items-center gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className="text-brand-700 underline">
          {labels.previous}
        </Link>
      ) : null}
      <span aria-current="page">{labels.page}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next" className="text-brand-700 underline">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
