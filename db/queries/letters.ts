import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applications } from "../schema";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { getReplacedDecisionDate } from "./decisions";
import { applicationInScope } from "./scope";

/**
 * What a decision letter needs about one application, in one SQL statement (Drizzle's relational query nests the
 * round, programme, organisations and decision as JSON subqueries), or null when the application does not exist or
 * is outside the actor's scope (another organisation's letter is exactly as missing as one that does not exist).
 * `letter` is null while the application is undecided.
 */
export function getDecisionLetterData(db: DbOrTx, applicationId: number, scope: ApplicationScope) {
  const row = db.query.applications
    .findFirst({
      where: and(eq(applications.id, applicationId), applicationInScope(scope)),
      columns: {
        id: true,
        registrationNumber: true,
        projectTitle: true,
        requestedAmount: true,
        leadOrganisationId: true,
        contactName: true,
        contactTitle: true,
      },
      with: {
        round: {
          columns: { ordinal: true, year: true, criteria: true },
          with: { programme: { columns: { name: true } } },
        },
        leadOrganisation: { columns: { name: true } },
        coApplicants: {
          columns: { organisationId: true },
          with: { organisation: { columns: { name: true } } },
          orderBy: (c, { asc }) => [asc(c.position)],
        },
        decision: {
          columns: { outcome: true, grantedAmount: true, motivation: true, decidedOn: true },
          with: { decider: { columns: { name: true, email: true, phone: true, disabled: true } } },
        },
      },
    })
    .sync();
  if (!row) return null;
  const decider = row.decision?.decider;
  const replacedOn = row.decision ? getReplacedDecisionDate(db, row.id) : null;
  return {
    id: row.id,
    leadOrganisationId: row.leadOrganisationId,
    coApplicantIds: row.coApplicants.map((c) => c.organisationId),
    letter: row.decision
      ? {
          registrationNumber: row.registrationNumber,
          projectTitle: row.projectTitle,
          requestedAmount: row.requestedAmount,
          organisation: row.leadOrganisation.name,
          coApplicants: row.coApplicants.map((c) => c.organisation.name),
          contact: { name: row.contactName, title: row.contactTitle },
          programme: row.round.programme.name,
          round: { ordinal: row.round.ordinal, year: row.round.year, criteria: row.round.criteria },
          decision: {
            outcome: row.decision.outcome,
            grantedAmount: row.decision.grantedAmount,
            motivation: row.decision.motivation,
            decidedOn: row.decision.decidedOn,
            // A disabled account is someone who has left: the applicant is referred to the programme instead.
            decidedBy: decider && !decider.disabled ? { name: decider.name, email: decider.email, phone: decider.phone } : null,
            replaces: replacedOn ? { decidedOn: replacedOn } : null,
          },
        }
      : null,
  };
}
