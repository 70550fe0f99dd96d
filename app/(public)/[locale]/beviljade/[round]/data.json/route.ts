import { grantsDataResponse } from "../../read-grants";

/* /beviljade/<round>.json: static, rendered on first request, revalidated on publication (read-grants.ts). */

export const dynamic = "force-static";
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export function GET(_request: Request, { params }: { params: Promise<{ locale: string; round: string }> }): Promise<Response> {
  return grantsDataResponse(params, "json");
}
