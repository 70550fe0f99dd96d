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
    expect(getDecisionLetterData(db, 999_999)).toBeNull();
  });

  it("has no letter while the application is undecided, but still its organisations for the scope check", () => {
    const data = getDecisionLetterData(db, applicationId);
    expect(data?.letter).toBeNull();
    expect(data?.coApplicantIds).toHaveLength(2);
    expect(data?.leadOrganisationId).toBeGreaterThan(0);
  });

  it("loads the application, round, programme, organisations in order and the decision with its officer", () => {
    const officer = createUser(db, { email: "erik@skl.example", name: "Erik Sandberg", passwordHash: "x", role: "officer" });
    inWriteTransaction(db, (tx) =>
      recordDecision(
        tx,
        { applicationId, outcome: "approved", grantedAmount: 1_200_000, motivation: "Beviljas delvis.", decidedOn: "2013-05-23" },
        auditActorOf(officer),
      ),
    );
    const data = getDecisionLetterData(db, applicationId);
    expect(data?.letter).toEqual({
      registrationNumber: "HJ-2013-0001",
      projectTitle: "Jämställd regional tillväxt",
      requestedAmount: 1_500_000,
      organisation: "Regionförbundet Östsam",
      coApplicants: ["Linköpings kommun", "Norrköpings kommun"],
      contact: { name: "Lena Gustafsson", title: "projektledare" },
      programme: "Program för Hållbar jämställdhet",
      round: { ordinal: 5, year: 2013, criteria: "" },
      decision: { outcome: "approved", grantedAmount: 1_200_000, motivation: "Beviljas delvis.", decidedOn: "2013-05-23", decidedBy: "Erik Sandberg" },
    });
    // The loaded data is exactly what the letter takes.
    expect(decisionLetterContent(data!.letter!).paragraphs[0]).toContain(
      "bevilja Regionförbundet Östsam, Linköpings kommun och Norrköpings kommun 1\u00a0200\u00a0000 kronor (1,2 miljoner kronor)",
    );
  });
});
