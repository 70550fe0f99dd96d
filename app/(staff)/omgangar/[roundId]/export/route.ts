import { notFound } from "next/navigation";
import { z } from "zod";
import { parseListParams } from "@/lib/applications/list-params";
import { applicationScope } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { exportRoundApplicationsOffThread } from "@/lib/export/off-thread";

/*
 * GET /omgangar/<id>/export?format=csv|xlsx plus the round page's list parameters (sok, status, lan, typ, sortera,
 * ordning): the applications the list on screen shows, all its pages, as a download for Excel.
 */

const querySchema = z.object({
  format: z.enum(["csv", "xlsx"], { error: "Ange format=csv eller format=xlsx." }),
});

export async function GET(request: Request, { params }: { params: Promise<{ roundId: string }> }) {
  const user = await requireUser("application:read:any");
  const roundId = Number((await params).roundId);
  if (!Number.isInteger(roundId) || roundId <= 0) notFound();
  const searchParams = new URL(request.url).searchParams;
  const query = querySchema.safeParse({ format: searchParams.get("format") ?? undefined });
  if (!query.success) return text(400, query.error.issues[0]?.message ?? "Ange format=csv eller format=xlsx.");
  const list = parseListParams(Object.fromEntries(searchParams));

  try {
    // Read and built in a worker thread with its own connection (lib/export/off-thread.ts): a large round's file took
    // seconds on this thread, and every other request waited for it.
    const file = await exportRoundApplicationsOffThread(roundId, query.data.format, applicationScope(user), list);
    return new Response(file.body as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": attachment(file.fileName),
        "Content-Length": String(file.body.byteLength),
        // Applicants' contact details: never kept by a shared cache or the browser's.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    console.error(error);
    return text(500, "Exporten kunde inte skapas. Försök igen.");
  }
}

/** RFC 6266 with an RFC 5987 filename* for names outside ASCII; the plain filename is the fallback for old clients. */
function attachment(fileName: string): string {
  const fallback = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "export";
  if (fallback === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
