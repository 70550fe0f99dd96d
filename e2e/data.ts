import { randomBytes } from "node:crypto";
import { openDatabase, type Db } from "@/db/client";
import { insertProgramme } from "@/db/queries/programmes";
import { insertRound } from "@/db/queries/rounds";
import { getDecision } from "@/db/queries/decisions";
import { inWriteTransaction } from "@/db/transaction";
import { changeDecision, makeDecision } from "@/lib/decisions/record";
import { registerApplication } from "@/lib/applications/register";
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
