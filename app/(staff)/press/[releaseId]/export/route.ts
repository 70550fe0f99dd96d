import { z } from "zod";
import { getDb } from "@/db";
import { getRelease, getReleaseVersion, listReleaseVersions } from "@/db/queries/press-releases";
import { requireUser } from "@/lib/auth/session";
import { notFoundPage } from "@/lib/http/not-found-page";
import { PRESS_SENDER } from "@/lib/press/context";
import { EXPORT_FORMATS, exportSnapshot, releaseFileName } from "@/lib/press/export";

const querySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "Välj format: md, txt, html, docx eller pdf." }),
  version: z.coerce.number().int().positive().optional(),
});

/** GET /press/<id>/export?format=docx&version=3: any saved version of a release as Word, PDF, HTML, Markdown or text. */
export async function GET(request: Request, { params }: { params: Promise<{ releaseId: string }> }) {
  await requireUser("press:export");
  const id = Number((await params).releaseId);
  if (!Number.isInteger(id) || id <= 0) return notFoundPage();
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return new Response(query.error.issues[0]?.message ?? "Ogiltig begäran.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const db = getDb();
  const release = getRelease(db, id);
  if (!release) return notFoundPage();
  // Without ?version= the latest saved version, which is what the release says now.
  const wanted = query.data.version ?? listReleaseVersions(db, id)[0]?.version ?? 1;
  const version = getReleaseVersion(db, id, wanted);
  if (!version) return notFoundPage();
  const file = await exportSnapshot(version.content, query.data.format, {
    status: release.status,
    version: version.version,
    publishAt: release.publishAt,
    grantsUrl: `${new URL(request.url).origin}/beviljade/${release.roundId}`,
    sender: PRESS_SENDER.name,
  });
  const body = typeof file.body === "string" ? Buffer.from(file.body, "utf8") : file.body;
  const name = releaseFileName(release.slug, version.version, query.data.format);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
