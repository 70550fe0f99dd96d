import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { applications, decisions, programmes, rounds } from "../schema";
import { seedReferenceData } from "../seed/reference";
import { freshTestDb } from "../testing";
import { listRoundApplications, likeCaseVariants, searchWords } from "./application-list";
import { getOrganisationByName } from "./organisations";
import { parseListParams } from "@/lib/applications/list-params";
import { registerApplication } from "@/lib/applications/register";
import { applicationFieldsSchema, type ApplicationFieldsInput } from "@/lib/applications/schema";
import { updateApplication } from "@/lib/applications/update";
import { organisationVersionOf, updateOrganisation } from "@/lib/organisations/update";

const actor = { id: null, label: "test" };
/** An officer's scope: every application. */
const ALL = { kind: "all" } as const;
let db: Db;
let roundId: number;

function round(ordinal: number): number {
  const programme = db.select().from(programmes).get() ?? db.insert(programmes).values({ name: "Programmet", code: "HJ", funder: "regeringen", allocation: 0 }).returning().get();
  return db.insert(rounds).values({ programmeId: programme.id, ordinal, year: 2026, budget: 100_000_000, status: "open" }).returning().get().id;
}

function register(fields: Partial<ApplicationFieldsInput> & { leadOrganisation: ApplicationFieldsInput["leadOrganisation"] }, inRound = roundId) {
  const parsed = applicationFieldsSchema.parse({ projectTitle: "Jämställd service", requestedAmount: 500_000, ...fields });
  return db.transaction((tx) => registerApplication(tx, inRound, parsed, actor));
}

const search = (sok: string, extra: Record<string, string> = {}) =>
  listRoundApplications(db, roundId, parseListParams({ sok, ...extra }), ALL).rows.map((r) => r.registrationNumber);

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = round(1);
});

describe("the round's list: text search", () => {
  it("folds å, ä and ö in organisation names as Swedish users type them", () => {
    const orebro = register({ leadOrganisation: { name: "Örebro kommun" } });
    const ostersund = register({ leadOrganisation: { name: "Östersunds kommun" } });
    const angelholm = register({ leadOrganisation: { name: "Ängelholms kommun" } });
    const are = register({ leadOrganisation: { name: "Åre kommun" } });
    const umea = register({ leadOrganisation: { name: "Umeå kommun" } });

    expect(search("örebro")).toEqual([orebro.registrationNumber]);
    expect(search("östersund")).toEqual([ostersund.registrationNumber]);
    expect(search("ängelholm")).toEqual([angelholm.registrationNumber]);
    expect(search("åre kommun")).toEqual([are.registrationNumber]);
    expect(search("UMEÅ")).toEqual([umea.registrationNumber]);
    expect(search("Örebro")).toEqual([orebro.registrationNumber]);
    // å is a letter of its own, not an a with a ring: "umea" is not Umeå.
    expect(search("umea")).toEqual([]);
  });

  it("finds co-applicants, titles with é and ü in any case, and registration numbers in lower case", () => {
    const joint = register({ leadOrganisation: { name: "Regionförbundet Östsam", kind: "regionforbund" }, coApplicants: "Linköpings kommun" });
    const cafe = register({ leadOrganisation: { name: "Borås Stad", kind: "kommun" }, projectTitle: "Jämställt CAFÉ för Über-föreningar" });

    expect(search("linköping")).toEqual([joint.registrationNumber]);
    expect(search("ÖSTSAM")).toEqual([joint.registrationNumber]);
    expect(search("café")).toEqual([cafe.registrationNumber]);
    expect(search("ÜBER")).toEqual([cafe.registrationNumber]);
    expect(search(cafe.registrationNumber.toLowerCase())).toEqual([cafe.registrationNumber]);
    // Every word must occur, in any of the fields.
    expect(search("borås café")).toEqual([cafe.registrationNumber]);
    expect(search("borås linköping")).toEqual([]);
  });

  it("matches words of one or two letters too, folded as well", () => {
    const dalsEd = register({ leadOrganisation: { name: "Dals-Eds kommun" } });
    const are = register({ leadOrganisation: { name: "Åre kommun" } });
    register({ leadOrganisation: { name: "Umeå kommun" } });

    expect(search("eds")).toEqual([dalsEd.registrationNumber]);
    expect(search("ÅR")).toEqual([are.registrationNumber]);
    expect(search("kommun år")).toEqual([are.registrationNumber]);
    expect(likeCaseVariants("åm")).toEqual(["%åm%", "%Åm%"]);
    expect(likeCaseVariants("5%")).toEqual(["%5\\%%"]);
    expect(searchWords(" Åre\u00a0 kommun a ")).toEqual({ indexed: ["Åre", "kommun"], short: ["a"] });
  });

  it("treats FTS syntax and LIKE wildcards as text", () => {
    const percent = register({ leadOrganisation: { name: "Umeå kommun" }, projectTitle: "50% fler kvinnor i ledningen" });
    register({ leadOrganisation: { name: "Åre kommun" }, projectTitle: "500 nya platser" });
    expect(search("50%")).toEqual([percent.registrationNumber]);
    for (const text of ['"', 'a"b', "NEAR(x y)", "* OR ^", "AND", "kommun*", "%", "_"]) {
      expect(() => search(text)).not.toThrow();
    }
    expect(search("kommun*")).toEqual([]);
  });

  it("follows every write path: an edit, a new co-applicant and an organisation's rename", () => {
    const application = register({ leadOrganisation: { name: "Kalmars kommun", kind: "kommun" }, projectTitle: "Före" });
    updateApplication(
      db,
      { ...applicationFieldsSchema.parse({ leadOrganisation: { name: "Kalmars kommun" }, coApplicants: "Nybro kommun", projectTitle: "Äldreomsorg efter", requestedAmount: 1 }), applicationId: application.id, version: 1 },
      actor,
    );
    expect(search("före")).toEqual([]);
    expect(search("äldreomsorg")).toEqual([application.registrationNumber]);
    expect(search("nybro")).toEqual([application.registrationNumber]);

    const kalmar = getOrganisationByName(db, "Kalmars kommun")!;
    updateOrganisation(
      db,
      { organisationId: kalmar.id, version: organisationVersionOf(kalmar), name: "Kalmar kommun", shortName: "Kalmar", kind: "kommun", countyCode: "", municipalityCode: "" },
      actor,
    );
    expect(search("kalmars")).toEqual([]);
    expect(search("kalmar kommun")).toEqual([application.registrationNumber]);

    db.delete(applications).where(eq(applications.id, application.id)).run();
    expect(search("kalmar")).toEqual([]);
  });

  it("searches only the round asked for, and combines with the filters", () => {
    const other = round(2);
    register({ leadOrganisation: { name: "Umeå kommun" } }, other);
    const here = register({ leadOrganisation: { name: "Umeå kommun" } });
    register({ leadOrganisation: { name: "Borås Stad", kind: "kommun", municipalityCode: "1490" } });
    expect(search("umeå")).toEqual([here.registrationNumber]);
    expect(search("kommun", { lan: "24" })).toEqual([here.registrationNumber]);
    expect(search("service", { typ: "kommun", sortera: "organisation", ordning: "desc" })).toHaveLength(2);
    expect(listRoundApplications(db, roundId, parseListParams({ sok: "umeå" }), ALL).total).toBe(1);
  });
});

describe("the round's list: pages and sorting", () => {
  it("shows the last page for a page past the end", () => {
    const parsed = applicationFieldsSchema.parse({ leadOrganisation: { name: "Organisation A", kind: "annan" }, projectTitle: "P", requestedAmount: 1 });
    db.transaction((tx) => {
      for (let i = 0; i < 120; i++) registerApplication(tx, roundId, parsed, actor);
    });
    const result = listRoundApplications(db, roundId, parseListParams({ sida: "99" }), ALL);
    expect(result).toMatchObject({ total: 120, page: 3 });
    expect(result.rows).toHaveLength(20);
    expect(result.rows[19]?.registrationNumber).toBe("HJ-2026-0120");
    expect(listRoundApplications(db, roundId, parseListParams({ sok: "ingenting sådant", sida: "4" }), ALL)).toEqual({ rows: [], total: 0, page: 1 });
  });

  it("sorts by the granted amount, undecided and rejected applications before the smallest grant", () => {
    const small = register({ leadOrganisation: { name: "Åre kommun" } });
    const none = register({ leadOrganisation: { name: "Umeå kommun" } });
    const large = register({ leadOrganisation: { name: "Örebro kommun" } });
    const rejected = register({ leadOrganisation: { name: "Borås Stad", kind: "kommun" } });
    const decide = (id: number, outcome: "approved" | "rejected", grantedAmount: number) => {
      db.insert(decisions).values({ applicationId: id, roundId, outcome, grantedAmount, decidedOn: "2026-06-01" }).run();
      db.update(applications).set({ status: outcome }).where(eq(applications.id, id)).run();
    };
    decide(small.id, "approved", 100_000);
    decide(large.id, "approved", 900_000);
    decide(rejected.id, "rejected", 0);

    const order = (ordning: string) => listRoundApplications(db, roundId, parseListParams({ sortera: "beviljat", ordning }), ALL).rows.map((r) => r.id);
    expect(order("desc")).toEqual([large.id, small.id, rejected.id, none.id]);
    expect(order("asc")).toEqual([none.id, rejected.id, small.id, large.id]);
  });
});
