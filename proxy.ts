import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";

/*
 * A convenience, not a guard: signed-out visitors to app pages are sent to sign-in with the page to come back to.
 * Every page, action and route handler still checks the user itself (lib/auth/session.ts).
 */

const PUBLIC_PATHS = ["/logga-in", "/tillganglighetsredogorelse", "/nyheter"];

const { auth } = NextAuth(authConfig);

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isPublic || request.auth) return NextResponse.next();
  const url = new URL("/logga-in", request.nextUrl.origin);
  url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
});

export const config = {
  // Everything but next-auth's own endpoints (running auth() there too would set a second CSRF cookie), Next's
  // assets and files with an extension (favicon, images).
  matcher: ["/((?!api/auth|_next/static|_next/image|.*\\.[a-z0-9]+$).*)"],
};
