import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getDecisionLetterData } from "@/db/queries/letters";
import { applicationScope } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
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

/*
 * notFound() in a route handler answers 404 with an empty body, which a browser following a stale or shared link
 * shows as its own error page. This is the app's "Sidan finns inte" as a small page of its own, the same for every
 * reason a letter is not there.
 */
async function notFoundPage(): Promise<Response> {
  const [t, locale] = await Promise.all([getTranslations("errors"), getLocale()]);
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="${escape(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t("notFoundTitle"))}</title></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5">
<main><h1>${escape(t("notFoundTitle"))}</h1><p>${escape(t("notFoundText"))}</p><p><a href="/">${escape(t("toStart"))}</a></p></main>
</body>
</html>`;
  return new Response(html, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
