import { requireUser } from "@/lib/auth/session";
import { APPLICATION_TEMPLATE_COLUMNS } from "@/lib/import";

/*
 * GET /omgangar/<id>/import/mall: an empty import file with every column heading, written as Swedish Excel reads a
 * CSV (UTF-8 with BOM, ";", CRLF). Headings only: an example row imported by mistake would become an application.
 */

export async function GET() {
  await requireUser("application:write");
  const headings = APPLICATION_TEMPLATE_COLUMNS.join(";");
  return new Response(`\uFEFF${headings}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mall-ansokningar.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
