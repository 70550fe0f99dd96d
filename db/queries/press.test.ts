import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../client";
import { seedDemo } from "../seed/demo";
import { freshTestDb } from "../testing";
import { findTestApplicationId, findTestApplicationIdWithStatus, findTestOrganisationId, findTestRoundId } from "../testing/press";
import { getPressFacts, type PressTarget } from "./press";

let db: Db;
const ALL = { kind: "all" } as const;

const roundId = (ordinal: number) => findTestRoundId(db, "HJ", ordinal);
const organisationId = (name: string) => findTestOrganisationId(db, name);
const applicationOf = (ordinal: number, lead: string) => findTestApplicationId(db, roundId(ordinal), lead);

beforeAll(async () => {
  db = freshTestDb().db;
  await seedDemo(db);
});

describe("getPressFacts", () => {
  it("gives a round's figures, its programme's total and every recipient, largest grant first", () => {
    const facts = getPressFacts(db, { kind: "round", roundId: roundId(5) }, ALL)!;
    expect(facts.programme).toMatchObject({ name: "Program för Hållbar jämställdhet", funder: "regeringen", allocation: 225_000_000 });
    // The rounds before Anslag (granted_before) and the demo's fourth and fifth rounds: SKL's 162 miljoner.
    expect(facts.programme.grantedTotal).toBe(105_500_000 + 29_000_000 + 27_500_000);
    expect(facts.round).toMatchObject({ ordinal: 5, isLast: true, received: 45, approved: 21, granted: 27_500_000 });
    expect(facts.round.recipientKinds.sort()).toEqual(["kommun", "landsting", "region", "regionforbund"]);
    expect(facts.recipients).toHaveLength(21);
    const amounts = facts.recipients.map((r) => r.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(facts.county).toBeNull();
  });

  it("names a joint application by its lead and co-applicants, in order", () => {
    const facts = getPressFacts(db, { kind: "recipient", applicationId: applicationOf(5, "Regionförbundet Östsam") }, ALL)!;
    expect(facts.recipients).toHaveLength(1);
    expect(facts.recipients[0]!.organisations).toEqual([
      { name: "Regionförbundet Östsam", shortName: "Östsam", kind: "regionforbund" },
      { name: "Linköpings kommun", shortName: "Linköping", kind: "kommun" },
    ]);
    expect(facts.recipients[0]!.county).toEqual({ code: "05", name: "Östergötlands län", shortName: "Östergötland" });
  });

  it("a county scope holds the county's recipients, or only those chosen", () => {
    const all = getPressFacts(db, { kind: "county", roundId: roundId(4), countyCode: "24" }, ALL)!;
    expect(all.county).toEqual({ code: "24", name: "Västerbottens län", shortName: "Västerbotten" });
    expect(all.recipients.map((r) => r.organisations[0]!.name)).toEqual([
      "Västerbottens läns landsting",
      "Umeå kommun",
      "Skellefteå kommun",
      "Lycksele kommun",
    ]);
    const chosen = getPressFacts(
      db,
      { kind: "county", roundId: roundId(4), countyCode: "24", applicationIds: [applicationOf(4, "Lycksele kommun"), applicationOf(4, "Umeå kommun")] },
      ALL,
    )!;
    expect(chosen.recipients.map((r) => [r.organisations[0]!.name, r.amount])).toEqual([
      ["Umeå kommun", 1_700_000],
      ["Lycksele kommun", 1_200_000],
    ]);
    expect(chosen.recipients[0]!.contact).toMatchObject({ name: "Helene Brewer", phone: "090-16 19 15" });
    // The round's figures stay the round's: "två av de 17".
    expect(chosen.round.approved).toBe(17);
  });

  it("is null for a missing round, county or application, and for a rejected application", () => {
    expect(getPressFacts(db, { kind: "round", roundId: 999_999 }, ALL)).toBeNull();
    expect(getPressFacts(db, { kind: "county", roundId: roundId(4), countyCode: "99" }, ALL)).toBeNull();
    expect(getPressFacts(db, { kind: "recipient", applicationId: 999_999 }, ALL)).toBeNull();
    const rejected = findTestApplicationIdWithStatus(db, roundId(5), "rejected");
    expect(getPressFacts(db, { kind: "recipient", applicationId: rejected }, ALL)).toBeNull();
  });

  it("takes the actor's scope: a coordinator's reads hold only their organisation, another's grant is as missing as none", () => {
    const umea = { kind: "organisation", organisationId: organisationId("Umeå kommun") } as const;
    const county = getPressFacts(db, { kind: "county", roundId: roundId(4), countyCode: "24" }, umea)!;
    expect(county.recipients.map((r) => r.organisations[0]!.name)).toEqual(["Umeå kommun"]);
    expect(getPressFacts(db, { kind: "recipient", applicationId: applicationOf(4, "Lycksele kommun") }, umea)).toBeNull();
    expect(getPressFacts(db, { kind: "recipient", applicationId: applicationOf(4, "Umeå kommun") }, umea)).not.toBeNull();
    expect(getPressFacts(db, { kind: "round", roundId: roundId(5) }, { kind: "none" })!.recipients).toEqual([]);
    // A co-applicant is in the application's scope too.
    const linkoping = { kind: "organisation", organisationId: organisationId("Linköpings kommun") } as const;
    expect(getPressFacts(db, { kind: "recipient", applicationId: applicationOf(5, "Regionförbundet Östsam") }, linkoping)).not.toBeNull();
  });

  it("runs the same number of statements for 1 recipient as for 21, and for 2 as for 4 (never one per recipient)", () => {
    const statements = (target: PressTarget) => {
      const spy = vi.spyOn(db.$client, "prepare");
      try {
        getPressFacts(db, target, ALL);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const two = statements({ kind: "county", roundId: roundId(5), countyCode: "12" });
    const four = statements({ kind: "county", roundId: roundId(4), countyCode: "24" });
    expect(four).toBe(two);
    const one = statements({ kind: "recipient", applicationId: applicationOf(5, "Borås Stad") });
    const all = statements({ kind: "round", roundId: roundId(5) });
    // One recipient's scope first finds its round: one statement more, whatever the round's size.
    expect(one).toBe(all + 1);
    expect(Math.max(two, all)).toBeLessThanOrEqual(7);
  });
});
