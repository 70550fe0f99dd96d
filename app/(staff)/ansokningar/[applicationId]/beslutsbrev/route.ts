import { getDb } from "@/db";
import { getDecisionLetterData } from "@/db/queries/letters";
import { applicationScope } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { notFoundPage } from "@/lib/http/not-found-page";
import { decisionLetterFile, decisionLetterQuerySchema } from "@/lib/letters";

/** GET /ansokningar/<id>/beslutsbrev?format=docx|pdf: the decision letter of a decided application. */
export async function GET(request: Request, { params }: { params: Promise<{ applicationId: string }> }) {
  const user = await requireUser(["application:read:any", "application:read:own-organisation"]);
  const id = Number((await params).applicationId);
  if (!Number.isInteger(id) || id <= 0) return notFoundPage();

  const query = decisionLetterQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return new Response(query.error.issues[0]?.message ?? "Ogiltig begäran.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  // The scope is part of the query: another organisation's letter is not found, exactly like a missing application
  // or one without a decision.
  const application = getDecisionLetterData(getDb(), id, applicationScope(user));
  if (!application?.letter) return notFoundPage();

  const file = await decisionLetterFile(application.letter, query.data.format);
  return new Response(Buffer.from(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.body.byteLength),
      // A letter holds an organisation's decision: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
