import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { readSheet } from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb, type Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb, tempDir, rowCount } from "@/db/testing";
import { DomainError } from "@/lib/errors";
import { codeFromName, registerImportCommands } from "./import-commands";

const GOOD = fileURLToPath(new URL("../import/fixtures/applications-utf8-bom.csv", import.meta.url));
const BAD = fileURLToPath(new URL("../import/fixtures/applications-bad-rows.csv", import.meta.url));

let db: Db;
let dir: string;
let out: string[];
let err: string[];

const withDb = <T>(fn: (db: Db) => T | Promise<T>): Promise<T> => Promise.resolve().then(() => fn(getDb()));

async function run(...args: string[]): Promise<void> {
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: (s) => void out.push(s), writeErr: (s) => void err.push(s) });
  registerImportCommands(program, withDb);
  await program.parseAsync(args, { from: "user" });
}

/** What `run` threw, for asserting the exit code main would give: CommanderError -> 2, DomainError -> 1. */
async function failure(...args: string[]): Promise<CommanderError | DomainError> {
  try {
    await run(...args);
  } catch (error) {
    if (error instanceof CommanderError || error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${args.join(" ")} to fail`);
}

const count = (table: string) => rowCount(db, table);

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  dir = tempDir("anslag-cli-");
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void err.push(args.join(" ")));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function setUpRound(budget = "5 000 000") {
  await run("programme", "create", "--name", "Program för Hållbar jämställdhet", "--funder", "regeringen", "--allocation", "225 000 000");
  await run("round", "create", "--programme", "HJ", "--ordinal", "5", "--budget", budget, "--year", "2026", "--opens", "2026-01-15", "--closes", "2026-03-31");
  out = [];
}

describe("programme create and round create", () => {
  it("create a programme (code from its initials) and an open round, print their ids and audit both", async () => {
    await run("programme", "create", "--name", "Program för Hållbar jämställdhet", "--funder", "regeringen", "--allocation", "225 000 000");
    const programme = db.query.programmes.findFirst().sync();
    expect(programme).toMatchObject({ name: "Program för Hållbar jämställdhet", code: "HJ", funder: "regeringen", allocation: 225_000_000 });
    expect(out.at(-1)).toContain(`skapat med id ${programme?.id}`);

    await run("round", "create", "--programme", "Program för hållbar jämställdhet", "--ordinal", "5", "--budget", "45 000 000", "--year", "2026", "--last", "--closes", "2026-03-31");
    const round = db.query.rounds.findFirst().sync();
    expect(round).toMatchObject({ programmeId: programme?.id, ordinal: 5, year: 2026, budget: 45_000_000, status: "open", isLast: true, closesOn: "2026-03-31", opensOn: null });
    expect(out.at(-1)).toBe(`Omgång 5 i Program för Hållbar jämställdhet skapad med id ${round?.id} (öppen, budget 45 000 000 kronor).`);

    const actions = db.query.auditEvents.findMany({ columns: { action: true, entityId: true }, orderBy: (e, { asc }) => [asc(e.id)] }).sync();
    expect(actions).toEqual([
      { action: "programme.create", entityId: programme?.id },
      { action: "round.create", entityId: round?.id },
    ]);
  });

  it("refuses bad arguments with exit code 2 and duplicates with exit code 1", async () => {
    expect((await failure("programme", "create", "--name", "X", "--funder", "Y", "--allocation", "-5")) as CommanderError).toMatchObject({ exitCode: 2 });
    expect(err.at(-1)).toBe("Fel: --allocation: Beloppet kan inte vara negativt.");
    expect(await failure("programme", "create", "--name", "X", "--funder", "Y", "--allocation", "1", "--code", "HÅ")).toBeInstanceOf(CommanderError);
    expect(await failure("programme", "create", "--name", "X")).toMatchObject({ code: "commander.missingMandatoryOptionValue" });

    await setUpRound();
    const duplicate = await failure("programme", "create", "--name", "program för hållbar jämställdhet", "--funder", "Y", "--allocation", "1");
    expect(duplicate).toBeInstanceOf(DomainError);
    expect((await failure("programme", "create", "--name", "Hela Jämlikheten", "--funder", "Y", "--allocation", "1")).message).toContain("Koden HJ används redan");
    expect(await failure("round", "create", "--programme", "HJ", "--ordinal", "5", "--budget", "1")).toBeInstanceOf(DomainError);
    expect(await failure("round", "create", "--programme", "HJ", "--ordinal", "6", "--budget", "1", "--opens", "2026-02-30")).toBeInstanceOf(CommanderError);
    expect(err.at(-1)).toBe("Fel: --opens: Datumet finns inte.");
    expect(await failure("round", "create", "--programme", "HJ", "--ordinal", "0", "--budget", "1")).toBeInstanceOf(CommanderError);
    expect((await failure("round", "create", "--programme", "Okänt", "--ordinal", "6", "--budget", "1")).message).toBe('Programmet "Okänt" finns inte.');
    expect(count("programmes")).toBe(1);
    expect(count("rounds")).toBe(1);
  });

  it("derives programme codes from the words that matter", () => {
    expect(codeFromName("Program för Hållbar jämställdhet")).toBe("HJ");
    expect(codeFromName("Ökad öppenhet i äldreomsorgen")).toBe("OOA");
  });
});

describe("import applications", () => {
  it("imports a good file and prints a line per row and a summary", async () => {
    await setUpRound();
    await run("import", "applications", GOOD, "--round", "5");
    expect(out).toEqual([
      "Rad 2: registrerad som HJ-2026-0001.",
      "Rad 3: registrerad som HJ-2026-0002.",
      "Rad 4: registrerad som HJ-2026-0003.",
      "Rad 5: registrerad som HJ-2026-0004.",
      "Rad 6: registrerad som HJ-2026-0005.",
      "Klart: 5 av 5 ansökningar inlästa till omgång 5 (2026) i Program för Hållbar jämställdhet.",
    ]);
    expect(count("applications")).toBe(5);
    expect(count("decisions")).toBe(3);
  });

  it("reports each bad row in Swedish and fails with exit code 1; all or nothing writes nothing", async () => {
    await setUpRound("3 000 000");
    const before = { applications: count("applications"), organisations: count("organisations"), audit: count("audit_events") };
    const error = await failure("import", "applications", BAD, "--round", "5", "--all-or-nothing");
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe("Importen avbröts: rätta 11 rader och läs in filen igen.");
    expect(out).toContain("Rad 3, requested_amount: Beloppet kan inte vara negativt.");
    expect(out).toContain("Rad 7, municipality_code: Kommunkoden 9999 finns inte.");
    expect(out.at(-1)).toBe("Ingenting lästes in till omgång 5 (2026) i Program för Hållbar jämställdhet: 11 rader av 12 har fel.");
    expect({ applications: count("applications"), organisations: count("organisations"), audit: count("audit_events") }).toEqual(before);

    out = [];
    const partial = await failure("import", "applications", BAD, "--round", "5");
    expect(partial.message).toBe("11 rader lästes inte in: rätta dem och läs in dem igen.");
    expect(out[0]).toBe("Rad 2: registrerad som HJ-2026-0001.");
    expect(count("applications")).toBe(before.applications + 1);
  });

  it("refuses an unreadable file or a missing one with exit code 2", async () => {
    await setUpRound();
    const noise = join(dir, "brus.csv");
    writeFileSync(noise, Buffer.from(Array.from({ length: 60_000 }, (_, i) => (i * 7919 + 13) % 256)));
    expect(await failure("import", "applications", noise, "--round", "5")).toMatchObject({ exitCode: 2 });
    expect(err.at(-1)).toBe("Fel: brus.csv: Filen är inte en CSV- eller XLSX-fil.");
    expect(await failure("import", "applications", join(dir, "saknas.csv"), "--round", "5")).toMatchObject({ exitCode: 2 });
    expect(await failure("import", "applications", GOOD, "--round", "9")).toBeInstanceOf(DomainError);
  });

  it("asks for --programme when several programmes have the round's ordinal", async () => {
    await setUpRound();
    await run("programme", "create", "--name", "Trygga kommuner", "--funder", "regeringen", "--allocation", "10 000 000");
    await run("round", "create", "--programme", "TK", "--ordinal", "5", "--budget", "2 000 000", "--year", "2026");
    const error = await failure("import", "applications", GOOD, "--round", "5");
    expect(error).toMatchObject({ exitCode: 2 });
    expect(err.at(-1)).toContain("ange vilket med --programme");
    await run("import", "applications", GOOD, "--round", "5", "--programme", "Trygga kommuner");
    const trygga = db.query.rounds.findFirst({ columns: { id: true }, where: (r, { eq }) => eq(r.budget, 2_000_000) }).sync();
    expect(db.query.applications.findMany({ where: (a, { eq }) => eq(a.roundId, trygga?.id ?? 0) }).sync()).toHaveLength(5);
    expect(db.query.applications.findFirst({ orderBy: (a, { asc }) => [asc(a.id)] }).sync()?.registrationNumber).toBe("TK-2026-0001");
  });
});

describe("import decisions", () => {
  it("records the decisions of a file in one transaction, replacing earlier ones, all or nothing", async () => {
    await setUpRound("2 000 000");
    await run("import", "applications", GOOD, "--round", "5");
    const file = join(dir, "beslut.csv");
    writeFileSync(
      file,
      [
        "registration_number;decision;granted_amount;decided_at;motivation",
        "HJ-2026-0003;approved;900 000;2026-06-01;Stark förankring.",
        "HJ-2026-0004;avslag;;2026-06-01;Utanför ramen.",
        "HJ-2026-0001;approved;1 100 000;2026-06-01;Höjt efter omprövning.",
      ].join("\r\n"),
    );
    // 1 000 000 + 500 000 granted; 900 000 more would pass 2 000 000 before the raise: refused as a whole.
    const refused = await failure("import", "decisions", file, "--round", "5");
    expect(refused).toBeInstanceOf(DomainError);
    expect(out).toContain("Rad 2, granted_amount: Beloppet överstiger det som finns kvar av omgångens budget: 500\u00a0000 kronor återstår.");
    expect(db.query.decisions.findMany({ where: (d, { eq }) => eq(d.outcome, "approved"), orderBy: (d, { asc }) => [asc(d.id)] }).sync().map((d) => d.grantedAmount)).toEqual([1_000_000, 500_000]);

    await run("round", "create", "--programme", "HJ", "--ordinal", "6", "--budget", "1", "--year", "2026");
    db.$client.prepare("UPDATE rounds SET budget = 5000000 WHERE ordinal = 5").run();
    out = [];
    await run("import", "decisions", file, "--round", "5");
    expect(out.at(-1)).toBe("Klart: 3 av 3 beslut inlästa till omgång 5 (2026) i Program för Hållbar jämställdhet.");
    const byNumber = Object.fromEntries(
      db.query.applications
        .findMany({ columns: { registrationNumber: true, status: true }, with: { decision: { columns: { grantedAmount: true, version: true } } } })
        .sync()
        .map((r) => [r.registrationNumber, [r.status, r.decision?.grantedAmount ?? null, r.decision?.version ?? null]]),
    );
    expect(byNumber).toMatchObject({
      "HJ-2026-0001": ["approved", 1_100_000, 2],
      "HJ-2026-0003": ["approved", 900_000, 1],
      "HJ-2026-0004": ["rejected", 0, 1],
    });
  });

  it("refuses unknown registration numbers and rows without a decision", async () => {
    await setUpRound();
    await run("import", "applications", GOOD, "--round", "5");
    const file = join(dir, "beslut.csv");
    writeFileSync(file, "registration_number;decision;granted_amount;decided_at\nHJ-2026-0099;approved;1;2026-06-01\nHJ-2026-0003;;;\n");
    out = [];
    await failure("import", "decisions", file, "--round", "5");
    expect(out).toEqual([
      "Rad 2, registration_number: Diarienumret HJ-2026-0099 finns inte.",
      "Rad 3, decision: Ange beslutet: approved eller rejected.",
      "Ingenting lästes in till omgång 5 (2026) i Program för Hållbar jämställdhet: 2 rader av 2 har fel.",
    ]);
  });
});

describe("export applications", () => {
  it("writes CSV for Swedish Excel and XLSX", async () => {
    await setUpRound();
    await run("import", "applications", GOOD, "--round", "5");
    const csv = join(dir, "omgång-5.csv");
    await run("export", "applications", "--round", "5", "--format", "csv", "--out", csv);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\nHJ-2026-0001;Umeå kommun;Kommun;2480;24;Västerbottens län;");
    expect(out.at(-1)).toContain(`skrivna till ${csv}`);

    const xlsx = join(dir, "omgång-5.xlsx");
    await run("export", "applications", "--round", "5", "--format", "xlsx", "--out", xlsx);
    const sheet = await readSheet(readFileSync(xlsx));
    expect(sheet).toHaveLength(6);
    expect(sheet[1]?.[10]).toBe(1_200_000);

    expect(await failure("export", "applications", "--round", "5", "--format", "pdf", "--out", xlsx)).toMatchObject({ exitCode: 2 });
  });

  it("an exported round imports into another round as it is, and its decisions file is the same export", async () => {
    await setUpRound();
    await run("import", "applications", GOOD, "--round", "5");
    const csv = join(dir, "omgång-5.csv");
    await run("export", "applications", "--round", "5", "--format", "csv", "--out", csv);
    await run("round", "create", "--programme", "HJ", "--ordinal", "6", "--budget", "5 000 000", "--year", "2027");
    db.$client.prepare("UPDATE rounds SET status = 'decided' WHERE ordinal = 6").run();

    out = [];
    await run("import", "applications", csv, "--round", "6");
    expect(out[0]).toBe("Obs: omgång 6 (2027) i Program för Hållbar jämställdhet är avgjord. Det som läses in läggs till i en omgång där beslut annars inte längre kan ändras.");
    expect(out.at(-1)).toBe("Klart: 5 av 5 ansökningar inlästa till omgång 6 (2027) i Program för Hållbar jämställdhet.");
    const xlsx = join(dir, "omgång-6.xlsx");
    await run("export", "applications", "--round", "6", "--format", "xlsx", "--out", xlsx);
    const sheet = await readSheet(readFileSync(xlsx));
    expect(sheet.slice(1).map((row) => [row[0], row[1], row[12], row[13]])).toEqual([
      ["HJ-2027-0001", "Umeå kommun", "Beviljad", 1_000_000],
      ["HJ-2027-0002", "Borås Stad", "Avslagen", 0],
      ["HJ-2027-0003", "Regionförbundet i Kalmar län", null, null],
      ["HJ-2027-0004", "Linköpings kommun", null, null],
      ["HJ-2027-0005", "Västtrafik AB", "Beviljad", 500_000],
    ]);

    // The decided rows of the same export, read as a decisions file (its other columns are recognised and skipped).
    const decided = join(dir, "beslut.csv");
    const lines = readFileSync(csv, "utf8").split("\r\n");
    writeFileSync(decided, [lines[0], lines[1], lines[2], lines[5]].join("\r\n"));
    out = [];
    await run("import", "decisions", decided, "--round", "5");
    expect(out.at(-1)).toBe("Klart: 3 av 3 beslut inlästa till omgång 5 (2026) i Program för Hållbar jämställdhet.");
  });
});
