import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { findTestApplicationId, findTestOrganisationId, findTestRoundId } from "@/db/testing/press";
import { loadPressContext, PRESS_VARIABLES, type PressContext } from "./context";

let db: Db;
const ALL = { kind: "all" } as const;
const roundId = (ordinal: number) => findTestRoundId(db, "HJ", ordinal);

/** Every leaf path of a value, with array items as `name[]`, as PRESS_VARIABLES writes them. */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== null && typeof v === "object");
    if (items.length === 0) return [prefix];
    return [...new Set(items.flatMap((item) => leafPaths(item, `${prefix}[]`)))];
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => leafPaths(v, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

beforeAll(async () => {
  db = freshTestDb().db;
  await seedDemo(db);
});

describe("the press context", () => {
  it("lists in PRESS_VARIABLES exactly the paths a context has, each with a description and an example", () => {
    const context = loadPressContext(db, { kind: "county", roundId: roundId(5), countyCode: "05" }, ALL) as PressContext;
    const paths = new Set(leafPaths(context));
    const listed = new Set(PRESS_VARIABLES.map((v) => v.path));
    expect([...paths].filter((p) => !listed.has(p))).toEqual([]);
    expect([...listed].filter((p) => !paths.has(p))).toEqual([]);
    expect(PRESS_VARIABLES.length).toBe(listed.size);
    for (const v of PRESS_VARIABLES) {
      expect(v.description.length, v.path).toBeGreaterThan(3);
      expect(v.example.length, v.path).toBeGreaterThan(0);
    }
  });

  it("is plain JSON: it survives a round trip unchanged (the worker and a release's stored facts need that)", () => {
    const context = loadPressContext(db, { kind: "round", roundId: roundId(5) }, ALL)!;
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
  });

  it("names a joint application by all its organisations, with short names and kinds in words", () => {
    const context = loadPressContext(db, { kind: "county", roundId: roundId(5), countyCode: "05" }, ALL)!;
    expect(context.recipients).toHaveLength(1);
    expect(context.recipients[0]).toMatchObject({
      name: "Regionförbundet Östsam och Linköpings kommun",
      short_name: "Östsam och Linköping",
      is_joint: true,
      amount: 1_600_000,
      county: { code: "05", name: "Östergötlands län", short_name: "Östergötland" },
    });
    expect(context.recipients[0]!.organisations.map((o) => o.kind_text)).toEqual(["regionförbund", "kommun"]);
    expect(context.scope).toEqual({ kind: "county", count: 1, granted: 1_600_000 });
    expect(context.county).toEqual({ code: "05", name: "Östergötlands län", short_name: "Östergötland" });
  });

  it("gives the round's kinds of recipient in the seeds' order, plural", () => {
    const round4 = loadPressContext(db, { kind: "round", roundId: roundId(4) }, ALL)!;
    expect(round4.round.recipient_kinds).toEqual(["kommuner", "landsting", "regioner", "regionförbund", "företag", "samverkansorgan"]);
    expect(round4.round).toMatchObject({ ordinal: 4, is_last: false, approved: 17, decision_on: "2012-06-14" });
    expect(round4.sender.short_name).toBe("SKL");
    expect(round4.press_contacts[0]!.name).toBe("Henning Brüllhoff");
  });

  it("is null for a scope outside the actor's, as for a missing one", () => {
    const lycksele = findTestApplicationId(db, roundId(4), "Lycksele kommun");
    const umea = findTestOrganisationId(db, "Umeå kommun");
    expect(loadPressContext(db, { kind: "recipient", applicationId: lycksele }, { kind: "organisation", organisationId: umea })).toBeNull();
    expect(loadPressContext(db, { kind: "recipient", applicationId: 999_999 }, ALL)).toBeNull();
  });
});
