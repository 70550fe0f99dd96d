import { describe, expect, it } from "vitest";
import { encodeEvent, readEvents, type ImportEvent } from "./protocol";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** The bytes cut into pieces of `size`, so lines and multi-byte characters are split across chunks. */
function cut(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.slice(i, i + size));
  return pieces;
}

const EVENTS: ImportEvent[] = [
  { phase: "validating", done: 0, total: 2 },
  { phase: "validating", done: 2, total: 2 },
  { phase: "importing", done: 1, total: 1, atomic: false },
  { phase: "error", message: "Kommunkoden 9999 finns inte i Västerbottens län – rätta filen." },
];

describe("readEvents", () => {
  it.each([1, 2, 7, 1000])("hands over every event in order when the stream arrives in pieces of %i bytes", async (size) => {
    const seen: ImportEvent[] = [];
    const final = await readEvents(streamOf(cut(EVENTS.map(encodeEvent).join(""), size)), (e) => seen.push(e));
    expect(seen).toEqual(EVENTS);
    expect(final).toEqual(EVENTS[3]);
  });

  it("returns null when the stream ends without a final event, and reads a last line without a newline", async () => {
    const seen: ImportEvent[] = [];
    const text = `${encodeEvent({ phase: "validating", done: 0, total: 10 })}{"phase":"importing","done":5,"total":10,"atomic":false}`;
    expect(await readEvents(streamOf(cut(text, 5)), (e) => seen.push(e))).toBeNull();
    expect(seen.map((e) => e.phase)).toEqual(["validating", "importing"]);
  });

  it("skips lines that are not events (a proxy's error page, blank lines)", async () => {
    const seen: ImportEvent[] = [];
    const text = `<html>502</html>\n\n{"phase":"unknown"}\n${encodeEvent({ phase: "done", report: { allOrNothing: false, imported: 0, refused: 0, skipped: 0, importedRows: [], refusedRows: [], listLimit: 1000 } })}`;
    const final = await readEvents(streamOf(cut(text, 3)), (e) => seen.push(e));
    expect(seen).toHaveLength(1);
    expect(final?.phase).toBe("done");
  });
});
