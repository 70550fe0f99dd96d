/*
 * Runs once when the server process starts (`node server.mjs`, `next start`, `next dev`): starts the newsroom's
 * scheduled publishing (lib/press/scheduler.ts) and the delivery of mail from the outbox (lib/mail/delivery-loop.ts).
 * Only in the Node runtime, never during `next build`, and never in Vitest or the CLI (they do not load this file;
 * the VITEST check is for a test that imports it).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.VITEST) return;
  const { startNewsroomScheduler, tickMsFrom } = await import("./lib/press/scheduler");
  startNewsroomScheduler(undefined, tickMsFrom(process.env));
  const { startMailDelivery } = await import("./lib/mail/delivery-loop");
  startMailDelivery();
}
