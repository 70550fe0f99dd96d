import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../client";
import { insertOrganisation } from "../queries/organisations";
import { nextRegistrationNumber } from "../queries/registration";
import { createUser } from "../queries/users";
import {
  applicationCoApplicants,
  applications,
  decisions,
  municipalities,
  programmes,
  rounds,
  type ApplicationStatus,
  type Role,
} from "../schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import {
  DEMO_ORGANISATIONS,
  DEMO_PROGRAMME,
  DEMO_ROUNDS,
  EXPECTED_TOTALS,
  PRACTICE_PROGRAMME,
  PRACTICE_ROUND,
  type DemoApplication,
  type DemoOrganisation,
  type DemoPendingApplication,
  type DemoRound,
} from "./demo-data";
import { DEMO_USERS } from "./demo-users";
import { seedPressReleases } from "./press";
import { seedReferenceData } from "./reference";

/*
 * The demo database: the programme, its fourth and fifth rounds with every application and decision, the
 * organisations behind them and one user per role. All of it in one transaction, with an audit event for every row
 * that the app audits. The data itself lives in ./demo-data.ts.
 */

/** The audit actor of everything the seed writes. */
export const DEMO_ACTOR: AuditActor = { id: null, label: "Demodata" };

export type DemoRoundSummary = {
  id: number;
  ordinal: number;
  year: number;
  budget: number;
  applications: number;
  approved: number;
  rejected: number;
  /** Sum granted, kronor. */
  granted: number;
};

export type DemoUserSummary = {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** Printed name of a coordinator's organisation. */
  organisation?: string;
};

export type DemoSummary = {
  programme: { id: number; name: string; code: string; allocation: number };
  /** The open round of the demo's own practice programme, where every journey can be tried. */
  practice: { programmeId: number; programmeName: string; roundId: number; applications: number };
  counties: number;
  municipalities: number;
  organisations: number;
  rounds: DemoRoundSummary[];
  users: DemoUserSummary[];
};

/** True when the database holds any programme, i.e. real or demo data that seeding must not touch. */
export function databaseHasData(db: DbOrTx): boolean {
  return db.select({ id: programmes.id }).from(programmes).limit(1).get() !== undefined;
}

/** Same test as databaseHasData: the demo seed refuses to run when it is true. */
export function isDemoSeeded(db: DbOrTx): boolean {
  return databaseHasData(db);
}

export class DemoSeedRefusedError extends Error {
  constructor() {
    super(
      "The database already holds data (a programme exists); the demo data is only written to an empty database. " +
        "Use a new DATABASE_PATH or remove the database file first.",
    );
    this.name = "DemoSeedRefusedError";
  }
}

/**
 * Writes the demo data. Throws DemoSeedRefusedError, writing nothing, when the database already has a programme.
 * Loads the reference data (idempotent) first. Passwords are hashed before the transaction opens, because a
 * better-sqlite3 transaction must be synchronous.
 */
export async function seedDemo(db: Db): Promise<DemoSummary> {
  if (databaseHasData(db)) throw new DemoSeedRefusedError();
  checkDemoData();

  const reference = seedReferenceData(db);

  const accounts = await Promise.all(
    DEMO_USERS.map(async (user) => ({ user, passwordHash: await hashPassword(user.password) })),
  );

  return db.transaction(
    (tx) => {
      // Checked again under the write lock, in case another process seeded while we were hashing.
      if (databaseHasData(tx)) throw new DemoSeedRefusedError();

      const orgIds = insertOrganisations(tx);

      const userIds = new Map<Role, number>();
      for (const { user, passwordHash } of accounts) {
        let organisationId: number | null = null;
        if (user.organisation !== undefined) {
          organisationId = orgIds.get(user.organisation) ?? null;
          if (organisationId === null) {
            throw new Error(`demo user ${user.email}: unknown organisation "${user.organisation}"`);
          }
        }
        const row = createUser(tx, {
          email: user.email,
          name: user.name,
          passwordHash,
          role: user.role,
          organisationId,
          phone: user.phone ?? null,
        });
        const { passwordHash: _omitted, ...visible } = row;
        void _omitted;
        writeAudit(tx, { actor: DEMO_ACTOR, action: "user.create", entityType: "user", entityId: row.id, after: visible });
        userIds.set(user.role, row.id);
      }
      const officerId = userIds.get("officer");
      if (officerId === undefined) throw new Error("DEMO_USERS has no officer to record the decisions");

      const firstRound = DEMO_ROUNDS[0];
      const programme = tx
        .insert(programmes)
        .values({
          ...DEMO_PROGRAMME,
          createdAt: firstRound ? at(firstRound.opensOn, 8) : undefined,
          updatedAt: firstRound ? at(firstRound.opensOn, 8) : undefined,
        })
        .returning()
        .get();
      writeAudit(tx, {
        actor: DEMO_ACTOR,
        action: "programme.create",
        entityType: "programme",
        entityId: programme.id,
        after: programme,
        at: programme.createdAt,
      });

      const roundSummaries = DEMO_ROUNDS.map((round) => insertRound(tx, programme, round, orgIds, officerId));
      verifyTotals(tx, roundSummaries);
      const practice = insertPracticeRound(tx, orgIds, officerId);
      seedPressReleases(tx, programme.id, DEMO_ACTOR);

      return {
        programme: {
          id: programme.id,
          name: programme.name,
          code: programme.code,
          allocation: programme.allocation,
        },
        practice,
        counties: reference.counties,
        municipalities: reference.municipalities,
        organisations: orgIds.size,
        rounds: roundSummaries,
        users: DEMO_USERS.map((u) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          password: u.password,
          ...(u.organisation !== undefined ? { organisation: u.organisation } : {}),
        })),
      };
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------- writing

function insertOrganisations(tx: Tx): Map<string, number> {
  const codes = DEMO_ORGANISATIONS.flatMap((o) => (o.municipalityCode ? [o.municipalityCode] : []));
  const countyOf = new Map(
    tx
      .select({ code: municipalities.code, countyCode: municipalities.countyCode })
      .from(municipalities)
      .where(inArray(municipalities.code, codes))
      .all()
      .map((m) => [m.code, m.countyCode]),
  );

  const ids = new Map<string, number>();
  for (const org of DEMO_ORGANISATIONS) {
    const row = insertOrganisation(tx, {
      name: org.name,
      shortName: org.shortName,
      kind: org.kind,
      municipalityCode: org.municipalityCode ?? null,
      countyCode: resolveCounty(org, countyOf),
    });
    writeAudit(tx, {
      actor: DEMO_ACTOR,
      action: "organisation.create",
      entityType: "organisation",
      entityId: row.id,
      after: row,
    });
    ids.set(org.name, row.id);
  }
  return ids;
}

function resolveCounty(org: DemoOrganisation, countyOf: Map<string, string>): string | null {
  if (!org.municipalityCode) return org.countyCode ?? null;
  const county = countyOf.get(org.municipalityCode);
  if (!county) {
    throw new Error(`${org.name}: municipality ${org.municipalityCode} is not in the reference data`);
  }
  if (org.countyCode && org.countyCode !== county) {
    throw new Error(`${org.name}: county ${org.countyCode} does not match municipality ${org.municipalityCode} (${county})`);
  }
  return county;
}

function insertRound(
  tx: Tx,
  programme: { id: number; code: string },
  data: DemoRound,
  orgIds: Map<string, number>,
  officerId: number,
): DemoRoundSummary {
  const { applications: demoApplications, ...fields } = data;
  const round = tx
    .insert(rounds)
    .values({ ...fields, programmeId: programme.id, createdAt: at(data.opensOn, 8), updatedAt: at(data.decisionOn, 14) })
    .returning()
    .get();
  writeAudit(tx, {
    actor: DEMO_ACTOR,
    action: "round.create",
    entityType: "round",
    entityId: round.id,
    after: round,
    at: round.createdAt,
  });

  // Registered in a plausible order (not approved first), on days spread over the open period.
  const ordered = shuffled(demoApplications, data.ordinal * 7919);
  const received = spreadDays(data.opensOn, data.closesOn, ordered.length);
  const decidedAt = at(data.decisionOn, 13);

  ordered.forEach((demo, i) => {
    const receivedAt = received[i] ?? at(data.closesOn, 12);
    const application = insertDemoApplication(tx, {
      roundId: round.id,
      registrationNumber: nextRegistrationNumber(tx, programme, round.year),
      demo,
      orgIds,
      status: demo.outcome,
      createdBy: officerId,
      receivedAt,
      updatedAt: decidedAt,
    });

    const decision = tx
      .insert(decisions)
      .values({
        applicationId: application.id,
        roundId: round.id,
        outcome: demo.outcome,
        grantedAmount: demo.grantedAmount,
        motivation: demo.motivation,
        decidedOn: data.decisionOn,
        decidedBy: officerId,
        createdAt: decidedAt,
        updatedAt: decidedAt,
      })
      .returning()
      .get();
    writeAudit(tx, {
      actor: DEMO_ACTOR,
      action: "decision.create",
      entityType: "decision",
      entityId: decision.applicationId, // decisions are audited under their application (lib/decisions/record.ts)
      after: decision,
      at: decidedAt,
    });
  });

  return summariseRound(tx, round);
}

/**
 * The practice programme and its open round (./demo-data.ts): applications registered over the first weeks of the
 * round, none decided, each audited as the app audits a registration.
 */
function insertPracticeRound(tx: Tx, orgIds: Map<string, number>, officerId: number): DemoSummary["practice"] {
  const data = PRACTICE_ROUND;
  const opened = at(data.opensOn, 8);
  const programme = tx.insert(programmes).values({ ...PRACTICE_PROGRAMME, createdAt: opened, updatedAt: opened }).returning().get();
  writeAudit(tx, { actor: DEMO_ACTOR, action: "programme.create", entityType: "programme", entityId: programme.id, after: programme, at: opened });
  const { applications: pending, ...fields } = data;
  const round = tx
    .insert(rounds)
    .values({ ...fields, programmeId: programme.id, createdAt: opened, updatedAt: opened })
    .returning()
    .get();
  writeAudit(tx, { actor: DEMO_ACTOR, action: "round.create", entityType: "round", entityId: round.id, after: round, at: opened });

  // Received over the round's first four weeks, all before the demo's "today" (the round is open now).
  const received = spreadDays(data.opensOn, PRACTICE_RECEIVED_UNTIL, pending.length);
  pending.forEach((demo, i) => {
    const receivedAt = received[i] ?? opened;
    insertDemoApplication(tx, {
      roundId: round.id,
      registrationNumber: nextRegistrationNumber(tx, programme, round.year),
      demo,
      orgIds,
      status: "received",
      createdBy: officerId,
      receivedAt,
      updatedAt: receivedAt,
    });
  });
  return { programmeId: programme.id, programmeName: programme.name, roundId: round.id, applications: pending.length };
}

/** The last day the practice round's applications are dated (it opened 2026-11-02). */
const PRACTICE_RECEIVED_UNTIL = "2026-11-27";

/** One demo application with its co-applicants and its audit event, dated as the demo data says. */
function insertDemoApplication(
  tx: Tx,
  input: {
    roundId: number;
    registrationNumber: string;
    demo: DemoPendingApplication;
    orgIds: Map<string, number>;
    status: ApplicationStatus;
    createdBy: number;
    receivedAt: Date;
    updatedAt: Date;
  },
) {
  const { demo, orgIds, receivedAt } = input;
  const application = tx
    .insert(applications)
    .values({
      roundId: input.roundId,
      registrationNumber: input.registrationNumber,
      leadOrganisationId: orgId(orgIds, demo.lead),
      projectTitle: demo.projectTitle,
      description: demo.description,
      focusAreas: [...demo.focusAreas],
      requestedAmount: demo.requestedAmount,
      contactName: demo.contact.name,
      contactTitle: demo.contact.title,
      contactPhone: demo.contact.phone,
      contactEmail: demo.contact.email,
      status: input.status,
      createdBy: input.createdBy,
      createdAt: receivedAt,
      updatedAt: input.updatedAt,
    })
    .returning()
    .get();
  (demo.coApplicants ?? []).forEach((name, position) => {
    tx.insert(applicationCoApplicants)
      .values({ applicationId: application.id, organisationId: orgId(orgIds, name), position: position + 1 })
      .run();
  });
  writeAudit(tx, { actor: DEMO_ACTOR, action: "application.create", entityType: "application", entityId: application.id, after: application, at: receivedAt });
  return application;
}

function orgId(ids: Map<string, number>, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`demo data: unknown organisation "${name}"`);
  return id;
}

function summariseRound(
  tx: DbOrTx,
  round: { id: number; ordinal: number; year: number; budget: number },
): DemoRoundSummary {
  const applicationCount =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(applications)
      .where(eq(applications.roundId, round.id))
      .get()?.n ?? 0;
  const d = tx
    .select({
      approved: sql<number>`coalesce(sum(case when ${decisions.outcome} = 'approved' then 1 else 0 end), 0)`,
      rejected: sql<number>`coalesce(sum(case when ${decisions.outcome} = 'rejected' then 1 else 0 end), 0)`,
      granted: sql<number>`coalesce(sum(${decisions.grantedAmount}), 0)`,
    })
    .from(decisions)
    .where(eq(decisions.roundId, round.id))
    .get();
  return {
    id: round.id,
    ordinal: round.ordinal,
    year: round.year,
    budget: round.budget,
    applications: applicationCount,
    approved: d?.approved ?? 0,
    rejected: d?.rejected ?? 0,
    granted: d?.granted ?? 0,
  };
}

/** The totals read back from the written rows; throwing here rolls the whole seed back. */
function verifyTotals(tx: Tx, summaries: DemoRoundSummary[]): void {
  const problems: string[] = [];
  for (const s of summaries) {
    if (s.granted > s.budget) problems.push(`round ${s.ordinal}: granted ${s.granted} exceeds budget ${s.budget}`);
    if (s.approved + s.rejected !== s.applications) {
      problems.push(`round ${s.ordinal}: ${s.applications} applications but ${s.approved + s.rejected} decisions`);
    }
    const mismatched = tx
      .select({ n: sql<number>`count(*)` })
      .from(applications)
      .innerJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(and(eq(applications.roundId, s.id), sql`${applications.status} <> ${decisions.outcome}`))
      .get()?.n;
    if (mismatched) problems.push(`round ${s.ordinal}: ${mismatched} applications whose status differs from the decision`);
  }
  problems.push(...totalsProblems(summaries));
  if (problems.length) throw new Error(`demo data does not add up:\n- ${problems.join("\n- ")}`);
}

function totalsProblems(
  summaries: readonly Pick<DemoRoundSummary, "ordinal" | "applications" | "approved" | "granted">[],
): string[] {
  const problems: string[] = [];
  const r4 = summaries.find((s) => s.ordinal === 4);
  const r5 = summaries.find((s) => s.ordinal === 5);
  if (!r4 || !r5) return ["rounds 4 and 5 must both exist"];
  if (r4.approved !== EXPECTED_TOTALS[4].approved) {
    problems.push(`round 4: ${r4.approved} approved, expected ${EXPECTED_TOTALS[4].approved}`);
  }
  const e5 = EXPECTED_TOTALS[5];
  if (r5.applications !== e5.applications) problems.push(`round 5: ${r5.applications} applications, expected ${e5.applications}`);
  if (r5.approved !== e5.approved) problems.push(`round 5: ${r5.approved} approved, expected ${e5.approved}`);
  if (r5.granted !== e5.granted) problems.push(`round 5: ${r5.granted} kronor granted, expected ${e5.granted}`);
  return problems;
}

// ---------------------------------------------------------------- checking the tables before writing

/**
 * Checks ./demo-data.ts on its own (before anything is hashed or written): names resolve, amounts are whole
 * hundred-thousands, rejections grant nothing, approvals grant at most what was asked, budgets hold and the totals
 * of the press releases are met. Throws one Error listing every problem.
 */
export function checkDemoData(): void {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const org of DEMO_ORGANISATIONS) {
    const key = org.name.toLowerCase();
    if (names.has(key)) problems.push(`organisation "${org.name}" listed twice`);
    names.add(key);
    if (!org.municipalityCode && !org.countyCode && (org.kind === "kommun" || org.kind === "landsting")) {
      problems.push(`${org.name}: a ${org.kind} needs a municipality or county code`);
    }
  }
  const known = (name: string) => names.has(name.toLowerCase());
  for (const user of DEMO_USERS) {
    if (user.organisation !== undefined && !known(user.organisation)) {
      problems.push(`demo user ${user.email}: unknown organisation "${user.organisation}"`);
    }
  }

  for (const round of DEMO_ROUNDS) {
    if (!(round.opensOn < round.closesOn && round.closesOn < round.decisionOn)) {
      problems.push(`round ${round.ordinal}: dates must run opens < closes < decision`);
    }
    round.applications.forEach((a, i) => problems.push(...applicationProblems(`round ${round.ordinal} #${i + 1} (${a.lead})`, a, known)));
    const granted = round.applications.reduce((sum, a) => sum + a.grantedAmount, 0);
    if (granted > round.budget) problems.push(`round ${round.ordinal}: grants ${granted} exceed budget ${round.budget}`);
  }
  PRACTICE_ROUND.applications.forEach((a, i) => {
    const label = `practice round #${i + 1} (${a.lead})`;
    if (!known(a.lead)) problems.push(`${label}: unknown lead organisation`);
    if (!Number.isInteger(a.requestedAmount) || a.requestedAmount <= 0 || a.requestedAmount % 100_000 !== 0) {
      problems.push(`${label}: requested amount must be a positive whole number of hundred-thousands`);
    }
    if (!a.projectTitle.startsWith("Demo:")) problems.push(`${label}: the title must say "Demo:"`);
  });
  if (!(PRACTICE_ROUND.opensOn <= PRACTICE_RECEIVED_UNTIL && PRACTICE_RECEIVED_UNTIL < PRACTICE_ROUND.closesOn)) {
    problems.push("practice round: applications must be received while it is open");
  }
  problems.push(
    ...totalsProblems(
      DEMO_ROUNDS.map((r) => ({
        ordinal: r.ordinal,
        applications: r.applications.length,
        approved: r.applications.filter((a) => a.outcome === "approved").length,
        granted: r.applications.reduce((sum, a) => sum + a.grantedAmount, 0),
      })),
    ),
  );
  if (problems.length) throw new Error(`demo data is inconsistent:\n- ${problems.join("\n- ")}`);
}

function applicationProblems(label: string, a: DemoApplication, known: (name: string) => boolean): string[] {
  const p: string[] = [];
  if (!known(a.lead)) p.push(`${label}: unknown lead organisation`);
  for (const co of a.coApplicants ?? []) {
    if (!known(co)) p.push(`${label}: unknown co-applicant "${co}"`);
    if (co === a.lead) p.push(`${label}: lead listed as its own co-applicant`);
  }
  if (new Set(a.coApplicants ?? []).size !== (a.coApplicants ?? []).length) p.push(`${label}: co-applicant listed twice`);
  const roundHundredThousand = (n: number) => Number.isInteger(n) && n >= 0 && n % 100_000 === 0;
  if (!roundHundredThousand(a.requestedAmount) || a.requestedAmount === 0) {
    p.push(`${label}: requested amount must be a positive whole number of hundred-thousands`);
  }
  if (!roundHundredThousand(a.grantedAmount)) p.push(`${label}: granted amount must be whole hundred-thousands`);
  if (a.outcome === "rejected" && a.grantedAmount !== 0) p.push(`${label}: rejected but granted ${a.grantedAmount}`);
  if (a.outcome === "approved" && a.grantedAmount <= 0) p.push(`${label}: approved without an amount`);
  if (a.grantedAmount > a.requestedAmount) p.push(`${label}: granted more than requested`);
  if (a.focusAreas.length === 0) p.push(`${label}: no focus areas`);
  if (!a.projectTitle.trim() || !a.motivation.trim() || !a.contact.name.trim()) p.push(`${label}: title, motivation or contact missing`);
  return p;
}

// ---------------------------------------------------------------- dates

/** A moment on a calendar day, in Swedish office hours (UTC+1, so never across midnight either way). */
function at(day: string, hourUtc: number): Date {
  return new Date(`${day}T${String(hourUtc).padStart(2, "0")}:00:00Z`);
}

/**
 * n moments from the first to the last day, evenly spread, at varying office hours; a Saturday moves to the Friday
 * before, a Sunday to the Monday after (or the Friday before, on the last day).
 */
function spreadDays(first: string, last: string, n: number): Date[] {
  const DAY = 86_400_000;
  const start = at(first, 0).getTime();
  const days = Math.round((at(last, 0).getTime() - start) / DAY);
  return Array.from({ length: n }, (_, i) => {
    const offset = n <= 1 ? days : Math.round((i * days) / (n - 1));
    const weekday = new Date(start + offset * DAY).getUTCDay();
    const shift = weekday === 6 ? -1 : weekday === 0 ? (offset < days ? 1 : -2) : 0;
    const day = Math.max(0, offset + shift);
    return new Date(start + day * DAY + (7 + (i % 8)) * 3_600_000 + ((i * 17) % 60) * 60_000);
  });
}

/** A deterministic shuffle (mulberry32), so every demo database numbers its applications the same way. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i]!;
    out[i] = out[j]!;
    out[j] = a;
  }
  return out;
}
