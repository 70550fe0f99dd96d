import "server-only";
import { getLocale, getTranslations } from "next-intl/server";

/*
 * notFound() in a route handler answers 404 with an empty body, which a browser following a stale or shared link
 * shows as its own error page. This is the app's "Sidan finns inte" as a small page of its own, the same for every
 * reason a file is not there (missing, outside the user's scope, not yet public).
 */
// A <style> element, not a style attribute: server.mjs names it by its hash in the page's policy, which allows no
// inline style otherwise (ADR 0011).
const STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5}";

export async function notFoundPage(): Promise<Response> {
  const [t, locale] = await Promise.all([getTranslations("errors"), getLocale()]);
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="${escape(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t("notFoundTitle"))}</title>
<style>${STYLE}</style></head>
<body>
<main><h1>${escape(t("notFoundTitle"))}</h1><p>${escape(t("notFoundText"))}</p><p><a href="/">${escape(t("toStart"))}</a></p></main>
</body>
</html>`;
  return new Response(html, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
