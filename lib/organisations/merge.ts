import type { Db, DbOrTx } from "@/db/client";
import { getOrganisation, listApplicationOrganisationNames, mergeOrganisationRows, planOrganisationMerge, touchOrganisation, type MergeCollision, type MergePlan } from "@/db/queries/organisations";
import type { Organisation } from "@/db/schema";
import { inWriteTransaction } from "@/db/transaction";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { capitalizeFirst, formatList, ordinalInWords } from "@/lib/format";
import { refreshReleaseFacts } from "@/lib/press/stale";
import { mergeOrganisationsSchema } from "./merge-schema";
import { organisationVersionOf } from "./update";

/*
 * Merging an organisation entered twice ("Borås stad" registered beside "Borås Stad"): everything that references the
 * duplicate (applications it leads, its co-applications, its coordinators) moves to the kept organisation and the
 * duplicate's row is deleted, in one BEGIN IMMEDIATE transaction with one audit event on the kept organisation.
 * The kept organisation keeps its own name, short name, kind and codes. Refused, with nothing written, when both lead
 * an application in the same round (a merge would put two applications of one round under one lead, which is
 * almost always two different organisations rather than one entered twice).
 */

export const MERGE_SELF_MESSAGE = "En organisation kan inte slås ihop med sig själv.";
export const MERGE_STALE_MESSAGE =
  "Organisationerna har ändrats sedan förhandsgranskningen visades. Ladda om sidan och granska sammanslagningen igen; ingenting har ändrats.";

export type MergePreview = {
  kept: Organisation;
  duplicate: Organisation;
  plan: MergePlan;
  /** The refusal the merge would meet (a round collision), or null. */
  refusal: string | null;
};

function roundName(c: MergeCollision): string {
  return `${capitalizeFirst(ordinalInWords(c.ordinal))} omgången ${c.year} av ${c.programmeName}`;
}

/** The refusal for rounds both organisations lead applications in, naming the rounds and registration numbers. */
export function collisionMessage(collisions: readonly MergeCollision[]): string {
  const rounds = collisions.map((c) => `${roundName(c)} (${formatList(c.registrationNumbers)})`);
  return `Organisationerna kan inte slås ihop: båda är huvudsökande i ${formatList(rounds)}. En omgång skulle då få två ansökningar med samma huvudsökande.`;
}

/** What merging `duplicateId` into `keptId` would do, for the preview; null when either organisation is missing. */
export function previewOrganisationMerge(db: DbOrTx, keptId: number, duplicateId: number): MergePreview | null {
  if (keptId === duplicateId) return null;
  const kept = getOrganisation(db, keptId);
  const duplicate = getOrganisation(db, duplicateId);
  if (!kept || !duplicate) return null;
  const plan = planOrganisationMerge(db, keptId, duplicateId);
  return { kept, duplicate, plan, refusal: plan.collisions.length > 0 ? collisionMessage(plan.collisions) : null };
}

export type MergeResult = { kept: Organisation; removed: Organisation; plan: MergePlan };

export function mergeOrganisations(db: Db, input: unknown, actor: AuditActor): MergeResult {
  const parsed = mergeOrganisationsSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("Sammanslagningen kunde inte läsas. Ladda om sidan och försök igen.", undefined, "invalid");
  const { keptId, duplicateId } = parsed.data;
  if (keptId === duplicateId) throw new DomainError(MERGE_SELF_MESSAGE, undefined, "invalid");

  return inWriteTransaction(db, (tx) => {
    const kept = getOrganisation(tx, keptId);
    const duplicate = getOrganisation(tx, duplicateId);
    if (!kept || !duplicate) throw new DomainError("Organisationen finns inte.", undefined, "not_found");
    if (organisationVersionOf(kept) !== parsed.data.keptVersion || organisationVersionOf(duplicate) !== parsed.data.duplicateVersion) {
      throw new DomainError(MERGE_STALE_MESSAGE, undefined, "conflict");
    }
    const plan = planOrganisationMerge(tx, keptId, duplicateId);
    if (plan.collisions.length > 0) throw new DomainError(collisionMessage(plan.collisions), undefined, "domain", { collisions: plan.collisions });
    // An application registered or a coordinator added since the preview: the admin confirmed other numbers.
    const coApplicationCount = plan.coApplicationIds.length + plan.dedupedCoApplicationIds.length + plan.droppedCoApplicationIds.length;
    if (plan.leadApplicationIds.length !== parsed.data.leadCount || coApplicationCount !== parsed.data.coApplicationCount || plan.userIds.length !== parsed.data.userCount) {
      throw new DomainError(MERGE_STALE_MESSAGE, undefined, "conflict");
    }

    // updated_at is the version token in whole seconds: it must move even within the second of the last save.
    const at = new Date(Math.max(Math.floor(Date.now() / 1000), parsed.data.keptVersion + 1) * 1000);
    const changed = [...new Set([...plan.leadApplicationIds, ...plan.coApplicationIds, ...plan.dedupedCoApplicationIds, ...plan.droppedCoApplicationIds])].sort((a, b) => a - b);
    const namesBefore = listApplicationOrganisationNames(tx, changed);
    mergeOrganisationRows(tx, keptId, duplicateId, plan, at);
    const after = touchOrganisation(tx, keptId, at)!;
    // Each application whose organisations changed says so in its own history ("Sökande organisation: A → B").
    const namesAfter = listApplicationOrganisationNames(tx, changed);
    for (const id of changed) {
      writeAudit(tx, {
        actor,
        action: "application.organisationMerge",
        entityType: "application",
        entityId: id,
        before: { ...namesBefore.get(id), mergedOrganisationId: duplicate.id },
        after: { ...namesAfter.get(id), keptOrganisationId: keptId },
        at,
      });
    }
    // A coordinator moves with their organisation: the same organisation, so their sessions go on.
    for (const id of plan.userIds) {
      writeAudit(tx, { actor, action: "user.organisationMerge", entityType: "user", entityId: id, before: { organisationId: duplicate.id }, after: { organisationId: keptId }, at });
    }
    writeAudit(tx, {
      actor,
      action: "organisation.merge",
      entityType: "organisation",
      entityId: keptId,
      // The removed organisation as it was: its row is gone, the trail keeps it.
      before: { kept, removed: duplicate },
      after: {
        kept: after,
        mergedOrganisationId: duplicate.id,
        leadApplicationIds: plan.leadApplicationIds,
        coApplicationIds: plan.coApplicationIds,
        dedupedCoApplicationIds: plan.dedupedCoApplicationIds,
        droppedCoApplicationIds: plan.droppedCoApplicationIds,
        userIds: plan.userIds,
        counts: {
          leadApplications: plan.leadApplicationIds.length,
          coApplications: plan.coApplicationIds.length,
          dedupedCoApplications: plan.dedupedCoApplicationIds.length,
          droppedCoApplications: plan.droppedCoApplicationIds.length,
          users: plan.userIds.length,
        },
      },
      at,
    });
    // Releases name their recipients by organisation: a round whose grants changed organisation has changed facts.
    refreshReleaseFacts(tx, plan.roundIds, actor, at);
    return { kept: after, removed: duplicate, plan };
  });
}
