import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  const locale = await getLocale();
  const other = locale === "sv" ? "en" : "sv";
  return (
    <footer className="mt-16 border-t border-slate-300 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm">
        <p>{t("owner")}</p>
        <div className="flex flex-wrap items-center gap-6">
          <Link href="/tillganglighetsredogorelse" className="text-brand-700 underline underline-offset-2">
            {t("accessibility")}
          </Link>
          <form action={setLocaleAction}>
            <input type="hidden" name="locale" value={other} />
            <button type="submit" lang={other} className="min-h-11 text-brand-700 underline underline-offset-2">
              {t("switchTo")}
            </button>
          </form>
        </div>
      </div>
    </footer>
  );
}
