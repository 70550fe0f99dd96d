import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./config";

// Swedish by default; English when the visitor chose it (a cookie, so URLs stay the same in both languages).
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: "Europe/Stockholm",
    messages: (await import(`./messages/${locale}/index.ts`)).default,
  };
});
