import { newsroomFeed } from "../_lib/feed";

/* /nyheter/atom.xml: the newsroom as ATOM. Static, rendered on first request, revalidated on publication. */

export const dynamic = "force-static";
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  return newsroomFeed((await params).locale, "atom");
}
