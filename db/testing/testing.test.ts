import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../client";
import { freshTestDb, tempDir, tempDirsInUse, testDatabasesInUse } from "./index";

let fromEarlierTest: string | undefined;

describe("freshTestDb", () => {
  it("gives a migrated copy that the test may write", () => {
    const { db, path } = freshTestDb();
    db.$client.prepare("INSERT INTO counties (code, name, short_name, sort_name) VALUES ('99', 'Testlän', 'Test', 'testlan')").run();
    expect(existsSync(path)).toBe(true);
    expect(testDatabasesInUse()).toEqual([path]);
    fromEarlierTest = path;
  });

  it("removes the copy after the test that made it, and gives the next test a clean one", () => {
    expect(fromEarlierTest).toBeDefined();
    expect(existsSync(fromEarlierTest!)).toBe(false);
    expect(testDatabasesInUse()).toEqual([]);
    const { db } = freshTestDb();
    expect(db.$client.prepare("SELECT count(*) FROM counties WHERE code = '99'").pluck().get()).toBe(0);
  });
});

describe("a database made in beforeEach", () => {
  let path: string;
  const seen: string[] = [];
  beforeEach(() => {
    ({ path } = freshTestDb());
    seen.push(path);
  });

  it("is the test's own", () => {
    expect(testDatabasesInUse()).toEqual([path]);
  });

  it("is removed after the test", () => {
    expect(seen).toHaveLength(2);
    expect(existsSync(seen[0]!)).toBe(false);
    expect(testDatabasesInUse()).toEqual([path]);
  });
});

describe("a database made in beforeAll", () => {
  let shared: string;
  beforeAll(() => {
    shared = freshTestDb().path;
  });

  it("is there for the first test", () => {
    expect(existsSync(shared)).toBe(true);
  });

  it("and still there for the next (it is removed when the file has run)", () => {
    expect(existsSync(shared)).toBe(true);
    expect(testDatabasesInUse()).toContain(shared);
  });
});

describe("tempDir", () => {
  let made: string | undefined;
  let inBeforeEach: string;
  beforeEach(() => {
    inBeforeEach = tempDir("anslag-tempdir-");
  });

  it("gives an empty directory the test may write in", () => {
    made = tempDir("anslag-tempdir-");
    writeFileSync(join(made, "fil.txt"), "x");
    expect(existsSync(join(made, "fil.txt"))).toBe(true);
    expect(tempDirsInUse()).toEqual(expect.arrayContaining([made, inBeforeEach]));
  });

  it("removes it, files and all, after the test that made it (one made in beforeEach too)", () => {
    expect(made).toBeDefined();
    expect(existsSync(made!)).toBe(false);
    expect(tempDirsInUse()).toContain(inBeforeEach);
    expect(tempDirsInUse()).not.toContain(made);
  });

  let pointedAt: { open: boolean } | undefined;
  it("closes the process's database first when DATABASE_PATH points into it", () => {
    process.env.DATABASE_PATH = join(tempDir("anslag-tempdir-"), "egen.db");
    pointedAt = getDb().$client;
    expect(pointedAt.open).toBe(true);
  });

  it("so no connection to a removed file is left open", () => {
    expect(pointedAt?.open).toBe(false);
    expect(existsSync(process.env.DATABASE_PATH!)).toBe(false);
  });
});
