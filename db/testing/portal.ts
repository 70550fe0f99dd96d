import type { Db } from "../client";

/*
 * The portal's figures computed from scratch, the way db/queries/portal.ts read them before issue 14 (every
 * application of the organisation, as lead or co-applicant, each once): the oracle the kept totals
 * (portal_round_totals) are tested against.
 */

export type RoundTotalsRow = {
  organisationId: number;
  roundId: number;
  applications: number;
  approved: number;
  grantedAsLead: number;
  grantedAsCoApplicant: number;
};

/** Every organisation's totals per round, recomputed from applications, co-applicants and decisions. */
export function recomputedPortalRoundTotals(db: Db): RoundTotalsRow[] {
  return db.$client
    .prepare(
      `SELECT m.organisation_id AS organisationId, a.round_id AS roundId, count(*) AS applications,
         coalesce(sum(CASE WHEN d.outcome = 'approved' THEN 1 ELSE 0 END), 0) AS approved,
         coalesce(sum(CASE WHEN d.outcome = 'approved' AND a.lead_organisation_id = m.organisation_id THEN d.granted_amount ELSE 0 END), 0) AS grantedAsLead,
         coalesce(sum(CASE WHEN d.outcome = 'approved' AND a.lead_organisation_id <> m.organisation_id THEN d.granted_amount ELSE 0 END), 0) AS grantedAsCoApplicant
       FROM (SELECT id AS application_id, lead_organisation_id AS organisation_id FROM applications
             UNION SELECT application_id, organisation_id FROM application_co_applicants) m
       JOIN applications a ON a.id = m.application_id
       LEFT JOIN decisions d ON d.application_id = a.id
       GROUP BY m.organisation_id, a.round_id
       ORDER BY m.organisation_id, a.round_id`,
    )
    .all() as RoundTotalsRow[];
}

/** What the triggers kept, in the same order. */
export function keptPortalRoundTotals(db: Db): RoundTotalsRow[] {
  return db.$client
    .prepare(
      `SELECT organisation_id AS organisationId, round_id AS roundId, applications, approved,
         granted_as_lead AS grantedAsLead, granted_as_co_applicant AS grantedAsCoApplicant
       FROM portal_round_totals ORDER BY organisation_id, round_id`,
    )
    .all() as RoundTotalsRow[];
}

/** The ids of every application of the organisation in the portal's order, read the old way (all of them, sorted). */
export function portalApplicationIdsFromScratch(db: Db, organisationId: number): number[] {
  return db.$client
    .prepare(
      `SELECT a.id FROM applications a JOIN rounds r ON r.id = a.round_id JOIN programmes p ON p.id = r.programme_id
       WHERE a.id IN (SELECT id FROM applications WHERE lead_organisation_id = ?
                      UNION SELECT application_id FROM application_co_applicants WHERE organisation_id = ?)
       ORDER BY r.year DESC, r.ordinal DESC, p.name, r.id, a.registration_number`,
    )
    .pluck()
    .all(organisationId, organisationId) as number[];
}
