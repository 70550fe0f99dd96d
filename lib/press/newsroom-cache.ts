import { revalidatePath } from "next/cache";
import { timingSafeEqual } from "node:crypto";

/*
 * The public newsroom's pages, feed, sitemap and grants lists are static pages cached by Next (ISR without a
 * timer of their own that matters: see NEWSROOM_REVALIDATE_SECONDS) and made again when something is published or
 * unpublished. Everything they show is public by publicReleaseWhere(now) at the moment they were rendered, so a
 * cached page can never hold a release before its time; it can only lack one that has just become public, until
 * revalidateNewsroom() runs (the lead's publish and unpublish actions, and the scheduler after it publishes).
 */

/**
 * How long a newsroom page may be served before Next makes it again in the background, should no revalidation
 * reach it (a safety net, not the mechanism: publishing revalidates at once).
 */
export const NEWSROOM_REVALIDATE_SECONDS = 300;

/**
 * Marks every cached page stale (Next's "/" layout tag covers every route): the next request makes each one again.
 * Call it in a server action or route handler, after the transaction that published or unpublished has committed.
 * Publishing is rare; revalidating the few public pages with it costs one render each.
 */
export function revalidateNewsroom(): void {
  revalidatePath("/", "layout");
}

/**
 * `next build` prerenders the public pages without a database (db/client.ts: the build never opens one). During
 * the build they render empty; the scheduler revalidates everything once when the server starts, so the first
 * visitor gets a page made from the server's own database.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/*
 * Revalidation from outside a request. Next keeps revalidations in the request's store and applies them when the
 * request ends; a timer has no request, and revalidatePath() there throws ("static generation store missing").
 * So the scheduler asks the server itself, over loopback, to revalidate (app/api/newsroom/revalidate/route.ts),
 * with a secret made for this process and kept on globalThis (shared by every bundle of the one server process).
 */

const SECRET_KEY = Symbol.for("anslag.newsroom.revalidate-secret");
type SecretHolder = { [SECRET_KEY]?: string };
export const REVALIDATE_PATH = "/api/newsroom/revalidate";
export const REVALIDATE_HEADER = "x-anslag-revalidate";

export function setRevalidateSecret(secret: string): void {
  (globalThis as SecretHolder)[SECRET_KEY] = secret;
}

/** True only for this process's own secret; false when none was made (no scheduler runs: nothing may ask). */
export function isRevalidateSecret(given: string | null): boolean {
  const secret = (globalThis as SecretHolder)[SECRET_KEY];
  if (!secret || !given) return false;
  const a = Buffer.from(secret);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Where the server listens, as seen from inside it: server.mjs names it; `next start` sets PORT. */
export function internalOrigin(): string {
  return process.env.ANSLAG_INTERNAL_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}
