import { notFound } from "next/navigation";
import { isRevalidateSecret, revalidateNewsroom, REVALIDATE_HEADER } from "@/lib/press/newsroom-cache";

/*
 * The scheduler's way to revalidate the newsroom from its timer (lib/press/newsroom-cache.ts says why). Not a user's
 * route, so no session or permission: it is public in that sense, and only this process's own random secret
 * (compared in constant time) opens it; any other request is answered as a missing page. It only marks cached pages
 * stale, which reveals nothing: every page reads through publicReleaseWhere when it is made again.
 */

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!isRevalidateSecret(request.headers.get(REVALIDATE_HEADER))) notFound();
  revalidateNewsroom();
  return new Response(null, { status: 204 });
}
