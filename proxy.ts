import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { isMalformedCallbackUrl, safeCallbackUrl } from "@/lib/auth/callback-url";
import { authConfig } from "@/lib/auth/config";
import { documentPolicy } from "@/lib/http/hardening.mjs";
import { SESSION_ENDED_PARAM } from "@/lib/auth/sign-in-params";
import { internalPublicPath, publicRoute } from "@/lib/i18n/public-paths";

/*
 * A convenience, not a guard: signed-out visitors to staff pages are sent to sign-in with the page to come back to.
 * Every page, action and route handler still checks the user itself (lib/auth/session.ts). It also puts public
 * pages in their language segment (lib/i18n/public-paths.ts), so they stay static.
 */

const { auth } = NextAuth(authConfig);

const sessionProxy = auth((request) => {
  const { pathname, search, searchParams, origin } = request.nextUrl;
  const callbackUrl = searchParams.get("callbackUrl");
  // CR, LF or NUL in a callback is no address at all: refuse the request rather than build a header from it.
  if (isMalformedCallbackUrl(callbackUrl)) return new NextResponse("Ogiltig adress.", { status: 400 });

  const route = publicRoute(pathname);
  if (route) {
    // A signed-in visitor has no use for the sign-in page: on to where they were going (never another host).
    if (route.path === "/logga-in" && request.auth && !searchParams.has(SESSION_ENDED_PARAM)) {
      return NextResponse.redirect(new URL(safeCallbackUrl(callbackUrl), origin));
    }
    return publicPage(request, route);
  }

  if (request.auth) return withNonce(request);
  const url = new URL("/logga-in", origin);
  url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
});

/*
 * A staff page is rendered per request, so it gets a nonce: Next reads it from the request's policy and puts it on
 * every script it renders; the answer's policy allows those and no other inline script. Public pages get none (most
 * are cached, rendered once for everyone): server.mjs gives them a policy with their inline scripts' hashes.
 */
function withNonce(request: NextRequest): NextResponse {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
  const policy = documentPolicy({ nonce, https: /^https:/i.test(process.env.AUTH_URL ?? "") });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** A public page's internal address: the plain path is the Swedish page at "/sv/…" (which answers too). */
function publicPage(request: NextRequest, route: NonNullable<ReturnType<typeof publicRoute>>): NextResponse {
  const internal = internalPublicPath(route.path);
  if (!route.prefixed || internal !== route.path) return NextResponse.rewrite(new URL(`/${route.locale}${internal}${request.nextUrl.search}`, request.nextUrl.origin));
  return NextResponse.next();
}

/*
 * A public page other than sign-in needs no session, so it is let through without reading one: decoding the session
 * cookie on every request was most of what a cached newsroom page cost (npm run bench). Everything else, sign-in
 * included, goes through the session proxy above.
 */
export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const route = publicRoute(request.nextUrl.pathname);
  if (route && route.path !== "/logga-in" && !isMalformedCallbackUrl(request.nextUrl.searchParams.get("callbackUrl"))) return publicPage(request, route);
  // next-auth types its wrapper for route handlers as well; as the proxy it is called with Next's (request, event).
  type SessionProxyArgs = Parameters<typeof sessionProxy>;
  return sessionProxy(request as SessionProxyArgs[0], event as unknown as SessionProxyArgs[1]);
}

export const config = {
  // Everything but next-auth's own endpoints (running auth() there too would set a second CSRF cookie), Next's
  // assets and the app's icons. Not "anything with a dot": "/omgangar/2.0" is a page, and must not slip past.
  // The sitemap is public like robots.txt; the newsroom's revalidation answers only its own secret (lib/press/).
  matcher: ["/((?!api/auth|api/newsroom/revalidate$|api/newsroom/unsubscribe/|_next/static|_next/image|favicon\\.ico$|icon\\.svg$|icon$|apple-icon$|robots\\.txt$|sitemap\\.xml$).*)"],
};
