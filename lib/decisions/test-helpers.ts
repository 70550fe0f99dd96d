import type { Db } from "@/db/client";
import type { RoundStatus } from "@/lib/enums";
import { insertTestProgramme, insertTestRound } from "@/db/testing/decisions";
import { registerApplication } from "@/lib/applications/register";
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

/** Registers `count` applications from organisations of kind "annan" (no reference data needed). */
export function createTestApplications(db: Db, roundId: number, count: number, requestedAmount = 1_000_000): number[] {
  return inWriteTransaction(db, (tx) =>
    Array.from({ length: count }, (_, i) =>
      registerApplication(
        tx,
        roundId,
        {
          leadOrganisation: { name: `Organisation ${i + 1}`, kind: "annan" },
          coApplicants: [],
          projectTitle: `Projekt ${i + 1}`,
          description: "",
          focusAreas: [],
          requestedAmount,
          contactName: "",
          contactTitle: "",
          contactPhone: "",
          contactEmail: "",
        },
        TEST_ACTOR,
        { allowClosedRound: true },
      ).id,
    ),
  );
}
