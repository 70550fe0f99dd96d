import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { freshTestDb } from "../testing";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_USERS } from "./demo-users";
import { databaseHasData, isDemoSeeded, seedDemo, type DemoSummary } from "./demo";
import { seedReferenceData } from "./reference";

/** One value from a single-row, single-column query. */
function scalar<T = number>(db: Db, query: string, ...params: unknown[]): T {
  const row = db.$client.prepare(query).pluck().get(...params);
  return row as T;
}

/** A round of the programme the press releases describe (the practice programme has its own first round). */
function roundId(db: Db, ordinal: number): number {
  return scalar(db, "SELECT r.id FROM rounds r JOIN programmes p ON p.id = r.programme_id WHERE p.code = 'HJ' AND r.ordinal = ?", ordinal);
}

const HJ_APPLICATIONS = "SELECT a.* FROM applications a JOIN rounds r ON r.id = a.round_id JOIN programmes p ON p.id = r.programme_id WHERE p.code = 'HJ'";

function granted(db: Db, ordinal: number, organisation: string): number | undefined {
  return scalar<number | undefined>(
    db,
    `SELECT d.granted_amount FROM decisions d
       JOIN applications a ON a.id = d.application_id
       JOIN organisations o ON o.id = a.lead_organisation_id
       JOIN rounds r ON r.id = a.round_id
      WHERE r.ordinal = ? AND o.name = ? AND d.outcome = 'approved'`,
    ordinal,
    organisation,
  );
}

function tableCounts(db: Db): Record<string, number> {
  const tables = [
    "counties",
    "municipalities",
    "organisations",
    "users",
    "programmes",
    "rounds",
    "applications",
    "application_co_applicants",
    "decisions",
    "audit_events",
    "registration_sequences",
  ];
  return Object.fromEntries(tables.map((t) => [t, scalar(db, `SELECT count(*) FROM ${t}`)]));
}

describe("seedReferenceData", () => {
  it("loads 21 counties and 290 municipalities, and a second run changes nothing", () => {
    const { db } = freshTestDb();
    expect(seedReferenceData(db)).toEqual({ counties: 21, municipalities: 290 });
    expect(scalar(db, "SELECT count(*) FROM counties")).toBe(21);
    expect(scalar(db, "SELECT count(*) FROM municipalities")).toBe(290);
    const before = db.$client.prepare("SELECT * FROM municipalities ORDER BY code").all();

    expect(seedReferenceData(db)).toEqual({ counties: 21, municipalities: 290 });
    expect(scalar(db, "SELECT count(*) FROM counties")).toBe(21);
    expect(scalar(db, "SELECT count(*) FROM municipalities")).toBe(290);
    expect(db.$client.prepare("SELECT * FROM municipalities ORDER BY code").all()).toEqual(before);
  });

  it("stores codes, names and Swedish sort keys", () => {
    const { db } = freshTestDb();
    seedReferenceData(db);
    expect(db.$client.prepare("SELECT * FROM municipalities WHERE code = '2480'").get()).toMatchObject({
      name: "Umeå kommun",
      short_name: "Umeå",
      county_code: "24",
    });
    expect(scalar(db, "SELECT name FROM counties WHERE code = '24'")).toBe("Västerbottens län");
    const names = db.$client.prepare("SELECT name FROM counties ORDER BY sort_name").pluck().all() as string[];
    expect(names.at(-1)).toBe("Östergötlands län");
  });
});

describe("seedDemo", () => {
  let db: Db;
  let summary: DemoSummary;

  // Seeding hashes four passwords with argon2; do it once for the read-only checks.
  beforeAll(async () => {
    db = freshTestDb().db;
    expect(databaseHasData(db)).toBe(false);
    summary = await seedDemo(db);
  }, 60_000);

  it("writes the programme", () => {
    expect(isDemoSeeded(db)).toBe(true);
    expect(db.$client.prepare("SELECT name, code, funder, allocation FROM programmes ORDER BY id").all()).toEqual([
      { name: "Program för Hållbar jämställdhet", code: "HJ", funder: "regeringen", allocation: 225_000_000 },
      { name: "Demo: övningsprogram för att prova Anslag", code: "DEMO", funder: "ingen (demodata)", allocation: 20_000_000 },
    ]);
  });

  it("gives the programmes their English names for staff pages in English", () => {
    expect(db.$client.prepare("SELECT code, name_en AS nameEn FROM programmes ORDER BY id").all()).toEqual([
      { code: "HJ", nameEn: "Programme for Sustainable Gender Equality" },
      { code: "DEMO", nameEn: "Demo: practice programme for trying Anslag" },
    ]);
  });

  it("loads the reference data too", () => {
    expect(scalar(db, "SELECT count(*) FROM counties")).toBe(21);
    expect(scalar(db, "SELECT count(*) FROM municipalities")).toBe(290);
  });

  it("round 4 (2012) has exactly 17 approved applications within its budget", () => {
    const id = roundId(db, 4);
    expect(scalar(db, "SELECT year FROM rounds WHERE id = ?", id)).toBe(2012);
    expect(scalar(db, "SELECT status FROM rounds WHERE id = ?", id)).toBe("decided");
    expect(scalar(db, "SELECT count(*) FROM decisions WHERE round_id = ? AND outcome = 'approved'", id)).toBe(17);
    expect(scalar(db, "SELECT count(*) FROM applications WHERE round_id = ? AND status = 'approved'", id)).toBe(17);
    expect(scalar(db, "SELECT count(*) FROM applications WHERE round_id = ?", id)).toBe(24);
    const sum = scalar(db, "SELECT sum(granted_amount) FROM decisions WHERE round_id = ?", id);
    expect(sum).toBeLessThanOrEqual(scalar(db, "SELECT budget FROM rounds WHERE id = ?", id));
  });

  it("round 5 (2013, the last) has 45 applications, 21 approved, 24 rejected and 27 500 000 kronor granted", () => {
    const id = roundId(db, 5);
    expect(db.$client.prepare("SELECT year, is_last, status, budget FROM rounds WHERE id = ?").get(id)).toEqual({
      year: 2013,
      is_last: 1,
      status: "decided",
      budget: 28_000_000,
    });
    expect(scalar(db, "SELECT count(*) FROM applications WHERE round_id = ?", id)).toBe(45);
    expect(scalar(db, "SELECT count(*) FROM decisions WHERE round_id = ? AND outcome = 'approved'", id)).toBe(21);
    expect(scalar(db, "SELECT count(*) FROM decisions WHERE round_id = ? AND outcome = 'rejected'", id)).toBe(24);
    expect(scalar(db, "SELECT count(*) FROM applications WHERE round_id = ? AND status = 'rejected'", id)).toBe(24);
    const sum = scalar(db, "SELECT sum(granted_amount) FROM decisions WHERE round_id = ?", id);
    expect(sum).toBe(27_500_000);
    expect(sum).toBeLessThanOrEqual(scalar(db, "SELECT budget FROM rounds WHERE id = ?", id));
    expect(scalar(db, "SELECT criteria FROM rounds WHERE id = ?", id)).toContain("hållbarhet även efter 2014");
  });

  it("grants the amounts of the press releases", () => {
    expect(granted(db, 4, "Umeå kommun")).toBe(1_700_000);
    expect(granted(db, 4, "Lycksele kommun")).toBe(1_200_000);
    expect(granted(db, 5, "Växjö kommun")).toBe(1_400_000);
    expect(granted(db, 5, "Borås Stad")).toBe(1_200_000);
  });

  it("keeps decisions consistent with applications", () => {
    // one decision per application of rounds 4 and 5, dated on its round's decision day, by the officer
    expect(scalar(db, `SELECT count(*) FROM (${HJ_APPLICATIONS})`)).toBe(69);
    expect(scalar(db, "SELECT count(*) FROM decisions")).toBe(69);
    expect(
      scalar(
        db,
        `SELECT count(*) FROM decisions d JOIN applications a ON a.id = d.application_id JOIN rounds r ON r.id = a.round_id
          WHERE d.round_id <> a.round_id OR d.decided_on <> r.decision_on OR a.status <> d.outcome`,
      ),
    ).toBe(0);
    expect(
      scalar(db, "SELECT count(*) FROM decisions WHERE decided_by IS NOT (SELECT id FROM users WHERE role = 'officer')"),
    ).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM decisions d JOIN applications a ON a.id = d.application_id WHERE d.granted_amount > a.requested_amount")).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM decisions WHERE outcome = 'rejected' AND granted_amount <> 0")).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM decisions WHERE granted_amount % 100000 <> 0")).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM applications WHERE requested_amount % 100000 <> 0")).toBe(0);
  });

  it("has a joint application: Regionförbundet Östsam with Linköpings kommun", () => {
    const rows = db.$client
      .prepare(
        `SELECT lead.name AS lead, co.name AS co FROM application_co_applicants c
           JOIN applications a ON a.id = c.application_id
           JOIN organisations lead ON lead.id = a.lead_organisation_id
           JOIN organisations co ON co.id = c.organisation_id
          WHERE a.round_id = ?`,
      )
      .all(roundId(db, 5));
    expect(rows).toEqual([{ lead: "Regionförbundet Östsam", co: "Linköpings kommun" }]);
  });

  it("gives organisations the codes of the reference data", () => {
    const org = (name: string) =>
      db.$client.prepare("SELECT kind, municipality_code, county_code FROM organisations WHERE name = ?").get(name);
    expect(org("Umeå kommun")).toEqual({ kind: "kommun", municipality_code: "2480", county_code: "24" });
    expect(org("Lycksele kommun")).toEqual({ kind: "kommun", municipality_code: "2481", county_code: "24" });
    expect(org("Växjö kommun")).toEqual({ kind: "kommun", municipality_code: "0780", county_code: "07" });
    expect(org("Borås Stad")).toEqual({ kind: "kommun", municipality_code: "1490", county_code: "14" });
    expect(org("Region Skåne")).toEqual({ kind: "region", municipality_code: null, county_code: "12" });
    // every kommun's county is its municipality's county
    expect(
      scalar(
        db,
        `SELECT count(*) FROM organisations o JOIN municipalities m ON m.code = o.municipality_code
          WHERE o.county_code IS NOT m.county_code`,
      ),
    ).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM organisations WHERE kind = 'kommun' AND municipality_code IS NULL")).toBe(0);
    const kinds = db.$client.prepare("SELECT DISTINCT kind FROM organisations ORDER BY kind").pluck().all();
    expect(kinds).toEqual(["foretag", "kommun", "landsting", "region", "regionforbund", "samverkansorgan"]);
  });

  it("numbers applications HJ-YYYY-NNNN, uniquely, per round year", () => {
    const numbers = db.$client
      .prepare(`SELECT a.registration_number AS n, r.year FROM (${HJ_APPLICATIONS}) a JOIN rounds r ON r.id = a.round_id`)
      .all() as { n: string; year: number }[];
    expect(numbers).toHaveLength(69);
    expect(new Set(numbers.map((r) => r.n)).size).toBe(69);
    for (const { n, year } of numbers) expect(n).toMatch(new RegExp(`^HJ-${year}-\\d{4}$`));
    expect(scalar(db, `SELECT min(registration_number) FROM (${HJ_APPLICATIONS})`)).toBe("HJ-2012-0001");
    expect(scalar(db, `SELECT max(registration_number) FROM (${HJ_APPLICATIONS})`)).toBe("HJ-2013-0045");
  });

  it("audits every application and decision", () => {
    const missing = (entity: string, table: string, action: string) =>
      scalar(
        db,
        `SELECT count(*) FROM ${table} t WHERE NOT EXISTS (
           SELECT 1 FROM audit_events e WHERE e.entity_type = ? AND e.entity_id = t.id AND e.action = ?)`,
        entity,
        action,
      );
    expect(missing("application", "applications", "application.create")).toBe(0);
    expect(missing("decision", "decisions", "decision.create")).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM audit_events WHERE action = 'application.create'")).toBe(69 + 6);
    expect(
      scalar(db, "SELECT count(*) FROM audit_events WHERE actor_label <> 'Demodata' OR actor_id IS NOT NULL"),
    ).toBe(0);
    const after = JSON.parse(
      scalar<string>(
        db,
        `SELECT e.after FROM audit_events e JOIN applications a ON a.id = e.entity_id
          WHERE e.action = 'application.create' AND a.registration_number = 'HJ-2013-0001'`,
      ),
    ) as Record<string, unknown>;
    expect(after).toMatchObject({ registrationNumber: "HJ-2013-0001" });
    // no password hash in the trail
    expect(scalar(db, "SELECT count(*) FROM audit_events WHERE after LIKE '%argon2%'")).toBe(0);
  });

  it("creates every demo user with its role and a password that verifies", async () => {
    for (const user of DEMO_USERS) {
      const row = db.$client
        .prepare("SELECT role, password_hash AS hash, disabled FROM users WHERE email = ?")
        .get(user.email.toLowerCase()) as { role: string; hash: string; disabled: number } | undefined;
      expect(row, user.email).toBeDefined();
      expect(row?.role).toBe(user.role);
      expect(row?.disabled).toBe(0);
      expect(await verifyPassword(row?.hash ?? "", user.password)).toBe(true);
      expect(await verifyPassword(row?.hash ?? "", `${user.password}x`)).toBe(false);
    }
    expect(
      scalar(
        db,
        `SELECT o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.role = 'coordinator'`,
      ),
    ).toBe("Umeå kommun");
    expect(summary.users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));
  }, 30_000);

  it("sorts organisations the Swedish way in SQL (Å, Ä, Ö after Z)", () => {
    const names = db.$client.prepare("SELECT name FROM organisations ORDER BY sort_name").pluck().all() as string[];
    const firstSwedish = names.findIndex((n) => /^[ÅÄÖ]/.test(n));
    expect(firstSwedish).toBeGreaterThan(0);
    // everything after the first Å/Ä/Ö name starts with one of them, in that order
    const tail = names.slice(firstSwedish).map((n) => n[0]);
    expect(tail.every((c) => c === "Å" || c === "Ä" || c === "Ö")).toBe(true);
    expect(tail).toEqual([...tail].sort((a, b) => "ÅÄÖ".indexOf(a!) - "ÅÄÖ".indexOf(b!)));
    expect(names.indexOf("Östersunds kommun")).toBeGreaterThan(names.indexOf("Ystads kommun"));
    expect(names.indexOf("Örnsköldsviks kommun")).toBeGreaterThan(names.indexOf("Växjö kommun"));
    expect(names.indexOf("Åre kommun")).toBeLessThan(names.indexOf("Ängelholms kommun"));
    expect(names.indexOf("Ängelholms kommun")).toBeLessThan(names.indexOf("Örebro kommun"));
    expect(names.at(-1)).toBe("Östersunds kommun");
  });

  it("returns a summary that matches the database", () => {
    expect(summary.rounds.map(({ ordinal, year, applications, approved, rejected, granted }) => ({
      ordinal,
      year,
      applications,
      approved,
      rejected,
      granted,
    }))).toEqual([
      {
        ordinal: 4,
        year: 2012,
        applications: 24,
        approved: 17,
        rejected: 7,
        granted: scalar(db, "SELECT sum(granted_amount) FROM decisions WHERE round_id = ?", roundId(db, 4)),
      },
      { ordinal: 5, year: 2013, applications: 45, approved: 21, rejected: 24, granted: 27_500_000 },
    ]);
    expect(summary.organisations).toBe(scalar(db, "SELECT count(*) FROM organisations"));
  });

  it("has an open practice round, plainly demo data, whose six applications wait for decisions", () => {
    const round = db.$client
      .prepare(
        `SELECT r.id, r.ordinal, r.year, r.status, r.is_last, r.budget, r.criteria, p.name AS programme FROM rounds r
           JOIN programmes p ON p.id = r.programme_id WHERE p.code = 'DEMO'`,
      )
      .all() as { id: number; status: string; criteria: string; programme: string }[];
    expect(round).toHaveLength(1);
    expect(round[0]).toMatchObject({ ordinal: 1, year: 2026, status: "open", is_last: 0, budget: 10_000_000 });
    expect(round[0]?.programme).toMatch(/^Demo: /);
    expect(round[0]?.criteria).toMatch(/^Demo: /);
    const id = round[0]?.id;
    expect(summary.practice).toEqual({ programmeId: expect.any(Number), programmeName: round[0]?.programme, roundId: id, applications: 6 });
    const rows = db.$client
      .prepare("SELECT registration_number AS n, status, project_title AS title FROM applications WHERE round_id = ? ORDER BY registration_number")
      .all(id) as { n: string; status: string; title: string }[];
    expect(rows.map((r) => r.n)).toEqual(["DEMO-2026-0001", "DEMO-2026-0002", "DEMO-2026-0003", "DEMO-2026-0004", "DEMO-2026-0005", "DEMO-2026-0006"]);
    expect(rows.every((r) => r.status === "received" && r.title.startsWith("Demo: "))).toBe(true);
    expect(scalar(db, "SELECT count(*) FROM decisions WHERE round_id = ?", id)).toBe(0);
    // The coordinator (Umeå kommun) has an application there to follow.
    expect(
      scalar(db, "SELECT count(*) FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id WHERE a.round_id = ? AND o.name = 'Umeå kommun'", id),
    ).toBe(1);
  });

  it("refuses to seed a second time and leaves the database unchanged", async () => {
    const before = tableCounts(db);
    await expect(seedDemo(db)).rejects.toThrow(/already holds data/);
    expect(tableCounts(db)).toEqual(before);
  });
});
