/*
 * The steps of an application as its coordinator follows them: received, then what the audit trail records
 * (an officer's edit, a change of contact person, a decision changed or withdrawn), and the decision on its own
 * date. The decision's date is the one the decision was taken, which is what the letter says; the audit trail's
 * "decision.create" is when it was typed in and is left out, so a decision is not listed twice.
 */

export type TimelineStepKind =
  | "received"
  | "application_update"
  | "application_contact"
  | "decided_approved"
  | "decided_rejected"
  | "decision_update"
  | "decision_withdraw";

export type TimelineStep = { kind: TimelineStepKind; on: Date | string };

const FROM_AUDIT: Record<string, TimelineStepKind> = {
  "application.update": "application_update",
  "application.contact": "application_contact",
  "decision.update": "decision_update",
  "decision.withdraw": "decision_withdraw",
};

/** A calendar date ("2013-11-20") sorts as its noon, between the events of that day's morning and afternoon. */
function sortKey(on: Date | string): number {
  return typeof on === "string" ? Date.parse(`${on}T12:00:00Z`) : on.getTime();
}

export function applicationTimeline(input: {
  receivedAt: Date;
  decision: { outcome: "approved" | "rejected"; decidedOn: string } | null;
  events: readonly { at: Date; action: string }[];
}): TimelineStep[] {
  const steps: TimelineStep[] = [{ kind: "received", on: input.receivedAt }];
  for (const event of input.events) {
    const kind = FROM_AUDIT[event.action];
    if (kind) steps.push({ kind, on: event.at });
  }
  if (input.decision) steps.push({ kind: input.decision.outcome === "approved" ? "decided_approved" : "decided_rejected", on: input.decision.decidedOn });
  // Stable: steps of the same moment keep the order they happened in.
  return steps.map((step, i) => ({ step, i })).sort((a, b) => sortKey(a.step.on) - sortKey(b.step.on) || a.i - b.i).map(({ step }) => step);
}
