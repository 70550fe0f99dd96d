import { toLocale } from "@/lib/i18n/config";
import { grantsJson } from "@/lib/press/grants-data";
import { readGrants } from "../../read-grants";

/*
 * /beviljade/<round>.json (proxy.ts rewrites it here): the grants list as 360Giving data. 404 for a round that does
 * not exist or is not announced, as the page. Static, rendered on first request, revalidated on publication.
 */

export const dynamic = "force-static";
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; round: string }> }): Promise<Response> {
  const p = await params;
  const data = await readGrants(p.round, toLocale(p.locale));
  // A Response, not notFound(): a thrown 404 is cached without the route's tags, so no revalidation would ever
  // replace it once the round is announced. This one is revalidated with the rest of the newsroom.
  if (!data) return new Response("Sidan finns inte.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(grantsJson(data.round, data.title, data.grants), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `inline; filename="beviljade-${data.round.programmeCode}-${data.round.year}-omgang-${data.round.ordinal}.json"`,
    },
  });
}
