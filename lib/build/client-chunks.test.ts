import { describe, expect, it } from "vitest";
import { findDatabaseCode, tableNamesOf } from "./client-chunks";

const SCHEMA = `
export const rounds = sqliteTable(
  "rounds",
  { id: integer("id").primaryKey() },
);
export const signInThrottle = sqliteTable("sign_in_throttle", { key: text("key") });
`;

describe("tableNamesOf", () => {
  it("reads every table's SQL name from the schema", () => {
    expect(tableNamesOf(SCHEMA)).toEqual(["rounds", "sign_in_throttle"]);
  });
});

describe("findDatabaseCode", () => {
  const names = ["rounds", "organisations", "sign_in_throttle"];

  it("finds a minified table definition", () => {
    const source = `let a=(0,r.sqliteTable)("rounds",{id:(0,r.integer)("id").primaryKey()});`;
    expect(findDatabaseCode([{ file: "a.js", source }], names)).toEqual([{ file: "a.js", what: 'the table "rounds"' }]);
  });

  it("finds a table defined with a columns callback", () => {
    const source = `Xe("sign_in_throttle",t=>({key:t.text()}))`;
    expect(findDatabaseCode([{ file: "b.js", source }], names)).toEqual([{ file: "b.js", what: 'the table "sign_in_throttle"' }]);
  });

  it("finds drizzle-orm itself", () => {
    const source = `const k=Symbol.for("drizzle:Name");`;
    expect(findDatabaseCode([{ file: "c.js", source }], names)).toEqual([{ file: "c.js", what: "drizzle-orm" }]);
  });

  it("lets a translation namespace that shares a table's name pass", () => {
    const source = `let g=(0,a.f)("organisations"),h=x("organisations.title");`;
    expect(findDatabaseCode([{ file: "d.js", source }], names)).toEqual([]);
  });
});
