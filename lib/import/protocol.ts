import type { CellError } from "@/lib/import/columns";

/*
 * What POST /omgangar/<id>/import/run streams back: one JSON object per line (NDJSON), so the page can show progress
 * while a long file is checked and imported. The last line is always "preview", "done" or "error"; a stream that
 * ends without one was cut off.
 */

export type PreviewRow = {
  rowNumber: number;
  organisation: string;
  projectTitle: string;
  requestedAmount: number;
  decision: { outcome: "approved" | "rejected"; grantedAmount: number } | null;
};

export type RefusedRow = { rowNumber: number; errors: CellError[] };

export type ImportedRow = { rowNumber: number; applicationId: number; registrationNumber: string };

/** Lists are cut at `listLimit` rows so a 10 000-row file does not become a 10 000-row table; the counts are whole. */
export type PreviewSummary = {
  total: number;
  valid: number;
  invalid: number;
  approvedInFile: number;
  remainingBudget: number;
  validRows: PreviewRow[];
  refusedRows: RefusedRow[];
  listLimit: number;
};

export type ReportSummary = {
  allOrNothing: boolean;
  imported: number;
  refused: number;
  skipped: number;
  importedRows: ImportedRow[];
  refusedRows: RefusedRow[];
  listLimit: number;
};

export type ImportEvent =
  | { phase: "validating"; done: number; total: number }
  /** `atomic`: one transaction for the whole file, so there is no row-by-row progress to report until it ends. */
  | { phase: "importing"; done: number; total: number; atomic: boolean }
  | { phase: "preview"; preview: PreviewSummary }
  | { phase: "done"; report: ReportSummary }
  /** An unexpected failure: the import transaction rolled back, so nothing of the file was written. */
  | { phase: "error"; message: string; report?: ReportSummary };

export const NDJSON_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";

export function isFinalEvent(event: ImportEvent): boolean {
  return event.phase === "preview" || event.phase === "done" || event.phase === "error";
}

export function encodeEvent(event: ImportEvent): string {
  return `${JSON.stringify(event)}\n`;
}

const PHASES = new Set(["validating", "importing", "preview", "done", "error"]);

/**
 * Reads an NDJSON stream line by line, however the network splits it (a chunk may end mid-line or mid-character),
 * and hands each event over as it arrives. Returns the final event, or null when the stream ended without one.
 */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: ImportEvent) => void): Promise<ImportEvent | null> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  let final: ImportEvent | null = null;
  const take = (line: string) => {
    if (line.trim() === "") return;
    const event = parseEvent(line);
    if (!event) return;
    if (isFinalEvent(event)) final = event;
    onEvent(event);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      take(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf("\n");
    }
  }
  take(buffered + decoder.decode());
  return final;
}

function parseEvent(line: string): ImportEvent | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === "object" && value !== null && PHASES.has((value as { phase?: unknown }).phase as string)) {
      return value as ImportEvent;
    }
  } catch {
    // A line that is not ours (a proxy's error page): ignored; the missing final event says the stream failed.
  }
  return null;
}
