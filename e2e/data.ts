import { countSubscriptionsOf } from "@/db/queries/subscriptions";
import { randomBytes } from "node:crypto";
import { openDatabase, type Db, type DbOrTx } from "@/db/client";
import { loadPressContext } from "@/lib/press/context";
import { factsHashOf, factsOf } from "@/lib/press/facts";
import { insertProgramme } from "@/db/queries/programmes";
import { insertRound } from "@/db/queries/rounds";
import { getDecision } from "@/db/queries/decisions";
import { inWriteTransaction } from "@/db/transaction";

import { listAuditEvents } from "@/db/queries/audit";
import { getRelease as getReleaseRow, insertRelease as insertReleaseRow } from "@/db/queries/press-releases";
import { registerApplication } from "@/lib/applications/register";
import { changeDecision, makeDecision, recordDecision } from "@/lib/decisions/record";
import { createUserAccount } from "@/lib/users";
import { applicationFieldsSchema, type ApplicationFieldsInput } from "@/lib/applications/schema";

/*
 * Data a test makes for itself, written straight into the database the server under test uses (SQLite in WAL mode
 * takes a second writer safely). Every call makes its own programme, so parallel tests never share rows.
 */

export function withDb<T>(fn: (db: Db) => T): T {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

export const ACTOR = { id: null, label: "E2E" };

export function uniqueCode(): string {
  return `T${randomBytes(3).toString("hex").toUpperCase()}`;
}

/** A programme of its own with one open round; returns the round's id and the programme's code. */
export function createOpenRound(
  options: { budget?: number; year?: number; programmeNameEn?: string } = {},
): { roundId: number; code: string; programmeName: string } {
  const code = uniqueCode();
  const programmeName = `Testprogram ${code}`;
  return withDb((db) =>
    inWriteTransaction(db, (tx) => {
      const programme = insertProgramme(
        tx,
        { name: programmeName, nameEn: options.programmeNameEn ?? null, code, funder: "regeringen", allocation: 50_000_000 },
        ACTOR,
      );
      const round = insertRound(
        tx,
        {
          programmeId: programme.id,
          ordinal: 1,
          year: options.year ?? 2026,
          budget: options.budget ?? 10_000_000,
          opensOn: null,
          closesOn: null,
          decisionOn: null,
          criteria: "",
          isLast: false,
        },
        "open",
        ACTOR,
      );
      return { roundId: round.id, code, programmeName };
    }),
  );
}

export function createApplication(roundId: number, fields: Partial<ApplicationFieldsInput> = {}): { id: number; registrationNumber: string } {
  const parsed = applicationFieldsSchema.parse({
    leadOrganisation: { name: "Umeå kommun" },
    projectTitle: `Testprojekt ${uniqueCode()}`,
    requestedAmount: 500_000,
    ...fields,
  });
  return withDb((db) => inWriteTransaction(db, (tx) => registerApplication(tx, roundId, parsed, ACTOR)));
}

// ---------------------------------------------------------------- press releases (e2e/press.spec.ts)

/** An open round of its own with granted applications (Umeå kommun and Lycksele kommun by default), for releases. */
export function createRoundWithGrants(grants: { lead: string; amount: number }[] = [
  { lead: "Umeå kommun", amount: 1_700_000 },
  { lead: "Lycksele kommun", amount: 1_200_000 },
]): { roundId: number; programmeName: string; applicationIds: number[] } {
  const { roundId, programmeName } = createOpenRound();
  const applicationIds = grants.map(({ lead, amount }) => {
    const { id } = createApplication(roundId, { leadOrganisation: { name: lead }, requestedAmount: 2_000_000 });
    withDb((db) => makeDecision(db, { applicationId: id, outcome: "approved", grantedAmount: amount, motivation: "Beviljas.", decidedOn: "2026-11-20" }, ACTOR, { kind: "all" }));
    return id;
  });
  return { roundId, programmeName, applicationIds };
}

/** Changes a grant's amount as an officer's decision form would (and so marks the releases it made stale). */
export function changeGrant(applicationId: number, amount: number): void {
  withDb((db) => {
    const decision = getDecision(db, applicationId);
    if (!decision) throw new Error(`No decision on ${applicationId}`);
    changeDecision(
      db,
      { applicationId, outcome: "approved", grantedAmount: amount, motivation: decision.motivation, decidedOn: decision.decidedOn, expectedVersion: decision.version, reason: "Rättelse" },
      ACTOR,
      { kind: "all" },
    );
  });
}

// ---------------------------------------------------------------- the newsroom (e2e/newsroom.spec.ts)

/**
 * A round of its own with one approved grant (so its grants list has a row), and no release yet: its list is
 * unannounced until a release of it is public.
 */
export function createGrantedRound(organisation = "Umeå kommun"): { roundId: number; projectTitle: string; code: string } {
  const { roundId, code } = createOpenRound();
  const projectTitle = `Jämställd service ${code}`;
  const application = createApplication(roundId, { leadOrganisation: { name: organisation }, projectTitle, requestedAmount: 700_000 });
  withDb((db) =>
    inWriteTransaction(db, (tx) =>
      recordDecision(tx, { applicationId: application.id, outcome: "approved", grantedAmount: 650_000, motivation: "Beviljas.", decidedOn: "2026-11-20" }, ACTOR),
    ),
  );
  return { roundId, projectTitle, code };
}

function currentFacts(db: DbOrTx, roundId: number): { facts: Record<string, unknown>; factsHash: string } {
  const context = loadPressContext(db, { kind: "round", roundId }, { kind: "all" });
  const facts = context ? factsOf(context) : {};
  return { facts, factsHash: factsHashOf(facts) };
}

/** A release inserted as the lead's publish step leaves it: scheduled or embargoed to `publishAt`, or published. */
export function insertRelease(
  roundId: number,
  fields: { status: "scheduled" | "embargoed" | "published" | "approved" | "draft"; publishAt: Date | null; headline: string; ingress?: string; topics?: string[]; regionCode?: string | null },
): { id: number; slug: string } {
  return withDb((db) =>
    inWriteTransaction(db, (tx) => {
      const release = insertReleaseRow(
        tx,
        {
          templateId: null,
          targetKind: "round",
          roundId,
          countyCode: null,
          applicationId: null,
          content: {
            headline: fields.headline,
            ingress: fields.ingress ?? `Ingress till ${fields.headline}.`,
            body: "Första stycket.\n\nAndra stycket.",
            quotes: [{ text: "Det här betyder mycket för oss", speaker: "Anna Andersson", title: "kommunstyrelsens ordförande", afterParagraph: 1 }],
            contacts: "Anna Andersson, tel 090-00 00 00",
            boilerplate: "",
            topics: fields.topics ?? ["beviljade-medel"],
            regionCode: fields.regionCode ?? null,
          },
          // The round's facts as they are, so a refresh after another test's write finds the release current.
          ...currentFacts(tx, roundId),
          status: fields.status,
          publishAt: fields.publishAt,
          publishedAt: fields.status === "published" ? fields.publishAt : null,
        },
        ACTOR,
      );
      return { id: release.id, slug: release.slug };
    }),
  );
}

/** The audit events of a release, oldest first. */
export function releaseAuditEvents(releaseId: number): { action: string; actorId: number | null; actorLabel: string }[] {
  return withDb((db) => listAuditEvents(db, "release", releaseId).map((e) => ({ action: e.action, actorId: e.actorId, actorLabel: e.actorLabel })));
}

export function releaseStatus(releaseId: number): string | null {
  return withDb((db) => getReleaseRow(db, releaseId)?.status ?? null);
}

/** How many subscriptions (confirmed or not) an address has. */
export function subscriptionCount(email: string): number {
  return withDb((db) => countSubscriptionsOf(db, email.toLowerCase()));
}

// ---------------------------------------------------------------- accounts of a test's own (e2e/authorisation.spec.ts)

/**
 * An account of the test's own, made as the CLI makes one (lib/users: hashed, audited), so a test that signs it in
 * or out never touches the demo users' sessions. A coordinator needs its organisation.
 */
export async function createUser(
  role: "admin" | "officer" | "communications" | "coordinator",
  options: { organisationId?: number; name?: string } = {},
): Promise<{ id: number; email: string; password: string }> {
  const code = uniqueCode().toLowerCase();
  const email = `${role}-${code}@test.example`;
  const password = `lösen-${randomBytes(12).toString("base64url")}`;
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    const user = await createUserAccount(
      db,
      { email, name: options.name ?? `Test ${role} ${code}`, role, organisationId: options.organisationId ?? null, password },
      ACTOR,
    );
    return { id: user.id, email, password };
  } finally {
    db.$client.close();
  }
}
