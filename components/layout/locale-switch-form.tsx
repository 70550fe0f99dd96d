import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";

/** Staff pages: the language is the visitor's choice, kept in a cookie, and the address stays the same. */
export async function LocaleSwitchForm() {
  const t = await getTranslations("footer");
  const other = (await getLocale()) === "sv" ? "en" : "sv";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} className="min-h-11 text-brand-700 underline underline-offset-2">
        {t("switchTo")}
      </button>
    </form>
  );
}
