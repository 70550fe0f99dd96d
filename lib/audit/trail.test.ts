import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertAuditEvent, listAuditTrail } from "@/db/queries/audit";
import { freshTestDb } from "@/db/testing";
import { auditTrailCsv, auditTrailFilter, auditTrailSearch, changedFields, parseAuditTrailQuery } from "./trail";

let db: Db;
const ALICE = { id: null, label: "Alice" };

beforeAll(() => {
  db = freshTestDb().db;
  const at = (iso: string) => new Date(iso);
  insertAuditEvent(db, { actor: ALICE, action: "decision.create", entityType: "decision", entityId: 7, after: { grantedAmount: 100 }, at: at("2026-11-20T10:00:00Z") });
  insertAuditEvent(db, { actor: ALICE, action: "decision.update", entityType: "decision", entityId: 7, before: { grantedAmount: 100 }, after: { grantedAmount: 200 }, at: at("2026-11-21T10:00:00Z") });
  insertAuditEvent(db, { actor: { id: null, label: "=HYPERLINK(\"x\")" }, action: "release.publish", entityType: "release", entityId: 3, after: { status: "published" }, at: at("2026-11-22T23:30:00Z") });
});

describe("the audit trail's filter", () => {
  it("reads the query, dropping what it cannot read rather than failing", () => {
    expect(parseAuditTrailQuery({ vad: "decision", typ: "decision", id: "7", fran: "2026-11-21", sida: "2" })).toEqual({
      vad: "decision",
      typ: "decision",
      id: 7,
      fran: "2026-11-21",
      sida: 2,
    });
    expect(parseAuditTrailQuery({ vad: "'; drop table", typ: "nonsense", id: "-1", fran: "igår", vem: "x" })).toEqual({});
  });

  it("filters by what, which entity and Stockholm days, newest first", () => {
    const list = (params: Record<string, string>) => listAuditTrail(db, auditTrailFilter(parseAuditTrailQuery(params)), 1, 50).rows.map((e) => e.action);
    expect(list({})).toEqual(["release.publish", "decision.update", "decision.create"]);
    expect(list({ vad: "decision" })).toEqual(["decision.update", "decision.create"]);
    expect(list({ vad: "decision.update" })).toEqual(["decision.update"]);
    expect(list({ typ: "release" })).toEqual(["release.publish"]);
    expect(list({ typ: "decision", id: "8" })).toEqual([]);
    // 23:30 UTC on the 22nd is the 23rd in Stockholm.
    expect(list({ fran: "2026-11-23", till: "2026-11-23" })).toEqual(["release.publish"]);
    expect(list({ till: "2026-11-20" })).toEqual(["decision.create"]);
  });

  it("keeps the filter in links to other pages", () => {
    expect(auditTrailSearch({ vad: "decision", typ: "decision" }, 3)).toBe("?vad=decision&typ=decision&sida=3");
    expect(auditTrailSearch({})).toBe("");
  });
});

describe("the audit trail's lines and CSV", () => {
  it("names the fields an event changed, not its bookkeeping", () => {
    expect(changedFields({ grantedAmount: 100, version: 1 }, { grantedAmount: 200, version: 2 })).toEqual(["grantedAmount"]);
    expect(changedFields(null, { status: "published", id: 3 })).toEqual(["status"]);
  });

  it("writes CSV with a BOM, semicolons and every text cell guarded against formulas", () => {
    const { rows } = listAuditTrail(db, {}, 1, 50);
    const csv = auditTrailCsv(rows, false);
    expect(csv.startsWith("\uFEFFid;tid;vem;vem_id;vad;typ;typ_id;fore;efter\r\n")).toBe(true);
    expect(csv).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(csv).toContain('"{""grantedAmount"":100}";"{""grantedAmount"":200}"');
    expect(auditTrailCsv(rows, true)).toContain("Begränsad till de 50000 senaste händelserna");
  });
});
