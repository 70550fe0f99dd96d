/*
 * How many imports may run. Each one parses and checks a file of up to 10 MB in a worker thread of its own (about a
 * core and a few hundred MB while it runs), so a user runs one at a time and a few a minute, and the server a few at
 * once. Checking a file (the preview) counts as a run too: it does the same work but the write. The counts are kept
 * in the server's memory: the app is one process (server.mjs), and a restart forgets them, which is harmless.
 */

export const IMPORTS_PER_USER_AT_ONCE = 1;
export const IMPORTS_PER_USER_PER_MINUTE = 6;
export const IMPORTS_AT_ONCE = 2;
const MINUTE_MS = 60_000;

export const IMPORT_ALREADY_RUNNING = "Du har redan en inläsning som pågår. Vänta tills den är klar och försök sedan igen.";
// The number is written out: the message is translated by its text (lib/i18n/validation.ts).
export const IMPORT_TOO_OFTEN = "Du har läst in eller förhandsgranskat sex filer den senaste minuten, och fler går inte. Vänta en minut och försök igen.";
export const IMPORTS_BUSY = "Servern läser redan in andra filer. Försök igen om en stund.";

/** Another write while an import's one transaction is being written (lib/import/off-thread.ts). */
export const IMPORT_WRITING = "En stor inläsning sparas just nu. Ingenting har sparats: vänta en stund och försök igen.";

export type ImportSlot = { release: () => void };
export type SlotRefusal = { refused: string };

type Limiter = { running: Map<number, number>; started: Map<number, number[]>; total: number };

function newLimiter(): Limiter {
  return { running: new Map(), started: new Map(), total: 0 };
}

// On globalThis: the route's bundle may be loaded more than once in one server, and all must share the counts.
const holder = globalThis as unknown as { anslagImportLimiter?: Limiter };

function limiter(): Limiter {
  holder.anslagImportLimiter ??= newLimiter();
  return holder.anslagImportLimiter;
}

/**
 * Takes a slot for `userId`'s import, or says in Swedish why not. The slot must be released when the run ends,
 * however it ends (release is idempotent).
 */
export function takeImportSlot(userId: number, now: number = Date.now()): ImportSlot | SlotRefusal {
  const state = limiter();
  const running = state.running.get(userId) ?? 0;
  if (running >= IMPORTS_PER_USER_AT_ONCE) return { refused: IMPORT_ALREADY_RUNNING };
  const recent = (state.started.get(userId) ?? []).filter((at) => now - at < MINUTE_MS);
  if (recent.length >= IMPORTS_PER_USER_PER_MINUTE) {
    state.started.set(userId, recent);
    return { refused: IMPORT_TOO_OFTEN };
  }
  if (state.total >= IMPORTS_AT_ONCE) return { refused: IMPORTS_BUSY };

  recent.push(now);
  state.started.set(userId, recent);
  state.running.set(userId, running + 1);
  state.total++;
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      const left = (state.running.get(userId) ?? 1) - 1;
      if (left > 0) state.running.set(userId, left);
      else state.running.delete(userId);
      state.total--;
    },
  };
}

/** For tests: forgets every count. */
export function resetImportLimits(): void {
  holder.anslagImportLimiter = newLimiter();
}
