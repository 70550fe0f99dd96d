import { notFound } from "next/navigation";
import { isRevalidateSecret, revalidateNewsroom, REVALIDATE_HEADER } from "@/lib/press/newsroom-cache";

/*
 * The scheduler's way to revalidate the newsroom from its timer (lib/press/newsroom-cache.ts says why). Only this
 * process's own secret opens it; any other request is answered as a missing page.
 */

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!isRevalidateSecret(request.headers.get(REVALIDATE_HEADER))) notFound();
  revalidateNewsroom();
  return new Response(null, { status: 204 });
}
