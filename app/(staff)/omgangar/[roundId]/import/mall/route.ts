import { getDb } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { requireUser } from "@/lib/auth/session";
import { notFoundPage } from "@/lib/http/not-found-page";
import { APPLICATION_TEMPLATE_COLUMNS } from "@/lib/import";

/*
 * GET /omgangar/<id>/import/mall: an empty import file with every column heading, written as Swedish Excel reads a
 * CSV (UTF-8 with BOM, ";", CRLF). Headings only: an example row imported by mistake would become an application.
 */

export async function GET(_request: Request, { params }: { params: Promise<{ roundId: string }> }) {
  await requireUser("application:write");
  // The file belongs to a round's import page: a round that does not exist has none, as its page says.
  const roundId = Number((await params).roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || !getRound(getDb(), roundId)) return notFoundPage();
  const headings = APPLICATION_TEMPLATE_COLUMNS.join(";");
  return new Response(`\uFEFF${headings}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mall-ansokningar.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
