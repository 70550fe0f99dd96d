import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { registerApplication } from "@/lib/applications/register";
import { auditActorOf } from "@/lib/audit";
import { recordDecision } from "@/lib/decisions/record";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { inWriteTransaction } from "@/db/transaction";
import { decisionLetterContent } from "./content";
import { getDecisionLetterData } from "@/db/queries/letters";
import { createUser } from "@/db/queries/users";

const ALL = { kind: "all" } as const;

let db: Db;
let roundId: number;
let applicationId: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = createTestRound(db, { budget: 5_000_000, status: "closed", ordinal: 5, year: 2013 });
  applicationId = inWriteTransaction(db, (tx) =>
    registerApplication(
      tx,
      roundId,
      {
        leadOrganisation: { name: "Regionförbundet Östsam", kind: "regionforbund" },
        coApplicants: [{ name: "Linköpings kommun" }, { name: "Norrköpings kommun" }],
        projectTitle: "Jämställd regional tillväxt",
        description: "",
        focusAreas: [],
        requestedAmount: 1_500_000,
        contactName: "Lena Gustafsson",
        contactTitle: "projektledare",
        contactPhone: "",
        contactEmail: "",
      },
      TEST_ACTOR,
      { allowClosedRound: true },
    ).id,
  );
});

describe("getDecisionLetterData", () => {
  it("returns null for an application that does not exist", () => {
    expect(getDecisionLetterData(db, 999_999, ALL)).toBeNull();
  });

  it("has no letter while the application is undecided, but still its organisations for the scope check", () => {
    const data = getDecisionLetterData(db, applicationId, ALL);
    expect(data?.letter).toBeNull();
    expect(data?.coApplicantIds).toHaveLength(2);
    expect(data?.leadOrganisationId).toBeGreaterThan(0);
  });

  it("loads the application, round, programme, organisations in order and the decision with its officer", () => {
    const officer = createUser(db, { email: "erik@skl.example", name: "Erik Sandberg", passwordHash: "x", role: "officer", phone: "08-452 70 00" });
    inWriteTransaction(db, (tx) =>
      recordDecision(
        tx,
        { applicationId, outcome: "approved", grantedAmount: 1_200_000, motivation: "Beviljas delvis.", decidedOn: "2013-05-23" },
        auditActorOf(officer),
      ),
    );
    const data = getDecisionLetterData(db, applicationId, ALL);
    expect(data?.letter).toEqual({
      registrationNumber: "HJ-2013-0001",
      projectTitle: "Jämställd regional tillväxt",
      requestedAmount: 1_500_000,
      organisation: "Regionförbundet Östsam",
      coApplicants: ["Linköpings kommun", "Norrköpings kommun"],
      contact: { name: "Lena Gustafsson", title: "projektledare" },
      programme: "Program för Hållbar jämställdhet",
      round: { ordinal: 5, year: 2013, criteria: "" },
      decision: { outcome: "approved", grantedAmount: 1_200_000, motivation: "Beviljas delvis.", decidedOn: "2013-05-23",
        decidedBy: { name: "Erik Sandberg", email: "erik@skl.example", phone: "08-452 70 00" },
        replaces: null,
      },
    });
    // The loaded data is exactly what the letter takes.
    expect(decisionLetterContent(data!.letter!).paragraphs[0]).toContain(
      "bevilja Regionförbundet Östsam, Linköpings kommun och Norrköpings kommun 1\u00a0200\u00a0000 kronor (1,2 miljoner kronor)",
    );
  });

  it("returns nothing for another organisation's coordinator, and the letter for the lead's and a co-applicant's", () => {
    decideAs(null, "2013-05-23");
    const data = getDecisionLetterData(db, applicationId, ALL)!;
    expect(getDecisionLetterData(db, applicationId, { kind: "organisation", organisationId: 999_999 })).toBeNull();
    expect(getDecisionLetterData(db, applicationId, { kind: "none" })).toBeNull();
    expect(getDecisionLetterData(db, applicationId, { kind: "organisation", organisationId: data.leadOrganisationId })?.letter).not.toBeNull();
    expect(getDecisionLetterData(db, applicationId, { kind: "organisation", organisationId: data.coApplicantIds[1]! })?.letter).not.toBeNull();
  });

  it("names the decision a changed one replaces, by its date, and the programme when the officer is unknown", () => {
    decideAs(null, "2013-05-23");
    inWriteTransaction(db, (tx) =>
      recordDecision(
        tx,
        { applicationId, outcome: "approved", grantedAmount: 1_000_000, motivation: "Omprövat.", decidedOn: "2013-06-10", expectedVersion: 1, reason: "Överklagat." },
        TEST_ACTOR,
      ),
    );
    const letter = getDecisionLetterData(db, applicationId, ALL)!.letter!;
    expect(letter.decision).toMatchObject({ decidedOn: "2013-06-10", replaces: { decidedOn: "2013-05-23" }, decidedBy: null });
    expect(decisionLetterContent(letter).paragraphs[0]).toContain("ersätter SKL:s tidigare beslut i ärendet från den 23 maj 2013");
  });
});

function decideAs(actor: { id: number; name: string } | null, decidedOn: string) {
  inWriteTransaction(db, (tx) =>
    recordDecision(
      tx,
      { applicationId, outcome: "rejected", grantedAmount: 0, motivation: "Avslås.", decidedOn },
      actor ? auditActorOf(actor) : TEST_ACTOR,
    ),
  );
}
