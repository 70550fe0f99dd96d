import { cookies } from "next/headers";
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { LOCALES, LOCALE_COOKIE, toLocale } from "./config";
import "./zod-locale";

/*
 * Public pages name their language in the URL and call setRequestLocale, so `requestLocale` is known and no cookie
 * is read (they stay static). Staff pages keep the visitor's choice in a cookie, so their URLs are the same in both
 * languages; Swedish by default.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(LOCALES, requested) ? requested : toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: "Europe/Stockholm",
    messages: (await import(`./messages/${locale}/index.ts`)).default,
  };
});
