import { getDb } from "@/db";
import { listAuditTrailForExport } from "@/db/queries/audit";
import { AUDIT_EXPORT_LIMIT, auditTrailCsv, auditTrailFilter, parseAuditTrailQuery } from "@/lib/audit/trail";
import { requireUser } from "@/lib/auth/session";

/** GET /logg/export?…: the filtered audit trail as CSV, for an admin (audit:read:all). */
export async function GET(request: Request): Promise<Response> {
  await requireUser("audit:read:all");
  const query = parseAuditTrailQuery(Object.fromEntries(new URL(request.url).searchParams));
  const events = listAuditTrailForExport(getDb(), auditTrailFilter(query), AUDIT_EXPORT_LIMIT + 1);
  const cut = events.length > AUDIT_EXPORT_LIMIT;
  const body = auditTrailCsv(events.slice(0, AUDIT_EXPORT_LIMIT), cut);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="logg-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
