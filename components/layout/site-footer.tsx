import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";

/**
 * The footer of every page. The language switch differs: staff pages keep the choice in a cookie (a form), public
 * pages link to the page's other-language address so they need no cookie (see lib/i18n/public-paths.ts).
 */
export async function SiteFooter({ languageSwitch }: { languageSwitch: ReactNode }) {
  const t = await getTranslations("footer");
  const locale = toLocale(await getLocale());
  return (
    <footer className="mt-16 border-t border-slate-300 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm">
        <p>{t("owner")}</p>
        <div className="flex flex-wrap items-center gap-6">
          <Link href={publicHref("/tillganglighetsredogorelse", locale)} className="text-brand-700 underline underline-offset-2">
            {t("accessibility")}
          </Link>
          {languageSwitch}
        </div>
      </div>
    </footer>
  );
}
