import Link from "@/components/ui/link";

/** The way back to the press pages (the lead's /press), at the top of every template page. */
export function BackToPress({ label, href = "/press" }: { label: string; href?: string }) {
  return (
    <p className="mb-4">
      <Link href={href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
        <span aria-hidden="true">← </span>
        {label}
      </Link>
    </p>
  );
}
