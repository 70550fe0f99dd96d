import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getPressTemplateByKey, getPressTemplateVersion, listPressTemplates, listPressTemplateVersions } from "@/db/queries/press-templates";
import { freshTestDb } from "@/db/testing";
import { readTestAuditEvents } from "@/db/testing/decisions";
import { DomainError } from "@/lib/errors";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { PARSE_LIMIT } from "./sandbox";
import { MAX_TEMPLATE_SOURCE_LENGTH } from "./template-schema";
import { restoreTemplateVersion, saveTemplate, TEMPLATE_CONFLICT_MESSAGE, templateProblems } from "./template-store";
import { PRESS_TEMPLATE_KEYS, PRESS_TEMPLATE_NAMES, shippedTemplateSource } from "./templates";

const ANNA = { id: null, label: "Anna Kommunikatör" };
const BERTIL = { id: null, label: "Bertil Admin" };
let db: Db;

beforeEach(() => {
  db = freshTestDb().db;
});

function roundTemplate() {
  const template = getPressTemplateByKey(db, "round");
  if (!template) throw new Error("no round template");
  return template;
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the templates migration 0004 installs", () => {
  it("are the three shipped ones, each with version 1 in its history", () => {
    expect(listPressTemplates(db).map((t) => [t.key, t.name, t.targetKind, t.version])).toEqual([
      ["round", PRESS_TEMPLATE_NAMES.round, "round", 1],
      ["county", PRESS_TEMPLATE_NAMES.county, "county", 1],
      ["recipient", PRESS_TEMPLATE_NAMES.recipient, "recipient", 1],
    ]);
    for (const t of listPressTemplates(db)) {
      expect(listPressTemplateVersions(db, t.id).map((v) => [v.version, v.savedByLabel])).toEqual([[1, "Anslag"]]);
      expect(getPressTemplateVersion(db, t.id, 1)?.source).toBe(t.source);
    }
  });

  // A change to a .liquid file without a migration that installs it fails here.
  for (const key of PRESS_TEMPLATE_KEYS) {
    it(`${key}: has exactly the source of lib/press/templates/${key}.liquid`, () => {
      expect(getPressTemplateByKey(db, key)?.source).toBe(shippedTemplateSource(key));
    });
  }
});

describe("saveTemplate", () => {
  it("saves a valid source as the next version, with who and when, and a template.update audit event", () => {
    const before = roundTemplate();
    const source = `${before.source}\nFler rader om {{ round.approved }} beviljade.`;
    const saved = saveTemplate(db, ANNA, { templateId: before.id, version: 1, name: "Omgången, ny text", source });
    expect(saved).toMatchObject({ version: 2, name: "Omgången, ny text", source });
    expect(roundTemplate()).toMatchObject({ version: 2, source });
    const versions = listPressTemplateVersions(db, before.id);
    expect(versions.map((v) => [v.version, v.savedByLabel])).toEqual([
      [2, "Anna Kommunikatör"],
      [1, "Anslag"],
    ]);
    expect(getPressTemplateVersion(db, before.id, 1)?.source).toBe(before.source);
    const events = readTestAuditEvents(db, { entityType: "press_template" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "template.update", entityId: before.id, actorLabel: "Anna Kommunikatör" });
    expect(events[0]?.before).toMatchObject({ version: 1, source: before.source });
    expect(events[0]?.after).toMatchObject({ version: 2, source });
  });

  it("refuses an unknown variable with its line, column and the nearest known name, and writes nothing", () => {
    const before = roundTemplate();
    const source = "Rubrik\n\nI år beviljas {{ round.aproved }} ansökningar.";
    const error = refusal(() => saveTemplate(db, ANNA, { templateId: before.id, version: 1, name: before.name, source }));
    expect(error.code).toBe("invalid");
    expect(error.message).toBe("Okänd variabel round.aproved på rad 3, kolumn 18. Menade du round.approved?");
    expect(error.fieldErrors?.source).toEqual([error.message]);
    expect(error.details?.errors).toEqual([expect.objectContaining({ line: 3, column: 18, suggestion: "round.approved" })]);
    expect(roundTemplate()).toEqual(before);
    expect(listPressTemplateVersions(db, before.id)).toHaveLength(1);
    expect(readTestAuditEvents(db, { entityType: "press_template" })).toEqual([]);
  });

  it("refuses a source that does not parse, with its line, and writes nothing", () => {
    const before = roundTemplate();
    const error = refusal(() =>
      saveTemplate(db, ANNA, { templateId: before.id, version: 1, name: before.name, source: "Rad ett\n{% if round.is_last %}sista" }),
    );
    expect(error.message).toMatch(/^Taggen .* avslutas aldrig på rad 2, kolumn 1\.$/);
    expect(roundTemplate()).toEqual(before);
    expect(readTestAuditEvents(db, { entityType: "press_template" })).toEqual([]);
  });

  it("refuses an unknown filter with the nearest filter", () => {
    const before = roundTemplate();
    const error = refusal(() =>
      saveTemplate(db, ANNA, { templateId: before.id, version: 1, name: before.name, source: "{{ round.granted | miljonerr }}" }),
    );
    expect(error.message).toBe("Okänt filter miljonerr på rad 1, kolumn 1. Menade du miljoner?");
  });

  it("refuses an empty source or name at its field", () => {
    const before = roundTemplate();
    const error = refusal(() => saveTemplate(db, ANNA, { templateId: before.id, version: 1, name: " ", source: "  \n " }));
    expect(error.fieldErrors).toEqual({ name: ["Ange mallens namn."], source: ["Mallen kan inte vara tom."] });
    expect(roundTemplate()).toEqual(before);
  });

  it("saves a template that loops for ever: it parses, and every render is bounded instead", () => {
    const before = roundTemplate();
    const source = "{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}";
    expect(templateProblems(source)).toEqual([]);
    expect(saveTemplate(db, ANNA, { templateId: before.id, version: 1, name: before.name, source }).version).toBe(2);
  });

  it("refuses the second of two writers who loaded the same version, keeping the first one's text", () => {
    const before = roundTemplate();
    saveTemplate(db, ANNA, { templateId: before.id, version: 1, name: before.name, source: "Annas text {{ round.approved }}" });
    const error = refusal(() =>
      saveTemplate(db, BERTIL, { templateId: before.id, version: 1, name: before.name, source: "Bertils text {{ round.received }}" }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(TEMPLATE_CONFLICT_MESSAGE);
    expect(error.details).toEqual({ currentVersion: 2 });
    expect(roundTemplate()).toMatchObject({ version: 2, source: "Annas text {{ round.approved }}" });
    expect(listPressTemplateVersions(db, before.id)).toHaveLength(2);
    expect(readTestAuditEvents(db, { entityType: "press_template" })).toHaveLength(1);
  });

  it("answers a template that does not exist as not found", () => {
    expect(refusal(() => saveTemplate(db, ANNA, { templateId: 999, version: 1, name: "x", source: "x" })).code).toBe("not_found");
  });
});

describe("restoreTemplateVersion", () => {
  it("brings version 1 back as version 3, with a template.restore audit event, keeping the history", () => {
    const original = roundTemplate();
    saveTemplate(db, ANNA, { templateId: original.id, version: 1, name: "Ändrad", source: "Ändrad {{ round.approved }}" });
    const restored = restoreTemplateVersion(db, BERTIL, original.id, 1, 2);
    expect(restored).toMatchObject({ version: 3, name: original.name, source: original.source });
    expect(listPressTemplateVersions(db, original.id).map((v) => [v.version, v.savedByLabel])).toEqual([
      [3, "Bertil Admin"],
      [2, "Anna Kommunikatör"],
      [1, "Anslag"],
    ]);
    const events = readTestAuditEvents(db, { entityType: "press_template" });
    expect(events.map((e) => e.action)).toEqual(["template.update", "template.restore"]);
    expect(events[1]?.before).toMatchObject({ version: 2, source: "Ändrad {{ round.approved }}" });
    expect(events[1]?.after).toMatchObject({ version: 3, source: original.source, restoredFrom: 1 });
  });

  it("refuses a stale version and a version that does not exist, writing nothing", () => {
    const original = roundTemplate();
    saveTemplate(db, ANNA, { templateId: original.id, version: 1, name: "Ändrad", source: "Ändrad {{ round.approved }}" });
    expect(refusal(() => restoreTemplateVersion(db, BERTIL, original.id, 1, 1)).code).toBe("conflict");
    expect(refusal(() => restoreTemplateVersion(db, BERTIL, original.id, 7, 2)).code).toBe("not_found");
    expect(roundTemplate().version).toBe(2);
    expect(readTestAuditEvents(db, { entityType: "press_template" })).toHaveLength(1);
  });
});

describe("the refusals in English", () => {
  it("keeps the form's limit equal to the parser's", () => {
    expect(MAX_TEMPLATE_SOURCE_LENGTH).toBe(PARSE_LIMIT);
  });

  const swedish = [
    "Okänd variabel round.aproved på rad 3, kolumn 18. Menade du round.approved?",
    "Okänd variabel r.amout på rad 2, kolumn 4.",
    "Okänt filter miljonerr på rad 1, kolumn 1. Menade du miljoner?",
    "Okänt filter xyz på rad 1, kolumn 1.",
    "Taggen if round.is_last avslutas aldrig på rad 2, kolumn 1.",
    "Utskriften {{ round.approved avslutas aldrig (}} saknas) på rad 1, kolumn 1.",
    "Det finns ingen tagg som heter foo på rad 1, kolumn 1.",
    "Taggen include är inte tillåten: en pressmall kan inte läsa in andra mallar eller filer på rad 1, kolumn 1.",
    "Mallen tar för lång tid att fylla i och stoppades. Kontrollera slingorna i mallen.",
    "Texten blir för lång: högst 200 000 tecken. Kontrollera slingorna i mallen.",
    "Mallen skapar för mycket data att fylla i (en slinga med för många varv eller en för lång lista). Kontrollera slingorna i mallen.",
    "Mallen kunde inte fyllas i: renderingen avbröts oväntat. Försök igen.",
    TEMPLATE_CONFLICT_MESSAGE,
    "Mallen finns inte.",
    "Versionen finns inte.",
    "Ange mallens namn.",
    "Mallen kan inte vara tom.",
    "Mallen får ha högst 100 000 tecken.",
  ];
  for (const message of swedish) {
    it(`translates "${message.slice(0, 40)}…"`, () => {
      expect(translateValidationMessage(message, "en")).not.toBe(message);
    });
  }

  it("keeps the names, the line and the suggestion", () => {
    expect(translateValidationMessage(swedish[0]!, "en")).toBe("Unknown variable round.aproved on line 3, column 18. Did you mean round.approved?");
  });
});
