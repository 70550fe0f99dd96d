import { handlers } from "./auth";

/*
 * Route handlers that write refuse a request from another origin, as Next refuses a server action whose Origin is
 * not the host: without it, a page on another origin of the same site (another port, another subdomain) could post
 * a form to /omgangar/<id>/import/run with the officer's cookies, and SameSite=Lax would not stop it. Every writing
 * route handler starts with `refuseForeignOrigin(request)`.
 */

export const FOREIGN_ORIGIN_MESSAGE = "Begäran kom från en annan webbplats och avvisades. Ladda om sidan i Anslag och försök igen.";

/**
 * The host the request was sent to, as the browser saw it: X-Forwarded-Host when a proxy in front sets it (as Next's
 * own server-action check reads it), otherwise Host.
 */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("host") || null;
}

/** True when the request's Origin (or, without one, its Sec-Fetch-Site) says it came from this origin. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    // Browsers send Origin with every POST; a request without one is not a browser's cross-origin form post, unless
    // its fetch metadata says otherwise.
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  if (origin === "null") return false; // a sandboxed frame, a file:// page, a redirect across origins
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = requestHost(request);
  return host !== null && originHost.toLowerCase() === host.toLowerCase();
}

/** A 403 with a Swedish message for a request from another origin; null when the request may go on. */
export function refuseForeignOrigin(request: Request): Response | null {
  if (isSameOrigin(request)) return null;
  return new Response(FOREIGN_ORIGIN_MESSAGE, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** Wraps a writing route handler so that it runs only for a request from this origin. */
export function sameOriginOnly<R extends Request, A extends unknown[]>(
  handler: (request: R, ...rest: A) => Response | Promise<Response>,
): (request: R, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => refuseForeignOrigin(request) ?? (await handler(request, ...rest));
}

// next-auth's endpoints: sign-out and the callbacks are writes too (next-auth checks its own CSRF token as well).
export const GET = handlers.GET;
export const POST = sameOriginOnly(handlers.POST);
