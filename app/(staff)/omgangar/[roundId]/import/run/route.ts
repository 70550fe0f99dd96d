import { z } from "zod";
import { getDb } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { encodeEvent, NDJSON_CONTENT_TYPE, type ImportEvent } from "@/lib/import/protocol";
import { auditActorOf } from "@/lib/audit";
import { FOREIGN_ORIGIN_MESSAGE, isSameOrigin } from "@/lib/auth/route-handlers";
import { requireUser } from "@/lib/auth/session";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import { takeImportSlot } from "@/lib/import/limits";
import { runImportOffThread } from "@/lib/import/off-thread";

/*
 * POST a spreadsheet (multipart: file, mode, allOrNothing) to check it ("preview", nothing written) or import it.
 * A route handler rather than a server action: no 1 MB action body limit, and the answer can stream progress.
 * Whatever happens after the checks below, the answer is a 200 stream whose last line says how it ended; a Swedish
 * message, never a stack trace.
 */

const TOO_LARGE = "Filen är för stor (högst 10 MB).";
// Room for the multipart boundaries and the other fields around the file itself.
const FORM_OVERHEAD_BYTES = 64 * 1024;
const MAX_FORM_BYTES = MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES;

const formSchema = z.object({
  mode: z.enum(["preview", "import"], { error: "Okänt steg: förhandsgranska eller läs in." }),
  allOrNothing: z.enum(["true", "false"], { error: "Ange om allt eller inget ska läsas in." }).transform((value) => value === "true"),
  file: z.instanceof(File, { error: "Välj en fil att läsa in." }),
});

export async function POST(request: Request, { params }: { params: Promise<{ roundId: string }> }) {
  // Before anything else: a form posted from another origin with the officer's cookies writes nothing.
  if (!isSameOrigin(request)) return refuse(403, FOREIGN_ORIGIN_MESSAGE);
  const user = await requireUser("application:write");
  const roundId = Number((await params).roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || !getRound(getDb(), roundId)) return refuse(404, "Omgången finns inte.");

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_FORM_BYTES) return refuse(413, TOO_LARGE);
  // One import at a time per user, a few a minute, a few on the server at once (lib/import/limits.ts): asked before
  // the body is read, so a refused upload costs nothing.
  const slot = takeImportSlot(user.id);
  if ("refused" in slot) return refuse(429, slot.refused);
  let handedOver = false;
  try {
    const body = await readCapped(request, MAX_FORM_BYTES);
    if (body === "too-large") return refuse(413, TOO_LARGE);
    let form: FormData;
    try {
      form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      // The proxy (proxy.ts) passes on at most proxyClientMaxBodySize bytes of a body and cuts the rest, so a file
      // just over the limit arrives as a broken form rather than as a large file.
      return length > MAX_IMPORT_BYTES ? refuse(413, TOO_LARGE) : refuse(400, "Filen kom inte fram hela. Försök igen.");
    }
    const parsed = formSchema.safeParse({ mode: form.get("mode"), allOrNothing: form.get("allOrNothing"), file: form.get("file") });
    if (!parsed.success) return refuse(400, parsed.error.issues[0]?.message ?? "Välj en fil att läsa in.");
    const { mode, allOrNothing, file } = parsed.data;
    if (file.size > MAX_IMPORT_BYTES) return refuse(413, TOO_LARGE);
    const bytes = new Uint8Array(await file.arrayBuffer());

    // Parsed, checked and written in a worker thread with its own connection: this thread only passes the lines on.
    const events = runImportOffThread({ roundId, bytes, fileName: file.name, mode, allOrNothing, actor: auditActorOf(user) });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // Not awaited by start(), so each line is readable as soon as it is enqueued. The import runs to its end even
        // if the officer leaves the page: stopping between chunks would leave a half-imported file nobody saw.
        void (async () => {
          let open = true;
          const send = (event: ImportEvent) => {
            if (!open) return;
            try {
              controller.enqueue(encoder.encode(encodeEvent(event)));
            } catch {
              open = false;
            }
          };
          try {
            for await (const event of events) send(event);
          } catch (error) {
            console.error(error);
            send({ phase: "error", message: "Något gick fel och ingenting lästes in. Försök igen." });
          } finally {
            slot.release();
          }
          if (open) controller.close();
        })();
      },
    });
    handedOver = true;
    return new Response(stream, { headers: streamHeaders() });
  } finally {
    if (!handedOver) slot.release();
  }
}

/**
 * The request's body, read as it arrives and given up as soon as it passes `max` bytes: a body sent without a
 * Content-Length (chunked) is held to the cap too, without being read whole first.
 */
async function readCapped(request: Request, max: number): Promise<Uint8Array | "too-large"> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** A refusal before any work: the same one-line stream, with a status that says why. */
function refuse(status: number, message: string): Response {
  return new Response(encodeEvent({ phase: "error", message }), { status, headers: streamHeaders() });
}

function streamHeaders(): HeadersInit {
  // no-transform and X-Accel-Buffering keep proxies from holding the progress lines back until the end.
  return { "Content-Type": NDJSON_CONTENT_TYPE, "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" };
}
