import Database from "better-sqlite3";
import { copyFileSync, existsSync, openSync, writeSync, closeSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { knownMigrations } from "@/db/maintenance";
import { freshTestDb, tempDir } from "@/db/testing";
import { insertTestProgramme } from "@/db/testing/decisions";
import { main } from "./main";
import { captureCliOutput } from "./testing";

/*
 * `db restore <file>` (issue 14, README "Backups"): the backup is checked before anything is written (a SQLite file,
 * integrity_check ok, Anslag's migrations and none newer than this code's), an existing database is overwritten only
 * with --force, and the restored database is migrated and whole.
 */


const { spies, printed, errors } = captureCliOutput();
let livePath: string;

beforeEach(() => {
  const { db, path } = freshTestDb();
  livePath = path;
  insertTestProgramme(db, { name: "Före kopian", code: "FORE" });
});

function read<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const programmeCodes = (path: string) => read(path, (db) => db.prepare("SELECT code FROM programmes ORDER BY code").pluck().all() as string[]);

/** A backup of the live database, made with the CLI, and the live database then changed after it. */
async function backupThenChange(): Promise<string> {
  const backup = join(tempDir("anslag-restore-"), "kopia.db");
  expect(await main(["db", "backup", backup])).toBe(0);
  const { db } = { db: new Database(livePath) };
  db.prepare("INSERT INTO programmes (name, code, funder, allocation) VALUES ('Efter kopian', 'EFTER', 'regeringen', 1)").run();
  db.close();
  closeDb();
  return backup;
}

describe("db restore", () => {
  it("restores a backup into a new database file: whole, migrated, with the backup's data", async () => {
    const backup = await backupThenChange();
    process.env.DATABASE_PATH = join(tempDir("anslag-restore-"), "ny.db");
    expect(await main(["db", "restore", backup])).toBe(0);
    expect(errors()).toBe("");
    expect(printed()).toContain(`Databasen ${process.env.DATABASE_PATH} är återställd från ${backup}`);
    const restored = process.env.DATABASE_PATH;
    expect(read(restored, (db) => db.pragma("integrity_check", { simple: true }))).toBe("ok");
    expect(programmeCodes(restored)).toContain("FORE");
    expect(programmeCodes(restored)).not.toContain("EFTER");
    expect(read(restored, (db) => db.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get())).toBe(knownMigrations().length);
  });

  it("refuses to overwrite an existing database without --force, and overwrites it with --force", async () => {
    const backup = await backupThenChange();
    expect(await main(["db", "restore", backup])).toBe(1);
    expect(errors()).toBe(`Fel: Databasen ${livePath} finns redan. Ange --force för att skriva över den med säkerhetskopian.`);
    expect(programmeCodes(livePath)).toContain("EFTER");

    spies.error.mockClear();
    expect(await main(["db", "restore", backup, "--force"])).toBe(0);
    expect(errors()).toBe("");
    expect(programmeCodes(livePath)).toContain("FORE");
    expect(programmeCodes(livePath)).not.toContain("EFTER");
    expect(read(livePath, (db) => db.pragma("integrity_check", { simple: true }))).toBe("ok");
  });

  it("refuses a database a running app has open unless told, and then restores it under SQLite's locks", async () => {
    const backup = await backupThenChange();
    // The app's connection: open, idle, in WAL mode.
    const app = new Database(livePath);
    app.pragma("journal_mode = WAL");
    app.prepare("SELECT count(*) FROM programmes").get();
    try {
      expect(await main(["db", "restore", backup])).toBe(1);
      expect(errors()).toBe(`Fel: Databasen ${livePath} används (körs appen?). Stoppa appen först, eller ange --force för att återställa ändå.`);
      expect(app.prepare("SELECT code FROM programmes ORDER BY code").pluck().all()).toContain("EFTER");

      spies.error.mockClear();
      expect(await main(["db", "restore", backup, "--force"])).toBe(0);
      expect(printed()).toContain("starta om den");
      // The open connection reads the restored database, not a mix of old and new pages.
      expect(app.prepare("SELECT code FROM programmes ORDER BY code").pluck().all()).not.toContain("EFTER");
      expect(app.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      app.close();
    }
  });

  it("refuses a damaged backup and writes nothing", async () => {
    const backup = await backupThenChange();
    const damaged = join(tempDir("anslag-restore-"), "skadad.db");
    copyFileSync(backup, damaged);
    // Overwrite the middle pages (b-tree pages, not the header) with garbage.
    const size = statSync(damaged).size;
    const fd = openSync(damaged, "r+");
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const target = join(tempDir("anslag-restore-"), "ny.db");
    process.env.DATABASE_PATH = target;
    expect(await main(["db", "restore", damaged])).toBe(1);
    expect(errors()).toMatch(/^Fel: (Säkerhetskopian .* är skadad \(integrity_check: .*\); inget har återställts\.|.* är ingen SQLite-databas\.)$/);
    expect(existsSync(target)).toBe(false);
  });

  it("refuses what is no Anslag backup: a missing file, a text file, another SQLite database, a newer Anslag's", async () => {
    const dir = tempDir("anslag-restore-");
    process.env.DATABASE_PATH = join(dir, "ny.db");
    closeDb();

    expect(await main(["db", "restore", join(dir, "finns-inte.db")])).toBe(1);
    expect(errors()).toBe(`Fel: Säkerhetskopian ${join(dir, "finns-inte.db")} finns inte.`);

    spies.error.mockClear();
    const text = join(dir, "text.db");
    const fd = openSync(text, "w");
    writeSync(fd, "inte en databas ".repeat(512));
    closeSync(fd);
    expect(await main(["db", "restore", text])).toBe(1);
    expect(errors()).toBe(`Fel: ${text} är ingen SQLite-databas.`);

    spies.error.mockClear();
    const other = join(dir, "annan.db");
    const otherDb = new Database(other);
    otherDb.exec("CREATE TABLE t (x)");
    otherDb.close();
    expect(await main(["db", "restore", other])).toBe(1);
    expect(errors()).toBe(`Fel: ${other} är ingen databas från Anslag (den har inga migreringar).`);

    spies.error.mockClear();
    const newer = join(dir, "nyare.db");
    copyFileSync(livePath, newer);
    const newerDb = new Database(newer);
    newerDb.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('framtida', 99999999999999)").run();
    newerDb.close();
    expect(await main(["db", "restore", newer])).toBe(1);
    expect(errors()).toBe("Fel: Säkerhetskopian är gjord av en nyare version av Anslag (1 okända migreringar); uppdatera appen först.");
    expect(existsSync(join(dir, "ny.db"))).toBe(false);
  });

  it("refuses the database itself as the backup", async () => {
    closeDb();
    expect(await main(["db", "restore", livePath, "--force"])).toBe(1);
    expect(errors()).toBe("Fel: Säkerhetskopian är själva databasen.");
  });
});
