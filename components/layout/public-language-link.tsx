"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/config";
import { otherLanguageHref } from "@/lib/i18n/public-paths";

/** Public pages: the same page in the other language is another address, so the page itself can stay static. */
export function PublicLanguageLink({ locale, label }: { locale: Locale; label: string }) {
  const { href, locale: other } = otherLanguageHref(usePathname() ?? "/", locale);
  return (
    <Link href={href} hrefLang={other} lang={other} className="inline-block min-h-11 py-3 text-brand-700 underline underline-offset-2">
      {label}
    </Link>
  );
}
