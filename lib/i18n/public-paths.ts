import { LOCALES, type Locale } from "./config";

/*
 * Public pages (app/(public)/[locale]/…) read no cookie, so they can be rendered once at build time. Their language
 * is in the URL instead: Swedish at the plain path ("/logga-in"), English under "/en" ("/en/logga-in"). The proxy
 * rewrites the plain path to the Swedish segment ("/sv/logga-in"), which never shows in the address bar.
 */

export const PUBLIC_PATHS = ["/logga-in", "/losenord", "/glomt-losenord", "/tillganglighetsredogorelse", "/nyheter", "/beviljade", "/status", "/forhandsvisning"] as const;

function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/** How a request path maps to a public page: its locale and the path without the locale, or null for staff pages. */
export function publicRoute(pathname: string): { locale: Locale; path: string; prefixed: boolean } | null {
  const match = /^\/(sv|en)(\/.*)?$/.exec(pathname);
  if (match) {
    const path = match[2] ?? "/";
    return isPublicPath(path) ? { locale: match[1] as Locale, path, prefixed: true } : null;
  }
  return isPublicPath(pathname) ? { locale: "sv", path: pathname, prefixed: false } : null;
}

/**
 * A public address answered by a route at another internal address: a grants list's data files
 * ("/beviljade/5.csv", "/beviljade/5.json") are the route handlers "/beviljade/5/data.csv" and "…/data.json",
 * because a route segment cannot be "5" and "5.csv" at once.
 */
export function internalPublicPath(path: string): string {
  const data = /^\/beviljade\/([^/]+)\.(csv|json)$/.exec(path);
  return data ? `/beviljade/${data[1]}/data.${data[2]}` : path;
}

/** The address of a public page in a language: "/logga-in" in Swedish, "/en/logga-in" in English. */
export function publicHref(path: string, locale: Locale): string {
  return locale === "sv" ? path : `/${locale}${path}`;
}

/** The same public page in the other language, from the address as the browser or the renderer sees it. */
export function otherLanguageHref(pathname: string, current: Locale): { href: string; locale: Locale } {
  const other = LOCALES.find((l) => l !== current) ?? "sv";
  const path = pathname.replace(/^\/(sv|en)(?=\/|$)/, "") || "/";
  return { href: publicHref(path, other), locale: other };
}
