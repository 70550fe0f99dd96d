import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { findRound } from "@/db/queries/rounds";
import { freshTestDb, rowCount } from "@/db/testing";
import { registerApplication } from "@/lib/applications/register";
import { recordDecision } from "@/lib/decisions/record";
import { createTestApplications, createTestProgramme, TEST_ACTOR, testApplicationFields } from "@/lib/decisions/test-helpers";
import { inWriteTransaction } from "@/db/transaction";
import { canChangeStatus, createRound, listProgrammes, ROUND_CONFLICT_MESSAGE, setRoundStatus, updateRound } from ".";
import { CLOSES_BEFORE_OPENS, DECISION_BEFORE_CLOSES, roundFormSchema, type RoundFormInput } from "./schema";
import { caughtDomainError } from "@/lib/testing";

const NBSP = "\u00a0";

let db: Db;
let programmeId: number;

beforeEach(() => {
  ({ db } = freshTestDb());
  programmeId = createTestProgramme(db);
});

/** The form as an officer fills it in: strings everywhere, as the browser sends them. */
function form(overrides: Partial<RoundFormInput> = {}): RoundFormInput {
  return {
    programmeId: String(programmeId),
    ordinal: "5",
    year: "2013",
    budget: "27 500 000",
    opensOn: "2013-01-15",
    closesOn: "2013-03-15",
    decisionOn: "2013-06-01",
    criteria: "Projekt som stärker jämställdheten i kommunens verksamhet.",
    isLast: false,
    ...overrides,
  };
}

function counts() {
  const count = (table: string) => rowCount(db, table);
  return { rounds: count("rounds"), audit: count("audit_events") };
}

function auditOf(roundId: number) {
  const rows = db.$client
    .prepare("SELECT action, entity_type, actor_label, before, after FROM audit_events WHERE entity_type = 'round' AND entity_id = ? ORDER BY id")
    .all(roundId) as { action: string; entity_type: string; actor_label: string; before: string | null; after: string | null }[];
  return rows.map((e) => ({
    action: e.action,
    entityType: e.entity_type,
    actorLabel: e.actor_label,
    before: e.before === null ? null : (JSON.parse(e.before) as Record<string, unknown>),
    after: e.after === null ? null : (JSON.parse(e.after) as Record<string, unknown>),
  }));
}

function grant(roundId: number, amount: number) {
  const [applicationId] = createTestApplications(db, roundId, 1) as [number];
  inWriteTransaction(db, (tx) =>
    recordDecision(tx, { applicationId, outcome: "approved", grantedAmount: amount, motivation: "Beviljas.", decidedOn: "2013-06-01", confirmOverRequest: true }, TEST_ACTOR),
  );
}

describe("createRound", () => {
  it("creates a planned round from the form's strings and writes round.create", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    expect(round).toMatchObject({
      programmeId,
      ordinal: 5,
      year: 2013,
      budget: 27_500_000,
      opensOn: "2013-01-15",
      closesOn: "2013-03-15",
      decisionOn: "2013-06-01",
      status: "planned",
      isLast: false,
      version: 1,
    });
    const [event, ...rest] = auditOf(round.id);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ action: "round.create", entityType: "round", actorLabel: "test", before: null });
    expect(event?.after).toMatchObject({ id: round.id, ordinal: 5, budget: 27_500_000 });
  });

  it("stores empty dates as none", () => {
    const round = createRound(db, form({ opensOn: "", closesOn: "", decisionOn: " " }), TEST_ACTOR);
    expect(round).toMatchObject({ opensOn: null, closesOn: null, decisionOn: null });
  });

  it("refuses a second round with the same ordinal in the programme, at the ordinal field, and writes nothing", () => {
    createRound(db, form(), TEST_ACTOR);
    const before = counts();
    const error = caughtDomainError(() => createRound(db, form({ year: "2014" }), TEST_ACTOR));
    expect(error.message).toBe("Programmet har redan en femte omgång.");
    expect(error.fieldErrors?.ordinal).toEqual(["Programmet har redan en femte omgång."]);
    expect(counts()).toEqual(before);
  });

  it("allows the same ordinal in another programme", () => {
    createRound(db, form(), TEST_ACTOR);
    const other = createTestProgramme(db, { name: "Ett annat program", code: "AP" });
    expect(createRound(db, form({ programmeId: other }), TEST_ACTOR).ordinal).toBe(5);
  });

  it("refuses dates in the wrong order with the message on the later field", () => {
    const error = caughtDomainError(() =>
      createRound(db, form({ opensOn: "2013-03-15", closesOn: "2013-03-14", decisionOn: "2013-03-01" }), TEST_ACTOR),
    );
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ closesOn: [CLOSES_BEFORE_OPENS], decisionOn: [DECISION_BEFORE_CLOSES] });
    expect(counts()).toEqual({ rounds: 0, audit: 0 });
  });

  it("accepts a round that closes the day it opens", () => {
    expect(createRound(db, form({ opensOn: "2013-03-15", closesOn: "2013-03-15", decisionOn: "2013-03-15" }), TEST_ACTOR).id).toBeGreaterThan(0);
  });

  it("refuses an unknown programme at the programme field", () => {
    const error = caughtDomainError(() => createRound(db, form({ programmeId: programmeId + 100 }), TEST_ACTOR));
    expect(error.fieldErrors?.programmeId).toBeDefined();
    expect(counts()).toEqual({ rounds: 0, audit: 0 });
  });
});

describe("a round after the programme's last round", () => {
  const MESSAGE = "Programmet har redan en sista omgång, den femte (2013). Bekräfta att du vill lägga till en omgång efter den.";

  it("is refused without confirmation, at the confirmation field, and nothing is written", () => {
    createRound(db, form({ ordinal: 5, isLast: true }), TEST_ACTOR);
    const before = counts();
    const error = caughtDomainError(() => createRound(db, form({ ordinal: 6, year: "2014" }), TEST_ACTOR));
    expect(error.code).toBe("after_last");
    expect(error.message).toBe(MESSAGE);
    expect(error.fieldErrors).toEqual({ confirmAfterLast: [MESSAGE] });
    expect(counts()).toEqual(before);
  });

  it("is created when confirmed", () => {
    createRound(db, form({ ordinal: 5, isLast: true }), TEST_ACTOR);
    expect(createRound(db, form({ ordinal: 6, year: "2014", confirmAfterLast: true }), TEST_ACTOR)).toMatchObject({ ordinal: 6, status: "planned" });
  });

  it("needs no confirmation before the last round, or in a programme without one", () => {
    createRound(db, form({ ordinal: 5, isLast: true }), TEST_ACTOR);
    expect(createRound(db, form({ ordinal: 3, year: "2011" }), TEST_ACTOR).ordinal).toBe(3);
    const other = createTestProgramme(db, { name: "Ett annat program", code: "AP" });
    expect(createRound(db, form({ programmeId: other, ordinal: 9 }), TEST_ACTOR).ordinal).toBe(9);
  });
});

describe("the criteria text", () => {
  it("is normalised (NFC, line breaks kept) and refuses control characters and reversed text", () => {
    const round = createRound(db, form({ criteria: "  Jämställd\r\nverksamhet a\u030a  " }), TEST_ACTOR);
    expect(round.criteria).toBe("Jämställd\nverksamhet å");
    for (const criteria of ["Projekt\u0000", "Projekt \u202Eteg", "\u200B\u200B"]) {
      const error = caughtDomainError(() => createRound(db, form({ ordinal: 6, criteria }), TEST_ACTOR));
      expect(error.code).toBe("invalid");
      expect(error.fieldErrors?.criteria).toHaveLength(1);
    }
    expect(counts().rounds).toBe(1);
  });

  it("has at most 5 000 characters", () => {
    const error = caughtDomainError(() => createRound(db, form({ criteria: "x".repeat(5001) }), TEST_ACTOR));
    expect(error.fieldErrors?.criteria).toEqual(["Kriterierna får ha högst 5 000 tecken."]);
  });
});

describe("roundFormSchema", () => {
  it("gives Swedish messages at each field", () => {
    const result = roundFormSchema.safeParse(form({ programmeId: "", ordinal: "51", year: "1999", budget: "12,50", opensOn: "2013-02-30" }));
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      programmeId: "Välj ett program.",
      ordinal: "Ange omgångens nummer som en siffra mellan 1 och 50.",
      year: "Ange ett årtal mellan 2000 och 2100.",
      budget: "Beloppet ska anges i hela kronor, utan ören.",
      opensOn: "Datumet finns inte.",
    });
  });

  it("parses its own output again (the form sends parsed values to the action)", () => {
    const once = roundFormSchema.parse(form({ opensOn: "" }));
    expect(roundFormSchema.parse(once)).toEqual(once);
  });
});

describe("updateRound", () => {
  it("saves the change, bumps the version and writes round.update with before and after", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    const updated = updateRound(db, { ...form({ budget: "30 000 000", isLast: true }), roundId: round.id, version: 1 }, TEST_ACTOR);
    expect(updated).toMatchObject({ budget: 30_000_000, isLast: true, version: 2 });
    const event = auditOf(round.id).at(-1);
    expect(event).toMatchObject({ action: "round.update" });
    expect(event?.before).toMatchObject({ budget: 27_500_000, version: 1 });
    expect(event?.after).toMatchObject({ budget: 30_000_000, version: 2 });
  });

  it("refuses a stale version with code conflict and writes nothing", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    updateRound(db, { ...form({ budget: "28 000 000" }), roundId: round.id, version: 1 }, TEST_ACTOR);
    const before = counts();

    const error = caughtDomainError(() => updateRound(db, { ...form({ budget: "1 000 000" }), roundId: round.id, version: 1 }, TEST_ACTOR));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(ROUND_CONFLICT_MESSAGE);
    expect(error.details).toEqual({ currentVersion: 2 });
    expect(counts()).toEqual(before);
    expect(findRound(db, round.id)).toMatchObject({ budget: 28_000_000, version: 2 });
  });

  it("refuses a budget below what the round has granted, saying how much, at the budget field", () => {
    const round = createRound(db, form({ budget: "2 000 000" }), TEST_ACTOR);
    setRoundStatus(db, { roundId: round.id, status: "open", version: 1 }, TEST_ACTOR);
    grant(round.id, 1_200_000);
    const before = counts();

    const error = caughtDomainError(() => updateRound(db, { ...form({ budget: "1 199 999" }), roundId: round.id, version: 2 }, TEST_ACTOR));
    expect(error.code).toBe("budget");
    expect(error.message).toBe(`Budgeten kan inte vara lägre än det som redan har beviljats i omgången: 1${NBSP}200${NBSP}000 kronor.`);
    expect(error.fieldErrors?.budget).toEqual([error.message]);
    expect(counts()).toEqual(before);
    // Exactly the granted sum is still allowed.
    expect(updateRound(db, { ...form({ budget: "1 200 000" }), roundId: round.id, version: 2 }, TEST_ACTOR).budget).toBe(1_200_000);
  });

  it("refuses an ordinal another round of the programme has, but keeps its own", () => {
    createRound(db, form({ ordinal: 4, year: "2012" }), TEST_ACTOR);
    const fifth = createRound(db, form(), TEST_ACTOR);
    const error = caughtDomainError(() => updateRound(db, { ...form({ ordinal: 4 }), roundId: fifth.id, version: 1 }, TEST_ACTOR));
    expect(error.fieldErrors?.ordinal).toEqual(["Programmet har redan en fjärde omgång."]);
    expect(updateRound(db, { ...form({ ordinal: 5, criteria: "Nya kriterier." }), roundId: fifth.id, version: 1 }, TEST_ACTOR)).toMatchObject({
      ordinal: 5,
      criteria: "Nya kriterier.",
    });
  });

  it("refuses moving a round with applications to another programme", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    createTestApplications(db, round.id, 1);
    const other = createTestProgramme(db, { name: "Ett annat program", code: "AP" });
    const error = caughtDomainError(() => updateRound(db, { ...form({ programmeId: other }), roundId: round.id, version: 1 }, TEST_ACTOR));
    expect(error.fieldErrors?.programmeId).toBeDefined();
  });

  it("refuses dates in the wrong order", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    const error = caughtDomainError(() => updateRound(db, { ...form({ decisionOn: "2013-03-14" }), roundId: round.id, version: 1 }, TEST_ACTOR));
    expect(error.fieldErrors).toEqual({ decisionOn: [DECISION_BEFORE_CLOSES] });
  });

  it("says so for an unknown round", () => {
    expect(caughtDomainError(() => updateRound(db, { ...form(), roundId: 9999, version: 1 }, TEST_ACTOR)).code).toBe("not_found");
  });
});

describe("setRoundStatus", () => {
  it("opens and closes a round, bumping its version and writing round.open and round.close", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    expect(setRoundStatus(db, { roundId: round.id, status: "open", version: 1 }, TEST_ACTOR)).toMatchObject({ status: "open", version: 2 });
    expect(setRoundStatus(db, { roundId: round.id, status: "closed", version: 2 }, TEST_ACTOR)).toMatchObject({ status: "closed", version: 3 });
    const events = auditOf(round.id);
    expect(events.map((e) => e.action)).toEqual(["round.create", "round.open", "round.close"]);
    expect(events[2]?.before).toMatchObject({ status: "open" });
    expect(events[2]?.after).toMatchObject({ status: "closed" });
  });

  it("closing stops new registrations", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    setRoundStatus(db, { roundId: round.id, status: "closed", version: 1 }, TEST_ACTOR);
    expect(() => registerAsTheFormDoes(round.id)).toThrow("Omgången är stängd");
  });

  it("refuses a stale version and writes nothing", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    updateRound(db, { ...form(), roundId: round.id, version: 1 }, TEST_ACTOR);
    const before = counts();
    const error = caughtDomainError(() => setRoundStatus(db, { roundId: round.id, status: "closed", version: 1 }, TEST_ACTOR));
    expect(error.code).toBe("conflict");
    expect(counts()).toEqual(before);
    expect(findRound(db, round.id)?.status).toBe("planned");
  });

  it("refuses closing a closed round and touching a decided one", () => {
    const round = createRound(db, form(), TEST_ACTOR);
    setRoundStatus(db, { roundId: round.id, status: "closed", version: 1 }, TEST_ACTOR);
    expect(caughtDomainError(() => setRoundStatus(db, { roundId: round.id, status: "closed", version: 2 }, TEST_ACTOR)).code).toBe("status");
    db.$client.prepare("UPDATE rounds SET status = 'decided' WHERE id = ?").run(round.id);
    expect(caughtDomainError(() => setRoundStatus(db, { roundId: round.id, status: "open", version: 2 }, TEST_ACTOR)).code).toBe("status");
    expect(canChangeStatus("decided", "open")).toBe(false);
    expect(canChangeStatus("planned", "closed")).toBe(true);
  });
});

describe("listProgrammes", () => {
  it("lists programmes by name with the next free ordinal", () => {
    createRound(db, form({ ordinal: 4 }), TEST_ACTOR);
    createRound(db, form({ ordinal: 5 }), TEST_ACTOR);
    const other = createTestProgramme(db, { name: "Annat program", code: "AP" });
    expect(listProgrammes(db)).toEqual([
      { id: other, name: "Annat program", nameEn: null, nextOrdinal: 1, lastRound: null },
      { id: programmeId, name: "Program för Hållbar jämställdhet", nameEn: null, nextOrdinal: 6, lastRound: null },
    ]);
  });

  it("names the programme's last round, so the form can ask before a round after it", () => {
    createRound(db, form({ ordinal: 4, year: "2012" }), TEST_ACTOR);
    createRound(db, form({ ordinal: 5, year: "2013", isLast: true }), TEST_ACTOR);
    expect(listProgrammes(db)).toEqual([{ id: programmeId, name: "Program för Hållbar jämställdhet", nameEn: null, nextOrdinal: 6, lastRound: { ordinal: 5, year: 2013 } }]);
  });
});

// Registration the way the form does it: without allowClosedRound.
function registerAsTheFormDoes(roundId: number) {
  return inWriteTransaction(db, (tx) =>
    registerApplication(
      tx,
      roundId,
      testApplicationFields({ leadOrganisation: { name: "Organisation 1", kind: "annan" }, projectTitle: "Projekt", requestedAmount: 100_000 }),
      TEST_ACTOR,
    ),
  );
}
