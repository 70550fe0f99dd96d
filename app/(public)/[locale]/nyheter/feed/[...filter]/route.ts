import { newsroomFeed } from "../../_lib/feed";
import { parseFeedPath } from "../../_lib/paths";

/*
 * /nyheter/feed/amne/<topic>.xml, /nyheter/feed/region/<code>.xml and /nyheter/feed/amne/<topic>/region/<code>.xml:
 * RSS of one topic, one county, or both, for journalists who follow only those. Static per filter, rendered on
 * first request, revalidated on publication like the rest of the newsroom.
 */

export const dynamic = "force-static";
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; filter: string[] }> }): Promise<Response> {
  const { locale, filter } = await params;
  const parsed = parseFeedPath(filter);
  // A Response, not notFound(): a thrown 404 would be cached without the newsroom's revalidation (see read-grants.ts).
  if (!parsed) return new Response("Sidan finns inte.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return newsroomFeed(locale, "rss", parsed);
}
