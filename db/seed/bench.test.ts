import { describe, expect, it } from "vitest";
import { freshTestDb } from "../testing";
import { seedBench } from "./bench";

describe("the benchmark's database", () => {
  it("fills the rounds with applications, decisions within each budget, co-applicants and published releases", async () => {
    const { db } = freshTestDb();
    const world = await seedBench(db, { applications: 200, rounds: 4, organisations: 400 });
    const scalar = (query: string, ...params: unknown[]) => db.$client.prepare(query).pluck().get(...params) as number;

    expect(scalar("SELECT count(*) FROM applications a JOIN rounds r ON r.id = a.round_id JOIN programmes p ON p.id = r.programme_id WHERE p.code = 'BS'")).toBe(200);
    expect(scalar("SELECT count(*) FROM organisations")).toBe(400);
    // The budget rule holds in every round, and the decided rounds have decisions of both kinds.
    expect(scalar("SELECT count(*) FROM rounds r WHERE (SELECT coalesce(sum(granted_amount), 0) FROM decisions d WHERE d.round_id = r.id AND outcome = 'approved') > r.budget")).toBe(0);
    expect(scalar("SELECT count(DISTINCT outcome) FROM decisions WHERE round_id = ?", world.decidedRoundId)).toBe(2);
    // An application's status mirrors its decision.
    expect(scalar("SELECT count(*) FROM applications a LEFT JOIN decisions d ON d.application_id = a.id WHERE a.status <> coalesce(d.outcome, 'received')")).toBe(0);
    expect(scalar("SELECT count(*) FROM applications WHERE round_id = ? AND status = 'received'", world.openRoundId)).toBe(world.openRoundApplications / 2);
    expect(scalar("SELECT count(*) FROM application_co_applicants")).toBeGreaterThan(0);
    expect(scalar("SELECT status = 'published' FROM press_releases WHERE slug = ?", world.releaseSlug)).toBe(1);
    expect(world.coordinatorApplications).toBeGreaterThan(0);
    expect(scalar("SELECT count(*) FROM applications WHERE id = ? AND round_id = ?", world.applicationId, world.openRoundId)).toBe(1);
  }, 30_000); // the demo under it hashes a password per role
});
