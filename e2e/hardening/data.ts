import { randomBytes } from "node:crypto";
import { openDatabase, type Db } from "@/db/client";
import { insertProgramme } from "@/db/queries/programmes";
import { insertRound } from "@/db/queries/rounds";
import { inWriteTransaction } from "@/db/transaction";
import { registerApplication } from "@/lib/applications/register";
import { applicationFieldsSchema } from "@/lib/applications/schema";
import { createUserAccount } from "@/lib/users";
import Database from "better-sqlite3";

/*
 * Data of the hardening tests, written into a database file of the test's own (e2e/hardening/server.ts) through
 * the same lib/ functions the app uses, and read back with plain SQL on a read-only connection of its own.
 */

const ACTOR = { id: null, label: "E2E" };

export function withDatabase<T>(path: string, fn: (db: Db) => T): T {
  const db = openDatabase(path);
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

export function readDatabase<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** An open round of a programme of its own with `count` received applications of Umeå kommun. */
export function createRoundWithApplications(
  path: string,
  options: { budget: number; count: number; requestedAmount: number },
): { roundId: number; code: string; applicationIds: number[]; registrationNumbers: string[] } {
  const code = `H${randomBytes(3).toString("hex").toUpperCase()}`;
  return withDatabase(path, (db) =>
    inWriteTransaction(db, (tx) => {
      const programme = insertProgramme(tx, { name: `Härdning ${code}`, nameEn: null, code, funder: "regeringen", allocation: 50_000_000 }, ACTOR);
      const round = insertRound(
        tx,
        { programmeId: programme.id, ordinal: 1, year: 2026, budget: options.budget, opensOn: null, closesOn: null, decisionOn: null, criteria: "", isLast: false },
        "open",
        ACTOR,
      );
      const applications = Array.from({ length: options.count }, (_, i) =>
        registerApplication(
          tx,
          round.id,
          applicationFieldsSchema.parse({ leadOrganisation: { name: "Umeå kommun" }, projectTitle: `Härdningsprojekt ${code} ${i + 1}`, requestedAmount: options.requestedAmount }),
          ACTOR,
        ),
      );
      return { roundId: round.id, code, applicationIds: applications.map((a) => a.id), registrationNumbers: applications.map((a) => a.registrationNumber) };
    }),
  );
}

export async function createAccount(
  path: string,
  role: "admin" | "officer" | "communications" | "coordinator",
  organisationId: number | null = null,
): Promise<{ id: number; email: string; password: string }> {
  const code = randomBytes(3).toString("hex");
  const email = `${role}-${code}@hardning.example`;
  const password = `lösen-${randomBytes(12).toString("base64url")}`;
  const db = openDatabase(path);
  try {
    const user = await createUserAccount(db, { email, name: `Härdning ${role} ${code}`, role, organisationId, password }, ACTOR);
    return { id: user.id, email, password };
  } finally {
    db.$client.close();
  }
}

/** The decisions of a round as stored: application id -> granted amount (0 for a rejection). */
export function decisionsOfRound(path: string, roundId: number): Map<number, number> {
  return readDatabase(path, (db) => {
    const rows = db
      .prepare("SELECT d.application_id AS id, coalesce(d.granted_amount, 0) AS amount FROM decisions d JOIN applications a ON a.id = d.application_id WHERE a.round_id = ?")
      .all(roundId) as { id: number; amount: number }[];
    return new Map(rows.map((r) => [r.id, r.amount]));
  });
}

export function roundBudget(path: string, roundId: number): number {
  return readDatabase(path, (db) => db.prepare("SELECT budget FROM rounds WHERE id = ?").pluck().get(roundId) as number);
}

export function integrityCheck(path: string): string {
  return readDatabase(path, (db) => String(db.pragma("integrity_check", { simple: true })));
}
