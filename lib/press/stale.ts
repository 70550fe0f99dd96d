import type { DbOrTx } from "@/db/client";
import { getRelease, isPublicRelease, listReleasesOfRound, setReleaseStale, updateReleaseState, type Release } from "@/db/queries/press-releases";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { PressTarget } from "./context";
import { loadPressContext } from "./context";
import { diffFacts, factsHashOf, factsOf, type FactChange } from "./facts";

/*
 * A release remembers the facts it was made from. When a decision (or an application behind one) changes, every
 * write that can change facts calls refreshReleaseFacts for the rounds it touched, in its own transaction: each
 * release of those rounds is compared with the data now, and marked stale (with an audit event naming the changed
 * facts) or fresh again (the change was undone). A scheduled or embargoed release that goes stale before its time
 * loses its time, so it never becomes public by itself with the old facts. Releases per round are few; this is a
 * handful of indexed reads.
 */

const ALL = { kind: "all" } as const;

export function targetOfRelease(release: Pick<Release, "targetKind" | "roundId" | "countyCode" | "applicationId">): PressTarget {
  if (release.targetKind === "recipient" && release.applicationId !== null) return { kind: "recipient", applicationId: release.applicationId };
  if (release.targetKind === "county" && release.countyCode !== null) return { kind: "county", roundId: release.roundId, countyCode: release.countyCode };
  return { kind: "round", roundId: release.roundId };
}

/** The facts of a release's target now, or null when the target is gone (a recipient's grant withdrawn). */
export function currentFactsOf(db: DbOrTx, release: Pick<Release, "targetKind" | "roundId" | "countyCode" | "applicationId">) {
  const context = loadPressContext(db, targetOfRelease(release), ALL);
  return context ? factsOf(context) : null;
}

/** What changed in the data since the release was made (or its change last accepted): nothing when it is current. */
export function changedFactsOf(db: DbOrTx, release: Release): FactChange[] {
  const now = currentFactsOf(db, release);
  return diffFacts(release.facts, (now ?? {}) as Record<string, unknown>);
}

export function refreshReleaseFacts(tx: DbOrTx, roundIds: Iterable<number>, actor: AuditActor, at = new Date()): void {
  for (const roundId of new Set(roundIds)) {
    for (const row of listReleasesOfRound(tx, roundId)) {
      const facts = currentFactsOf(tx, row);
      const current = facts ? factsHashOf(facts) : null;
      const stale = current !== row.factsHash;
      if (stale && row.staleAt === null) {
        const release = getRelease(tx, row.id)!;
        setReleaseStale(tx, row.id, at);
        const changes = diffFacts(release.facts, (facts ?? {}) as Record<string, unknown>);
        writeAudit(tx, { actor, action: "release.stale", entityType: "release", entityId: row.id, before: { staleAt: null }, after: { staleAt: at, changes }, at });
        // A scheduled or embargoed release must not go public with facts that are no longer true: its time is
        // taken off (back to approved), and it is scheduled again once regenerated or its changes accepted.
        if ((row.status === "scheduled" || row.status === "embargoed") && !isPublicRelease(row, at)) {
          updateReleaseState(tx, row.id, null, { status: "approved", publishAt: null }, actor, "release.unschedule", at);
        }
      } else if (!stale && row.staleAt !== null) {
        setReleaseStale(tx, row.id, null);
        writeAudit(tx, { actor, action: "release.fresh", entityType: "release", entityId: row.id, before: { staleAt: row.staleAt }, after: { staleAt: null }, at });
      }
    }
  }
}
