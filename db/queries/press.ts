import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  applicationCoApplicants,
  applications,
  counties,
  decisions,
  organisations,
  programmes,
  rounds,
  type OrganisationKind,
} from "../schema";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { applicationInScope } from "./scope";

/*
 * The facts a press release is made from, for one of three scopes: a round, a county in a round, one application's
 * grant. A fixed set of queries whatever the number of recipients (never one query per recipient): the round with
 * its programme, the programme's total, the round's counts and sum, the recipients in scope, their co-applicants
 * (one IN query), the kinds of all the round's recipients, and the county. lib/press/context.ts turns this into
 * what a template sees.
 */

export type PressTarget =
  | { kind: "round"; roundId: number }
  /** `applicationIds` narrows the county's recipients to those chosen (a release about two of its four grants). */
  | { kind: "county"; roundId: number; countyCode: string; applicationIds?: readonly number[] }
  | { kind: "recipient"; applicationId: number };

export type PressOrganisationFacts = {
  name: string;
  shortName: string;
  kind: OrganisationKind;
};

export type PressCountyFacts = { code: string; name: string; shortName: string };

export type PressRecipientFacts = {
  applicationId: number;
  registrationNumber: string;
  /** The lead organisation first, then the co-applicants in their order. */
  organisations: PressOrganisationFacts[];
  /** The lead organisation's county. */
  county: PressCountyFacts | null;
  amount: number;
  decidedOn: string;
  projectTitle: string;
  description: string;
  focusAreas: string[];
  contact: { name: string; title: string; phone: string; email: string };
};

export type PressFacts = {
  programme: { id: number; name: string; funder: string; allocation: number; grantedTotal: number };
  round: {
    id: number;
    ordinal: number;
    year: number;
    isLast: boolean;
    decisionOn: string | null;
    received: number;
    approved: number;
    granted: number;
    /** The kinds of every organisation (lead or co-applicant) of the round's approved applications. */
    recipientKinds: OrganisationKind[];
  };
  county: PressCountyFacts | null;
  /** Approved applications in the target and the actor's scope, largest grant first, then Swedish name order. */
  recipients: PressRecipientFacts[];
};

/**
 * Null when the round, county or application does not exist, when the application has no approved grant, or when
 * the application is outside the actor's scope (then exactly as missing as one that does not exist). Round-wide
 * figures (received, approved, granted) are the published totals and are not narrowed by the scope; the recipients
 * are.
 */
export function getPressFacts(db: DbOrTx, target: PressTarget, scope: ApplicationScope): PressFacts | null {
  let roundId: number;
  let applicationId: number | null = null;
  if (target.kind === "recipient") {
    const row = db
      .select({ roundId: applications.roundId })
      .from(applications)
      .where(and(eq(applications.id, target.applicationId), eq(applications.status, "approved"), applicationInScope(scope)))
      .get();
    if (!row) return null;
    roundId = row.roundId;
    applicationId = target.applicationId;
  } else {
    roundId = target.roundId;
  }

  const round = db
    .select({
      id: rounds.id,
      ordinal: rounds.ordinal,
      year: rounds.year,
      isLast: rounds.isLast,
      decisionOn: rounds.decisionOn,
      programmeId: programmes.id,
      programmeName: programmes.name,
      funder: programmes.funder,
      allocation: programmes.allocation,
      grantedTotal: sql<number>`${programmes.grantedBefore} + (
        SELECT coalesce(sum(d.granted_amount), 0) FROM ${decisions} d JOIN ${rounds} r2 ON r2.id = d.round_id
         WHERE r2.programme_id = ${programmes.id} AND d.outcome = 'approved')`,
    })
    .from(rounds)
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .where(eq(rounds.id, roundId))
    .get();
  if (!round) return null;

  let county: PressCountyFacts | null = null;
  if (target.kind === "county") {
    county =
      db
        .select({ code: counties.code, name: counties.name, shortName: counties.shortName })
        .from(counties)
        .where(eq(counties.code, target.countyCode))
        .get() ?? null;
    if (!county) return null;
  }

  const figures = db
    .select({
      received: sql<number>`count(*)`,
      approved: sql<number>`coalesce(sum(${applications.status} = 'approved'), 0)`,
    })
    .from(applications)
    .where(eq(applications.roundId, roundId))
    .get();
  const granted = db
    .select({ total: sql<number>`coalesce(sum(${decisions.grantedAmount}), 0)` })
    .from(decisions)
    .where(and(eq(decisions.roundId, roundId), eq(decisions.outcome, "approved")))
    .get();

  const kinds = db.all<{ kind: OrganisationKind }>(sql`
    SELECT DISTINCT o.kind AS kind FROM ${organisations} o
     WHERE o.id IN (
       SELECT a.lead_organisation_id FROM ${applications} a WHERE a.round_id = ${roundId} AND a.status = 'approved'
       UNION
       SELECT co.organisation_id FROM ${applicationCoApplicants} co JOIN ${applications} a ON a.id = co.application_id
        WHERE a.round_id = ${roundId} AND a.status = 'approved')
  `);

  const recipientRows = db
    .select({
      applicationId: applications.id,
      registrationNumber: applications.registrationNumber,
      projectTitle: applications.projectTitle,
      description: applications.description,
      focusAreas: applications.focusAreas,
      contactName: applications.contactName,
      contactTitle: applications.contactTitle,
      contactPhone: applications.contactPhone,
      contactEmail: applications.contactEmail,
      amount: decisions.grantedAmount,
      decidedOn: decisions.decidedOn,
      leadName: organisations.name,
      leadShortName: organisations.shortName,
      leadKind: organisations.kind,
      countyCode: counties.code,
      countyName: counties.name,
      countyShortName: counties.shortName,
    })
    .from(applications)
    .innerJoin(decisions, and(eq(decisions.applicationId, applications.id), eq(decisions.outcome, "approved")))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .where(
      and(
        eq(applications.roundId, roundId),
        applicationId === null ? undefined : eq(applications.id, applicationId),
        target.kind === "county" ? eq(organisations.countyCode, target.countyCode) : undefined,
        target.kind === "county" && target.applicationIds ? inArray(applications.id, [...target.applicationIds]) : undefined,
        applicationInScope(scope),
      ),
    )
    .orderBy(desc(decisions.grantedAmount), asc(organisations.sortName), asc(applications.registrationNumber))
    .all();

  const ids = recipientRows.map((r) => r.applicationId);
  const coRows =
    ids.length === 0
      ? []
      : db
          .select({
            applicationId: applicationCoApplicants.applicationId,
            name: organisations.name,
            shortName: organisations.shortName,
            kind: organisations.kind,
          })
          .from(applicationCoApplicants)
          .innerJoin(organisations, eq(organisations.id, applicationCoApplicants.organisationId))
          .where(inArray(applicationCoApplicants.applicationId, ids))
          .orderBy(asc(applicationCoApplicants.applicationId), asc(applicationCoApplicants.position))
          .all();
  const coByApplication = new Map<number, PressOrganisationFacts[]>();
  for (const co of coRows) {
    const list = coByApplication.get(co.applicationId) ?? [];
    list.push({ name: co.name, shortName: co.shortName, kind: co.kind });
    coByApplication.set(co.applicationId, list);
  }

  return {
    programme: {
      id: round.programmeId,
      name: round.programmeName,
      funder: round.funder,
      allocation: round.allocation,
      grantedTotal: Number(round.grantedTotal),
    },
    round: {
      id: round.id,
      ordinal: round.ordinal,
      year: round.year,
      isLast: round.isLast,
      decisionOn: round.decisionOn,
      received: Number(figures?.received ?? 0),
      approved: Number(figures?.approved ?? 0),
      granted: Number(granted?.total ?? 0),
      recipientKinds: kinds.map((k) => k.kind),
    },
    county,
    recipients: recipientRows.map((r) => ({
      applicationId: r.applicationId,
      registrationNumber: r.registrationNumber,
      organisations: [
        { name: r.leadName, shortName: r.leadShortName, kind: r.leadKind },
        ...(coByApplication.get(r.applicationId) ?? []),
      ],
      county:
        r.countyCode !== null && r.countyName !== null && r.countyShortName !== null
          ? { code: r.countyCode, name: r.countyName, shortName: r.countyShortName }
          : null,
      amount: r.amount,
      decidedOn: r.decidedOn,
      projectTitle: r.projectTitle,
      description: r.description,
      focusAreas: r.focusAreas,
      contact: { name: r.contactName, title: r.contactTitle, phone: r.contactPhone, email: r.contactEmail },
    })),
  };
}

/**
 * The approved application of a round that an organisation leads or takes part in, for a release about one grant
 * (the CLI's `press render --organisation`). The first by registration number when it has more than one.
 */
export function findGrantOfOrganisation(db: DbOrTx, roundId: number, organisationId: number): number | null {
  const takesPart = sql`(${applications.leadOrganisationId} = ${organisationId} OR EXISTS (SELECT 1 FROM ${applicationCoApplicants}
    WHERE ${applicationCoApplicants.applicationId} = ${applications.id} AND ${applicationCoApplicants.organisationId} = ${organisationId}))`;
  const row = db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.roundId, roundId), eq(applications.status, "approved"), takesPart))
    .orderBy(asc(applications.registrationNumber))
    .get();
  return row?.id ?? null;
}

/** The granted applications of a round, as a release's "one recipient" picker offers them (Swedish order, bounded). */
export function listGrantedApplicationOptions(db: DbOrTx, roundId: number, limit = 1000): { id: number; registrationNumber: string; name: string; amount: number }[] {
  return db
    .select({
      id: applications.id,
      registrationNumber: applications.registrationNumber,
      name: organisations.name,
      amount: decisions.grantedAmount,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(and(eq(applications.roundId, roundId), eq(applications.status, "approved")))
    .orderBy(asc(organisations.sortName), asc(applications.registrationNumber))
    .limit(limit)
    .all();
}

/** The counties whose organisations lead a granted application of the round, with how many: a county release's picker. */
export function listCountiesWithGrants(db: DbOrTx, roundId: number): { code: string; name: string; grants: number }[] {
  return db
    .select({ code: counties.code, name: counties.name, grants: sql<number>`count(*)` })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .innerJoin(counties, eq(counties.code, organisations.countyCode))
    .where(and(eq(applications.roundId, roundId), eq(applications.status, "approved")))
    .groupBy(counties.code)
    .orderBy(asc(counties.sortName))
    .all();
}
