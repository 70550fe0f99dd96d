/*
 * Where to go after signing in: only a path on this site. Browsers drop tab, CR and LF from a URL before they read
 * it, so "/\t/evil.example/" is "//evil.example/" to them: another host. The value is checked as the browser will
 * read it, by resolving it against a placeholder origin and keeping it only when the origin stays the same.
 */

const PLACEHOLDER_ORIGIN = "http://anslag.invalid";
const DROPPED_BY_BROWSERS = /[\t\r\n]/g;
// CR, LF and NUL have no business in a path and would break a Location header: such a request is refused (400).
const FORBIDDEN = /[\r\n\0]/;
const CONTROL = /[\u0000-\u001F\u007F]/;

/** True when the callback carries a character that makes the whole request malformed (answered with 400). */
export function isMalformedCallbackUrl(value: string | null | undefined): boolean {
  return typeof value === "string" && FORBIDDEN.test(value);
}

/** The value as a path of this site, or "/" when a browser would read it as anything else. */
export function sameOriginPath(value: string | null | undefined): string {
  if (typeof value !== "string") return "/";
  const cleaned = value.replace(DROPPED_BY_BROWSERS, "");
  if (!cleaned.startsWith("/") || CONTROL.test(cleaned)) return "/";
  let url: URL;
  try {
    url = new URL(cleaned, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The URL parser reads "\" as "/" in a path; a path that starts with two of them names a host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}

/** Where to go after signing in: a path of this site, and never back to a sign-in page, which would only ask again. */
export function safeCallbackUrl(value: string | null | undefined): string {
  const path = sameOriginPath(value);
  return /^\/(en\/|sv\/)?logga-in(\/|\?|#|$)/.test(path) ? "/" : path;
}
