import type { Db } from "@/db/client";
import type { RoundStatus } from "@/lib/enums";
import { insertTestProgramme, insertTestRound } from "@/db/testing/decisions";
import { registerApplication } from "@/lib/applications/register";
import type { ApplicationFields } from "@/lib/applications/schema";
import type { AuditActor } from "@/lib/audit";
import { inWriteTransaction } from "@/db/transaction";

/* Builders for tests of decisions, imports and exports: a programme, a round and applications, written the real way. */

export const TEST_ACTOR: AuditActor = { id: null, label: "test" };

export function createTestProgramme(db: Db, fields: { name?: string; code?: string } = {}): number {
  return insertTestProgramme(db, fields);
}

export function createTestRound(
  db: Db,
  fields: { programmeId?: number; ordinal?: number; budget: number; status?: RoundStatus; year?: number },
): number {
  return insertTestRound(db, { ...fields, programmeId: fields.programmeId ?? createTestProgramme(db) });
}

/** An application's fields as a form sends them, empty but for the lead, the title and the amount (and what is given). */
export function testApplicationFields(
  fields: Pick<ApplicationFields, "leadOrganisation" | "projectTitle" | "requestedAmount"> & Partial<ApplicationFields>,
): ApplicationFields {
  return { coApplicants: [], description: "", focusAreas: [], contactName: "", contactTitle: "", contactPhone: "", contactEmail: "", ...fields };
}

/** Registers `count` applications from organisations of kind "annan" (no reference data needed). */
export function createTestApplications(db: Db, roundId: number, count: number, requestedAmount = 1_000_000): number[] {
  return inWriteTransaction(db, (tx) =>
    Array.from({ length: count }, (_, i) =>
      registerApplication(
        tx,
        roundId,
        testApplicationFields({ leadOrganisation: { name: `Organisation ${i + 1}`, kind: "annan" }, projectTitle: `Projekt ${i + 1}`, requestedAmount }),
        TEST_ACTOR,
        { allowClosedRound: true },
      ).id,
    ),
  );
}
