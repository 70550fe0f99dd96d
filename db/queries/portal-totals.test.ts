import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getOrganisationByName, insertOrganisation } from "@/db/queries/organisations";
import { freshTestDb } from "@/db/testing";
import { insertTestProgramme, insertTestRound } from "@/db/testing/decisions";
import { keptPortalRoundTotals, portalApplicationIdsFromScratch, recomputedPortalRoundTotals } from "@/db/testing/portal";
import { saveNewApplication } from "@/lib/applications/register";
import { registerApplicationSchema, updateApplicationSchema } from "@/lib/applications/schema";
import { updateApplication } from "@/lib/applications/update";
import { changeDecision, makeDecision, takeBackDecision } from "@/lib/decisions/record";
import { changeDecisionSchema, recordDecisionSchema } from "@/lib/decisions/schema";
import { DomainError } from "@/lib/errors";
import { mergeOrganisations, previewOrganisationMerge } from "@/lib/organisations/merge";
import { organisationVersionOf } from "@/lib/organisations/update";
import { listPortalApplicationPage, listPortalRoundTotals } from "./portal";

/*
 * The totals the portal reads (portal_round_totals, kept by the triggers of migration 0009) always equal the totals
 * recomputed from scratch the way the portal computed them before (db/testing/portal.ts), whatever sequence of
 * writes came before: registration and editing through the forms' own functions, decisions made, changed and taken
 * back, organisations merged, and the plain SQL of other writers (a multi-row INSERT as a bulk import makes, a
 * round changed, a co-applicant moved or removed, an application deleted). After each sequence, paging through
 * every organisation's applications gives exactly the old query's list, in its order.
 */

const actor = { id: null, label: "Egenskapstest" };
const ORGANISATIONS = ["Umeå kommun", "Vännäs kommun", "Lycksele kommun", "Region Västerbotten", "Nordmalings kommun"];

const organisation = fc.integer({ min: 0, max: ORGANISATIONS.length - 1 });
const pick = fc.nat(1000);
const write = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("register" as const), round: pick, lead: organisation, co: fc.uniqueArray(organisation, { maxLength: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("bulkInsert" as const), round: pick, rows: fc.array(fc.record({ lead: organisation, co: fc.uniqueArray(organisation, { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("decide" as const), application: pick, approve: fc.boolean(), amount: fc.integer({ min: 1, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("withdraw" as const), application: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("edit" as const), application: pick, lead: organisation, co: fc.uniqueArray(organisation, { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("moveRound" as const), application: pick, round: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("moveCoApplicant" as const), application: pick, to: organisation }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("removeCoApplicant" as const), application: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("merge" as const), kept: organisation, duplicate: organisation }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), application: pick }) },
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

function world(): { db: Db; rounds: number[] } {
  const { db } = freshTestDb();
  // Each write's fsync is not what is tested here, and hundreds of them made the test slow.
  db.$client.pragma("synchronous = OFF");
  const programmeId = insertTestProgramme(db);
  const other = insertTestProgramme(db, { name: "Program för Annat", code: "PA" });
  for (const name of ORGANISATIONS) insertOrganisation(db, { name, shortName: name.split(" ")[0]!, kind: "kommun", municipalityCode: null, countyCode: null });
  const rounds = [
    insertTestRound(db, { programmeId, ordinal: 4, year: 2012, budget: 1_000_000_000 }),
    insertTestRound(db, { programmeId, ordinal: 5, year: 2013, budget: 1_000_000_000 }),
    insertTestRound(db, { programmeId: other, ordinal: 1, year: 2013, budget: 1_000_000_000 }),
  ];
  return { db, rounds };
}

function apply(db: Db, rounds: number[], w: Write, serial: { n: number }): void {
  const sqlite = db.$client;
  const applicationIds = sqlite.prepare("SELECT id FROM applications ORDER BY id").pluck().all() as number[];
  const application = "application" in w ? applicationIds[w.application % Math.max(1, applicationIds.length)] : undefined;
  const round = "round" in w ? rounds[w.round % rounds.length]! : rounds[0]!;
  const organisationId = (name: string) => getOrganisationByName(db, name)?.id;
  const decision = (id: number) => sqlite.prepare("SELECT version FROM decisions WHERE application_id = ?").pluck().get(id) as number | undefined;
  switch (w.kind) {
    case "register":
      saveNewApplication(
        db,
        registerApplicationSchema.parse({
          roundId: round,
          leadOrganisation: { name: ORGANISATIONS[w.lead]!, kind: "kommun" },
          coApplicants: w.co.map((i) => ({ name: ORGANISATIONS[i]!, kind: "kommun" })),
          projectTitle: `Projekt ${++serial.n}`,
          requestedAmount: 2_000_000,
        }),
        actor,
      );
      return;
    case "bulkInsert": {
      // As an import writes in bulk: one INSERT of several rows, then one of their co-applicants.
      // An organisation merged away is gone: its rows go to the first one left.
      const leads = w.rows.map((r) => organisationId(ORGANISATIONS[r.lead]!) ?? sqlite.prepare("SELECT min(id) FROM organisations").pluck().get());
      const values = w.rows.map(() => "(?, ?, ?, 'Importerat', 2000000)").join(", ");
      const ids = (
        sqlite
          .prepare(`INSERT INTO applications (round_id, registration_number, lead_organisation_id, project_title, requested_amount) VALUES ${values} RETURNING id`)
          .all(...w.rows.flatMap((_, i) => [round, `BULK-${++serial.n}`, leads[i]])) as { id: number }[]
      ).map((r) => r.id);
      const co = w.rows.flatMap((r, i) => r.co.flatMap((o, position) => {
        const id = organisationId(ORGANISATIONS[o]!);
        return id === undefined ? [] : [[ids[i]!, id, position + 1]];
      }));
      if (co.length > 0) sqlite.prepare(`INSERT INTO application_co_applicants (application_id, organisation_id, position) VALUES ${co.map(() => "(?, ?, ?)").join(", ")}`).run(...co.flat());
      return;
    }
    case "decide": {
      if (application === undefined) return;
      const fields = { applicationId: application, outcome: w.approve ? "approved" : "rejected", grantedAmount: w.approve ? w.amount * 1000 : 0, motivation: "Prövat.", decidedOn: "2013-11-20" };
      const version = decision(application);
      if (version === undefined) makeDecision(db, recordDecisionSchema.parse(fields), actor, { kind: "all" });
      else changeDecision(db, changeDecisionSchema.parse({ ...fields, expectedVersion: version, reason: "Omprövat." }), actor, { kind: "all" });
      return;
    }
    case "withdraw": {
      const version = application === undefined ? undefined : decision(application);
      if (version !== undefined) takeBackDecision(db, { applicationId: application!, reason: "Fel ansökan.", expectedVersion: version }, actor, { kind: "all" });
      return;
    }
    case "edit": {
      if (application === undefined) return;
      const version = sqlite.prepare("SELECT version FROM applications WHERE id = ?").pluck().get(application) as number;
      updateApplication(
        db,
        updateApplicationSchema.parse({
          applicationId: application,
          version,
          leadOrganisation: { name: ORGANISATIONS[w.lead]!, kind: "kommun" },
          coApplicants: w.co.map((i) => ({ name: ORGANISATIONS[i]!, kind: "kommun" })),
          projectTitle: `Ändrat ${++serial.n}`,
          requestedAmount: 2_000_000,
        }),
        actor,
      );
      return;
    }
    case "moveRound":
      if (application === undefined) return;
      sqlite.prepare("UPDATE applications SET round_id = ? WHERE id = ?").run(round, application);
      sqlite.prepare("UPDATE decisions SET round_id = ? WHERE application_id = ?").run(round, application);
      return;
    case "moveCoApplicant": {
      const to = organisationId(ORGANISATIONS[w.to]!);
      if (application === undefined || to === undefined) return;
      // May make the lead its own co-applicant, a state the forms avoid: still counted once. A duplicate pair is refused.
      try {
        sqlite.prepare("UPDATE application_co_applicants SET organisation_id = ? WHERE rowid = (SELECT min(rowid) FROM application_co_applicants WHERE application_id = ?)").run(to, application);
      } catch (error) {
        if (!String(error).includes("UNIQUE")) throw error;
      }
      return;
    }
    case "removeCoApplicant":
      if (application === undefined) return;
      sqlite.prepare("DELETE FROM application_co_applicants WHERE rowid = (SELECT max(rowid) FROM application_co_applicants WHERE application_id = ?)").run(application);
      return;
    case "merge": {
      const kept = organisationId(ORGANISATIONS[w.kept]!);
      const duplicate = organisationId(ORGANISATIONS[w.duplicate]!);
      if (kept === undefined || duplicate === undefined || kept === duplicate) return;
      const preview = previewOrganisationMerge(db, kept, duplicate)!;
      const { plan } = preview;
      try {
        mergeOrganisations(
          db,
          {
            keptId: kept,
            duplicateId: duplicate,
            keptVersion: organisationVersionOf(preview.kept),
            duplicateVersion: organisationVersionOf(preview.duplicate),
            leadCount: plan.leadApplicationIds.length,
            coApplicationCount: plan.coApplicationIds.length + plan.dedupedCoApplicationIds.length + plan.droppedCoApplicationIds.length,
            userCount: plan.userIds.length,
          },
          actor,
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
      return;
    }
    case "delete":
      if (application === undefined) return;
      // The press facts and the audit trail do not hold an application: its decision goes first, then the row.
      sqlite.prepare("DELETE FROM decisions WHERE application_id = ?").run(application);
      sqlite.prepare("DELETE FROM applications WHERE id = ?").run(application);
      return;
  }
}

describe("the totals kept for the portal", () => {
  it("equal the totals recomputed from scratch after every write of any sequence, and page to the old list", () => {
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 25 }), (writes) => {
        const { db, rounds } = world();
        const serial = { n: 0 };
        for (const w of writes) {
          apply(db, rounds, w, serial);
          expect(keptPortalRoundTotals(db), JSON.stringify(w)).toEqual(recomputedPortalRoundTotals(db));
        }
        const organisations = db.$client.prepare("SELECT id FROM organisations").pluck().all() as number[];
        for (const id of organisations) {
          const totals = listPortalRoundTotals(db, id);
          const expected = portalApplicationIdsFromScratch(db, id);
          const first = listPortalApplicationPage(db, id, totals, 1, 3);
          expect(first.total).toBe(expected.length);
          const paged = Array.from({ length: first.pages }, (_, i) => listPortalApplicationPage(db, id, totals, i + 1, 3).rows.map((r) => r.id)).flat();
          expect(paged).toEqual(expected);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
