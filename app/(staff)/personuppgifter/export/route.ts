import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { findPersonalData, personalDataExport, subjectOf } from "@/lib/personal-data/find";

/** GET /personuppgifter/export?sok=…: everything stored about the person, as a JSON download (personal-data:manage). */
export async function GET(request: Request): Promise<Response> {
  await requireUser("personal-data:manage");
  const subject = subjectOf(new URL(request.url).searchParams.get("sok") ?? "");
  if (!subject) return new Response("Ange en e-postadress eller ett namn.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const body = JSON.stringify(personalDataExport(findPersonalData(getDb(), subject)), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="personuppgifter-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
