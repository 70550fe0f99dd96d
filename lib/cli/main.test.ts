import { insertOrganisation } from "@/db/queries/organisations";
import { describe, it, expect, beforeEach, afterEach, vi } from "vitest";
import Database from "better-sqlite3";
import { existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Db } from "@/db/client";
import { getOrganisationByName } from "@/db/queries/organisations";
import { freshTestDb, tempDir, rowCount } from "@/db/testing";
import { verifyPassword } from "@/lib/auth/password";
import { ensureAuthSecret } from "./env-file";
import { main } from "./main";
import { captureCliOutput } from "./testing";


// Every connection the CLI opens, to check that each command closes its own.
const opened = vi.hoisted(() => [] as { open: boolean }[]);
vi.mock("@/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/client")>();
  return {
    ...actual,
    openDatabase: (...args: Parameters<typeof actual.openDatabase>) => {
      const handle = actual.openDatabase(...args);
      opened.push(handle.$client);
      return handle;
    },
  };
});

let db: Db;
let dbPath: string;
const { spies, printed, errors } = captureCliOutput();

beforeEach(() => {
  opened.length = 0;
  ({ db, path: dbPath } = freshTestDb());
});
const count = (table: string) => rowCount(db, table);
const userByEmail = (email: string) => db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, email) }).sync();

function createOrganisation(name: string): number {
  return insertOrganisation(db, { name, shortName: name, kind: "kommun" }).id;
}

describe("user create", () => {
  it("creates an account with the given password and exits 0", async () => {
    const code = await main([
      "user", "create", "--email", "Ny.Handlaggare@Anslag.Example", "--name", "Ny Handläggare",
      "--role", "officer", "--password", "ett-långt-lösenord",
    ]);
    expect(errors()).toBe("");
    expect(code).toBe(0);
    const row = userByEmail("ny.handlaggare@anslag.example");
    expect(row).toMatchObject({ name: "Ny Handläggare", role: "officer", organisationId: null, disabled: false });
    await expect(verifyPassword(row!.passwordHash, "ett-långt-lösenord")).resolves.toBe(true);
    expect(printed()).toContain(`Konto ${row!.id} skapat för ny.handlaggare@anslag.example (officer).`);
    // A given password is never echoed.
    expect(printed()).not.toContain("ett-långt-lösenord");
    expect(printed()).not.toContain("Lösenord:");
  });

  it("creates a coordinator in an organisation given by name (case-insensitive) after seeding the demo", async () => {
    expect(await main(["db", "seed"])).toBe(0);
    const umea = getOrganisationByName(db, "Umeå kommun");
    expect(umea).toBeDefined();
    spies.log.mockClear();

    const code = await main([
      "user", "create", "--email", "samordnare2@umea.example", "--name", "Andra Samordnaren",
      "--role", "coordinator", "--organisation", "umeå KOMMUN", "--password", "ett-långt-lösenord",
    ]);
    expect(errors()).toBe("");
    expect(code).toBe(0);
    expect(userByEmail("samordnare2@umea.example")).toMatchObject({ role: "coordinator", organisationId: umea!.id });
  });

  it("creates a coordinator in an organisation given by id", async () => {
    const id = createOrganisation("Testkommunen");
    const code = await main([
      "user", "create", "--email", "s@test.example", "--name", "S", "--role", "coordinator",
      "--organisation", String(id), "--password", "ett-långt-lösenord",
    ]);
    expect(code).toBe(0);
    expect(userByEmail("s@test.example")).toMatchObject({ role: "coordinator", organisationId: id });
  });

  it("without --password generates one, prints it, and it verifies against the stored hash", async () => {
    const code = await main(["user", "create", "--email", "genererad@anslag.example", "--name", "G", "--role", "admin"]);
    expect(code).toBe(0);
    const match = /Lösenord: (\S+)/.exec(printed());
    expect(match).not.toBeNull();
    const password = match![1]!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const row = userByEmail("genererad@anslag.example");
    expect(row?.passwordHash).not.toContain(password);
    await expect(verifyPassword(row!.passwordHash, password)).resolves.toBe(true);
  });

  it("refuses an unknown role with exit code 2, a Swedish message naming the allowed roles, and writes nothing", async () => {
    const before = count("users");
    const audits = count("audit_events");
    const code = await main([
      "user", "create", "--email", "x@anslag.example", "--name", "X", "--role", "superuser", "--password", "ett-långt-lösenord",
    ]);
    expect(code).toBe(2);
    expect(errors()).toContain("Rollen ska vara en av: admin, officer, communications, coordinator.");
    expect(errors()).toMatch(/^Fel: /);
    expect(count("users")).toBe(before);
    expect(count("audit_events")).toBe(audits);
  });

  it("refuses an invalid email with exit code 2 and writes nothing", async () => {
    const before = count("users");
    const code = await main(["user", "create", "--email", "inte-en-adress", "--name", "X", "--role", "admin", "--password", "ett-långt-lösenord"]);
    expect(code).toBe(2);
    expect(errors()).toContain("Ange en giltig e-postadress");
    expect(count("users")).toBe(before);
  });

  it("refuses a password shorter than 12 characters with exit code 2", async () => {
    const before = count("users");
    const code = await main(["user", "create", "--email", "k@anslag.example", "--name", "K", "--role", "admin", "--password", "kort"]);
    expect(code).toBe(2);
    expect(errors()).toContain("minst 12 tecken");
    expect(count("users")).toBe(before);
  });

  it("refuses a coordinator without --organisation and writes nothing", async () => {
    const before = count("users");
    const code = await main([
      "user", "create", "--email", "s@anslag.example", "--name", "S", "--role", "coordinator", "--password", "ett-långt-lösenord",
    ]);
    expect(code).not.toBe(0);
    expect(errors()).toContain("En samordnare måste höra till en organisation.");
    expect(count("users")).toBe(before);
  });

  it("refuses an organisation for a role other than coordinator", async () => {
    const id = createOrganisation("Testkommunen");
    const before = count("users");
    const code = await main([
      "user", "create", "--email", "a@anslag.example", "--name", "A", "--role", "admin",
      "--organisation", String(id), "--password", "ett-långt-lösenord",
    ]);
    expect(code).not.toBe(0);
    expect(errors()).toContain("Bara samordnare hör till en organisation.");
    expect(count("users")).toBe(before);
  });

  it("refuses an unknown organisation name with exit code 1 and a message naming it", async () => {
    const before = count("users");
    const code = await main([
      "user", "create", "--email", "s@anslag.example", "--name", "S", "--role", "coordinator",
      "--organisation", "Ingenstans kommun", "--password", "ett-långt-lösenord",
    ]);
    expect(code).toBe(1);
    expect(errors()).toBe('Fel: Organisationen "Ingenstans kommun" finns inte.');
    expect(count("users")).toBe(before);
  });

  it("refuses an unknown organisation id with exit code 1 and the same message", async () => {
    const before = count("users");
    const code = await main([
      "user", "create", "--email", "s@anslag.example", "--name", "S", "--role", "coordinator",
      "--organisation", "9999", "--password", "ett-långt-lösenord",
    ]);
    expect(code).toBe(1);
    expect(errors()).toBe('Fel: Organisationen "9999" finns inte.');
    expect(count("users")).toBe(before);
  });

  it("refuses a second account with the same email (in any case) with 'finns redan'", async () => {
    const args = ["--name", "A", "--role", "admin", "--password", "ett-långt-lösenord"];
    expect(await main(["user", "create", "--email", "dubbel@anslag.example", ...args])).toBe(0);
    const before = count("users");
    const code = await main(["user", "create", "--email", "Dubbel@Anslag.Example", ...args]);
    expect(code).not.toBe(0);
    expect(errors()).toContain("finns redan");
    expect(count("users")).toBe(before);
  });

  it("exits non-zero when a required option is missing, writing nothing", async () => {
    const before = count("users");
    const code = await main(["user", "create", "--email", "x@anslag.example", "--role", "admin"]);
    expect(code).not.toBe(0);
    expect(count("users")).toBe(before);
  });
});

describe("commands and options", () => {
  it("exits non-zero on an unknown command", async () => {
    expect(await main(["nonsense"])).not.toBe(0);
    expect(await main(["db", "drop"])).not.toBe(0);
  });

  it("exits non-zero on an unknown option", async () => {
    expect(await main(["accounts", "--verbose"])).not.toBe(0);
  });

  it("exits 0 for --help", async () => {
    expect(await main(["--help"])).toBe(0);
  });
});

describe("db seed and db migrate", () => {
  it("seeds the demo, and a second run changes nothing and says data already exists", async () => {
    expect(await main(["db", "seed"])).toBe(0);
    expect(errors()).toBe("");
    expect(printed()).toContain("Demodata inlagd");
    const tables = ["users", "organisations", "programmes", "rounds", "applications", "decisions", "audit_events"];
    const counts = Object.fromEntries(tables.map((t) => [t, count(t)]));
    expect(counts.applications).toBeGreaterThan(0);
    expect(counts.users).toBe(4);
    spies.log.mockClear();

    expect(await main(["db", "seed"])).toBe(0);
    expect(printed()).toContain("Databasen har redan data; demodata läggs inte in igen.");
    expect(printed()).not.toContain("Demodata inlagd");
    expect(Object.fromEntries(tables.map((t) => [t, count(t)]))).toEqual(counts);
  });

  it("db migrate loads the reference data and can run twice", async () => {
    expect(await main(["db", "migrate"])).toBe(0);
    expect(await main(["db", "migrate"])).toBe(0);
    expect(printed()).toContain("21 län, 290 kommuner");
    expect(count("counties")).toBe(21);
    expect(count("municipalities")).toBe(290);
  });

  it("accounts lists the demo accounts after seeding and nothing on an empty database", async () => {
    expect(await main(["accounts"])).toBe(0);
    expect(printed()).toBe("");
    expect(await main(["db", "seed"])).toBe(0);
    spies.log.mockClear();
    expect(await main(["accounts"])).toBe(0);
    expect(printed()).toContain("admin@anslag.example");
    expect(printed()).toContain("samordnare@umea.example");
  });
});

describe("db backup", () => {
  it("writes a file that opens as a SQLite database with the same applications", async () => {
    expect(await main(["db", "seed"])).toBe(0);
    const target = join(tempDir("anslag-backup-"), "kopia.db");
    expect(await main(["db", "backup", target])).toBe(0);
    expect(errors()).toBe("");
    expect(printed()).toContain(`Säkerhetskopia skriven till ${target}`);
    expect(existsSync(target)).toBe(true);

    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const applications = copy.prepare("SELECT count(*) FROM applications").pluck().get();
      expect(applications).toBe(count("applications"));
      expect(applications).toBeGreaterThan(0);
      expect(copy.prepare("SELECT count(*) FROM users").pluck().get()).toBe(count("users"));
    } finally {
      copy.close();
    }
  });

  it("refuses to write the copy over the database itself, however the path is spelled", async () => {
    expect(await main(["db", "seed"])).toBe(0);
    const applications = count("applications");
    spies.error.mockClear();

    expect(await main(["db", "backup", dbPath])).toBe(1);
    expect(errors()).toBe("Fel: Kopian kan inte skrivas över själva databasen.");

    const roundabout = join(dirname(dbPath), ".", "..", relative(dirname(dirname(dbPath)), dbPath));
    expect(await main(["db", "backup", roundabout])).toBe(1);
    expect(count("applications")).toBe(applications);
  });

  it("refuses a symbolic or hard link to the database, and the database's WAL file", async () => {
    expect(await main(["db", "seed"])).toBe(0);
    const applications = count("applications");
    const symbolic = join(dirname(dbPath), "symbolisk.db");
    const hard = join(dirname(dbPath), "hard.db");
    symlinkSync(dbPath, symbolic);
    linkSync(dbPath, hard);
    spies.error.mockClear();

    expect(await main(["db", "backup", symbolic])).toBe(1);
    expect(await main(["db", "backup", hard])).toBe(1);
    expect(await main(["db", "backup", `${dbPath}-wal`])).toBe(1);
    expect(spies.error.mock.calls.map((c) => c.join(" "))).toEqual(Array(3).fill("Fel: Kopian kan inte skrivas över själva databasen."));
    expect(count("applications")).toBe(applications);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("exits non-zero when the file argument is missing", async () => {
    expect(await main(["db", "backup"])).not.toBe(0);
  });
});

describe("connections", () => {
  it("closes the connection of every command, whether it succeeds or fails", async () => {
    expect(await main(["db", "migrate"])).toBe(0);
    expect(await main(["user", "create", "--email", "a@anslag.example", "--name", "A", "--role", "admin"])).toBe(0);
    expect(await main(["user", "create", "--email", "a@anslag.example", "--name", "A", "--role", "admin"])).toBe(1);
    expect(opened).toHaveLength(3);
    expect(opened.every((c) => !c.open)).toBe(true);
  });

  it("closes the connection when a command fails synchronously (a database without tables)", async () => {
    process.env.DATABASE_PATH = join(tempDir("anslag-empty-"), "tom.db");
    expect(await main(["accounts"])).toBe(1);
    expect(errors()).toContain("no such table");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.open).toBe(false);
  });
});

describe("prepare", () => {
  it("with AUTH_SECRET in the environment migrates and seeds an empty database and writes no .env file", async () => {
    const saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "från-miljön-" + "x".repeat(32);
    const envFile = join(process.cwd(), ".env.local");
    const envBefore = existsSync(envFile) ? readFileSync(envFile, "utf8") : null;
    try {
      expect(await main(["prepare"])).toBe(0);
      expect(printed()).not.toContain("Skapade AUTH_SECRET");
      expect(count("applications")).toBeGreaterThan(0);
      expect(existsSync(envFile) ? readFileSync(envFile, "utf8") : null).toBe(envBefore);
    } finally {
      if (saved === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = saved;
    }
  });
});

describe("ensureAuthSecret", () => {
  let saved: string | undefined;
  let file: string;

  beforeEach(() => {
    saved = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    file = join(tempDir("anslag-env-"), ".env.local");
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = saved;
  });

  const secretIn = (content: string) => /^AUTH_SECRET=(.+)$/m.exec(content)?.[1];

  it("generates a secret of at least 32 characters into a new file, and keeps it on a second call", () => {
    expect(ensureAuthSecret(file)).toBe("generated");
    const content = readFileSync(file, "utf8");
    const secret = secretIn(content);
    expect(secret).toBeDefined();
    expect(secret!.length).toBeGreaterThanOrEqual(32);

    expect(ensureAuthSecret(file)).toBe("existing");
    expect(readFileSync(file, "utf8")).toBe(content);
    expect(secretIn(readFileSync(file, "utf8"))).toBe(secret);
  });

  it("generates a different secret for each new file", () => {
    const other = join(dirname(file), "other.env");
    ensureAuthSecret(file);
    ensureAuthSecret(other);
    expect(secretIn(readFileSync(file, "utf8"))).not.toBe(secretIn(readFileSync(other, "utf8")));
  });

  it("appends to an existing file without a trailing newline, keeping its other lines", () => {
    writeFileSync(file, "DATABASE_PATH=data/annan.db");
    expect(ensureAuthSecret(file)).toBe("generated");
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines[0]).toBe("DATABASE_PATH=data/annan.db");
    expect(lines[1]).toMatch(/^AUTH_SECRET=.{32,}$/);
  });

  it("uses the environment's AUTH_SECRET and writes nothing", () => {
    process.env.AUTH_SECRET = "från-miljön-" + "x".repeat(32);
    expect(ensureAuthSecret(file)).toBe("environment");
    expect(existsSync(file)).toBe(false);
  });
});
