import { Command, CommanderError } from "commander";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { ZodError } from "zod";
import { databasePath, openDatabase, type Db } from "@/db/client";
import { checkDatabaseFile, copyDatabaseFile, databaseInUse, type FileCheck } from "@/db/maintenance";
import { runMigrations } from "@/db/migrate";
import { organisationExists } from "@/db/queries/cli";
import { getOrganisationByName } from "@/db/queries/organisations";
import { DEMO_USERS } from "@/db/seed/demo-users";
import { databaseHasData, seedDemo } from "@/db/seed/demo";
import { seedReferenceData } from "@/db/seed/reference";
import { getUserByEmail } from "@/db/queries/users";
import { DomainError } from "@/lib/errors";
import { createUserAccount } from "@/lib/users";
import { ensureAuthSecret } from "./env-file";
import { registerImportCommands } from "./import-commands";
import { registerPressCommands } from "./press-commands";
import { generatePassword } from "./password";

/*
 * The admin CLI: `npm run cli -- <command>`. Every command opens the database at DATABASE_PATH (default
 * data/anslag.db), says what it did, and exits non-zero with a clear message when it could not.
 */

const CLI_ACTOR = { id: null, label: "CLI" } as const;

async function withDb<T>(fn: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase();
  // try/finally, not Promise.resolve(fn(db)).finally(): a synchronous throw (a failed migration) must close it too.
  try {
    return await fn(db);
  } finally {
    db.$client.close();
  }
}

function migrate(db: Db): void {
  runMigrations(db);
  const ref = seedReferenceData(db);
  console.log(`Databasen ${databasePath()} är migrerad (${ref.counties} län, ${ref.municipalities} kommuner).`);
}

async function seed(db: Db): Promise<void> {
  if (databaseHasData(db)) {
    console.log("Databasen har redan data; demodata läggs inte in igen.");
    return;
  }
  const summary = await seedDemo(db);
  console.log(`Demodata inlagd: ${summary.rounds.map((r) => `omgång ${r.ordinal}: ${r.applications} ansökningar, ${r.approved} beviljade`).join("; ")}.`);
}

function printAccounts(db: Db): void {
  const present = DEMO_USERS.filter((u) => getUserByEmail(db, u.email));
  if (present.length === 0) return;
  console.log("\nDemokonton (bara i demodatabasen):");
  for (const u of present) console.log(`  ${u.role.padEnd(15)} ${u.email.padEnd(32)} ${u.password}`);
  console.log("\nAnslag startar på http://localhost:3000\n");
}

/**
 * True when the path is the database or one of SQLite's files beside it, however it is spelled: by the same path,
 * or through a symbolic or hard link (the same device and inode).
 */
function isDatabaseFile(target: string): boolean {
  const database = databasePath();
  return ["", "-wal", "-shm", "-journal"].some((suffix) => sameFile(target, database + suffix));
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = statSync(a, { throwIfNoEntry: false });
  const sb = statSync(b, { throwIfNoEntry: false });
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Why a file is no backup to restore from, in the CLI's words. */
function refusalOf(check: Exclude<FileCheck, { ok: true }>, file: string): string {
  switch (check.problem) {
    case "missing":
      return `Säkerhetskopian ${file} finns inte.`;
    case "not-a-database":
      return `${file} är ingen SQLite-databas.`;
    case "corrupt":
      return `Säkerhetskopian ${file} är skadad (integrity_check: ${check.detail}); inget har återställts.`;
    case "not-anslag":
      return `${file} är ingen databas från Anslag (den har inga migreringar).`;
  }
}

/**
 * Restores the database at DATABASE_PATH from a backup: the backup is checked before anything is written, the copy
 * is made with SQLite's online backup into the database file (so its WAL and its readers stay consistent), and the
 * migrations this code has are run on it, so an older backup comes back current.
 */
async function restore(source: string, force: boolean): Promise<void> {
  const target = databasePath();
  if (isDatabaseFile(source)) throw new DomainError("Säkerhetskopian är själva databasen.");
  const check = checkDatabaseFile(source);
  if (!check.ok) throw new DomainError(refusalOf(check, source));
  if (check.unknownMigrations > 0) {
    throw new DomainError(`Säkerhetskopian är gjord av en nyare version av Anslag (${check.unknownMigrations} okända migreringar); uppdatera appen först.`);
  }
  const inUse = existsSync(target) && databaseInUse(target);
  if (existsSync(target) && !force) {
    throw new DomainError(
      inUse
        ? `Databasen ${target} används (körs appen?). Stoppa appen först, eller ange --force för att återställa ändå.`
        : `Databasen ${target} finns redan. Ange --force för att skriva över den med säkerhetskopian.`,
    );
  }
  const pages = await copyDatabaseFile(source, target);
  await withDb((handle) => {
    runMigrations(handle);
    const integrity = handle.$client.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new DomainError(`Den återställda databasen klarar inte integrity_check: ${String(integrity)}`);
  });
  console.log(`Databasen ${target} är återställd från ${source} (${pages} sidor, ${check.appliedMigrations} migreringar i kopian).`);
  if (inUse) console.log("Appen hade databasen öppen: starta om den, så att inget den har sparat från före återställningen visas.");
}

export function buildProgram(): Command {
  const program = new Command()
    .name("anslag")
    .description("Administrera Anslag från kommandoraden.")
    .exitOverride()
    .showHelpAfterError();

  program
    .command("prepare")
    .description("Förbered en start: AUTH_SECRET, migrering, referensdata och demodata i en tom databas.")
    .action(async () => {
      const secret = ensureAuthSecret();
      if (secret === "generated") console.log("Skapade AUTH_SECRET i .env.local.");
      await withDb(async (db) => {
        migrate(db);
        await seed(db);
      });
    });

  program
    .command("accounts")
    .description("Visa demokontona.")
    .action(() => withDb(printAccounts));

  const db = program.command("db").description("Databasen.");
  db.command("migrate")
    .description("Kör alla migreringar som inte körts och läs in län och kommuner.")
    .action(() => withDb(migrate));
  db.command("seed")
    .description("Lägg in demodata (bara i en tom databas).")
    .action(() =>
      withDb(async (handle) => {
        migrate(handle);
        await seed(handle);
        printAccounts(handle);
      }),
    );
  db.command("backup")
    .description("Säkerhetskopiera databasen till en fil (SQLite online backup: säkert medan appen körs).")
    .argument("<file>", "filen att skriva")
    .action((file: string) =>
      withDb(async (handle) => {
        const target = resolve(file);
        if (isDatabaseFile(target)) throw new DomainError("Kopian kan inte skrivas över själva databasen.");
        const result = await handle.$client.backup(target);
        console.log(`Säkerhetskopia skriven till ${target} (${result.totalPages} sidor).`);
      }),
    );

  db.command("restore")
    .description(
      "Återställ databasen från en säkerhetskopia. Kopian kontrolleras först (integrity_check, Anslags migreringar); en befintlig databas skrivs över bara med --force.",
    )
    .argument("<file>", "säkerhetskopian att läsa")
    .option("--force", "skriv över en befintlig databas, även en som en körande app har öppen")
    .action((file: string, options: { force?: boolean }) => restore(resolve(file), options.force === true));

  const user = program.command("user").description("Användare.");
  user
    .command("create")
    .description("Skapa ett konto. Utan --password skapas ett slumpat lösenord som skrivs ut.")
    .requiredOption("--email <email>", "e-postadress")
    .requiredOption("--name <name>", "namn")
    .requiredOption("--role <role>", "admin, officer, communications eller coordinator")
    .option("--organisation <name or id>", "organisationen (krävs för coordinator)")
    .option("--password <password>", "lösenord, minst 12 tecken")
    .action((options: { email: string; name: string; role: string; organisation?: string; password?: string }) =>
      withDb(async (handle) => {
        let organisationId: number | null = null;
        if (options.organisation !== undefined) {
          // An id is looked up too: an unknown one must get this message, not "FOREIGN KEY constraint failed".
          const org = /^\d+$/.test(options.organisation)
            ? organisationExists(handle, Number(options.organisation))
              ? { id: Number(options.organisation) }
              : null
            : getOrganisationByName(handle, options.organisation);
          if (!org) throw new DomainError(`Organisationen "${options.organisation}" finns inte.`);
          organisationId = org.id;
        }
        const password = options.password ?? generatePassword();
        const created = await createUserAccount(
          handle,
          { email: options.email, name: options.name, role: options.role, organisationId, password },
          CLI_ACTOR,
        );
        console.log(`Konto ${created.id} skapat för ${created.email} (${created.role}).`);
        if (!options.password) console.log(`Lösenord: ${password}`);
      }),
    );

  registerImportCommands(program, withDb);
  registerPressCommands(program, withDb);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ZodError) {
      for (const issue of error.issues) console.error(`Fel: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(`Fel: ${error.message}`);
      return 1;
    }
    console.error(`Fel: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run when started as a program (tsx lib/cli/main.ts …), not when imported by a test.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
