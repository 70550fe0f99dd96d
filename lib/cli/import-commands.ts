import { Command, CommanderError } from "commander";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import {
  findProgrammeByCode,
  findProgrammeByName,
  findProgrammeByNameOrCode,
  getProgrammeRefById,
  getRoundRef,
  insertProgramme,
  listRoundsByOrdinal,
} from "@/db/queries/cli";
import { getImportRound } from "@/db/queries/import";
import { createRound } from "@/lib/rounds";
import { inWriteTransaction } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import { formatKronorPlain } from "@/lib/format/amount";
import { exportRoundApplications } from "@/lib/export/applications";
import { importApplications, type ImportReport } from "@/lib/import/apply";
import { APPLICATION_COLUMNS, DECISION_COLUMNS, type ColumnSet } from "@/lib/import/columns";
import { importDecisions } from "@/lib/import/decisions";
import { MAX_IMPORT_BYTES, parseSpreadsheet } from "@/lib/import/parse";
import { kronorField, textField } from "@/lib/validation/fields";

/*
 * CLI commands for setting up programmes and rounds and for moving applications and decisions in and out as
 * spreadsheets. Bad arguments and unreadable files exit with 2 (a CommanderError, after printing why); a refusal
 * (rows with errors, a duplicate round) throws DomainError, which main turns into exit code 1.
 */

const CLI_ACTOR = { id: null, label: "CLI" } as const;

type WithDb = <T>(fn: (db: Db) => T | Promise<T>) => Promise<T>;

export function registerImportCommands(program: Command, withDb: WithDb): void {
  const importCommand = group(program, "import", "Läs in ansökningar eller beslut från en CSV- eller XLSX-fil.");
  importCommand
    .command("applications")
    .description("Läs in ansökningar (med eventuella beslut) till en omgång.")
    .argument("<file>", "CSV- eller XLSX-fil")
    .requiredOption("--round <omgång>", "omgångens nummer (ordinal) eller id")
    .option("--programme <program>", "programmets id, namn eller kod (krävs när flera program har omgången)")
    .option("--all-or-nothing", "läs inte in något om någon rad har fel")
    .action(async (file: string, options: { round: string; programme?: string; allOrNothing?: boolean }) => {
      const sheet = await readSpreadsheetFile(file, APPLICATION_COLUMNS);
      await withDb((db) => {
        const round = resolveRound(db, options.round, options.programme);
        if (getImportRound(db, round.id)?.status === "decided") {
          console.log(`Obs: ${round.label} är avgjord. Det som läses in läggs till i en omgång där beslut annars inte längre kan ändras.`);
        }
        const report = importApplications(db, round.id, sheet.rows, {
          allOrNothing: options.allOrNothing ?? false,
          actor: CLI_ACTOR,
          rowNumbers: sheet.rowNumbers,
        });
        printReport(report, "ansökningar", round.label, options.allOrNothing ?? false);
      });
    });

  importCommand
    .command("decisions")
    .description("Läs in beslut på registrerade ansökningar i en omgång (allt eller inget).")
    .argument("<file>", "CSV- eller XLSX-fil med registration_number, decision, granted_amount, decided_at, motivation")
    .requiredOption("--round <omgång>", "omgångens nummer (ordinal) eller id")
    .option("--programme <program>", "programmets id, namn eller kod")
    .action(async (file: string, options: { round: string; programme?: string }) => {
      const sheet = await readSpreadsheetFile(file, DECISION_COLUMNS);
      await withDb((db) => {
        const round = resolveRound(db, options.round, options.programme);
        const report = importDecisions(db, round.id, sheet.rows, { actor: CLI_ACTOR, rowNumbers: sheet.rowNumbers });
        printReport(report, "beslut", round.label, true);
      });
    });

  group(program, "programme", "Program.")
    .command("create")
    .description("Skapa ett program. Skriver ut dess id.")
    .requiredOption("--name <namn>", 'programmets namn, "Program för Hållbar jämställdhet"')
    .requiredOption("--funder <finansiär>", 'vem som finansierar, "regeringen"')
    .requiredOption("--allocation <kronor>", 'tilldelade medel i kronor, "225 000 000"')
    .option("--code <prefix>", "prefix i diarienumren (standard: initialerna, till exempel HJ)")
    .option("--granted-before <kronor>", "beviljat i omgångar före Anslag, i kronor (räknas in i programmets totala belopp)")
    .action(async (options: { name: string; funder: string; allocation: string; code?: string; grantedBefore?: string }) => {
      await withDb((db) => {
        const name = argument(textArgument("--name"), options.name);
        const funder = argument(textArgument("--funder"), options.funder);
        const allocation = argument(kronorField, options.allocation, "--allocation");
        const grantedBefore = options.grantedBefore === undefined ? 0 : argument(kronorField, options.grantedBefore, "--granted-before");
        const code = options.code === undefined ? codeFromName(name) : argument(codeArgument, options.code, "--code");
        const created = inWriteTransaction(db, (tx) => {
          const sameName = findProgrammeByName(tx, name);
          if (sameName) throw new DomainError(`Programmet "${name}" finns redan (id ${sameName.id}).`);
          const sameCode = findProgrammeByCode(tx, code);
          if (sameCode) {
            throw new DomainError(`Koden ${code} används redan av "${sameCode.name}": välj en annan med --code.`);
          }
          return insertProgramme(tx, { name, funder, allocation, code, grantedBefore }, CLI_ACTOR);
        });
        console.log(`Programmet "${created.name}" skapat med id ${created.id} (diarienummer ${created.code}-ÅÅÅÅ-NNNN).`);
      });
    });

  group(program, "round", "Omgångar.")
    .command("create")
    .description("Skapa en öppen omgång i ett program. Skriver ut dess id.")
    .requiredOption("--programme <program>", "programmets id, namn eller kod")
    .requiredOption("--ordinal <n>", "omgångens nummer i programmet: 5 för den femte")
    .requiredOption("--budget <kronor>", 'omgångens budget i kronor, "45 000 000"')
    .option("--year <åååå>", "året i diarienumren (standard: i år)")
    .option("--last", "den sista omgången i programmet")
    .option("--after-last", "bekräfta en omgång efter programmets sista omgång")
    .option("--opens <ÅÅÅÅ-MM-DD>", "första dag för ansökningar")
    .option("--closes <ÅÅÅÅ-MM-DD>", "sista dag för ansökningar")
    .action(async (options: { programme: string; ordinal: string; budget: string; year?: string; last?: boolean; afterLast?: boolean; opens?: string; closes?: string }) => {
      await withDb((db) => {
        const programme = resolveProgramme(db, options.programme);
        // The same rules as the round form (lib/rounds): ordinal free in the programme, dates in order, audited.
        const created = asArguments(ROUND_OPTIONS, () => createRound(
          db,
          {
            programmeId: programme.id,
            ordinal: options.ordinal,
            year: options.year ?? String(new Date().getFullYear()),
            budget: options.budget,
            opensOn: options.opens ?? "",
            closesOn: options.closes ?? "",
            decisionOn: "",
            isLast: options.last ?? false,
            confirmAfterLast: options.afterLast ?? false,
          },
          CLI_ACTOR,
          { status: "open" },
        ));
        console.log(`Omgång ${created.ordinal} i ${programme.name} skapad med id ${created.id} (öppen, budget ${formatKronorPlain(created.budget)}).`);
      });
    });

  group(program, "export", "Skriv ut data som kalkylblad.")
    .command("applications")
    .description("Skriv en omgångs ansökningar till en CSV- eller XLSX-fil för Excel.")
    .requiredOption("--round <omgång>", "omgångens nummer (ordinal) eller id")
    .option("--programme <program>", "programmets id, namn eller kod")
    .requiredOption("--format <format>", "csv eller xlsx")
    .requiredOption("--out <fil>", "filen att skriva")
    .action(async (options: { round: string; programme?: string; format: string; out: string }) => {
      await withDb(async (db) => {
        if (options.format !== "csv" && options.format !== "xlsx") badArgument(`--format ska vara csv eller xlsx, inte "${options.format}".`);
        const round = resolveRound(db, options.round, options.programme);
        const file = await exportRoundApplications(db, round.id, options.format as "csv" | "xlsx", { kind: "all" });
        const target = resolve(options.out);
        writeFileSync(target, file.body);
        console.log(`Ansökningarna i ${round.label} skrivna till ${target} (${file.body.byteLength} byte).`);
      });
    });
}

// ---------------------------------------------------------------- arguments

/** Prints the reason and exits with code 2 (main maps a CommanderError to 2). */
const ROUND_OPTIONS: Record<string, string> = {
  ordinal: "--ordinal",
  year: "--year",
  budget: "--budget",
  opensOn: "--opens",
  closesOn: "--closes",
};

/** A field the shared schema refused is a bad argument (exit 2), named by the option the user typed. */
function asArguments<T>(options: Record<string, string>, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === "invalid" && error.fieldErrors) {
      const [field, messages] = Object.entries(error.fieldErrors)[0] ?? [];
      if (field && options[field]) badArgument(`${options[field]}: ${messages?.[0] ?? error.message}`);
    }
    throw error;
  }
}

export function badArgument(message: string): never {
  console.error(`Fel: ${message}`);
  throw new CommanderError(2, "anslag.badArgument", message);
}

function argument<S extends z.ZodType>(schema: S, value: string, name?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) badArgument(`${name ? `${name}: ` : ""}${parsed.error.issues[0]?.message ?? "ogiltigt värde."}`);
  return parsed.data;
}

const textArgument = (name: string) =>
  textField({ max: 200, required: `${name} får inte vara tomt.`, maxMessage: `${name} får ha högst 200 tecken.` });
const positiveInteger = (name: string) =>
  z.string().trim().regex(/^\d+$/, `${name} ska vara ett heltal större än 0.`).transform(Number).pipe(z.number().int().min(1, `${name} ska vara större än 0.`));
const codeArgument = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{0,9}$/, "Koden ska vara 1–10 bokstäver eller siffror utan å, ä och ö, till exempel HJ.");

const CODE_STOP_WORDS = new Set(["program", "programmet", "för", "och", "i", "om", "av", "till", "med"]);

/** "Program för Hållbar jämställdhet" -> "HJ": initials of the words that say what the programme is about. */
export function codeFromName(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => w && !CODE_STOP_WORDS.has(w.toLocaleLowerCase("sv")));
  const initials = (words.length > 0 ? words : name.split(/\s+/))
    .map((w) => w[0] ?? "")
    .join("")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return initials.slice(0, 10) || "P";
}

// ---------------------------------------------------------------- programmes and rounds

type ResolvedProgramme = { id: number; name: string };
type ResolvedRound = { id: number; label: string };

function resolveProgramme(db: DbOrTx, value: string): ResolvedProgramme {
  const trimmed = value.trim();
  const programme = /^\d+$/.test(trimmed) ? getProgrammeRefById(db, Number(trimmed)) : findProgrammeByNameOrCode(db, trimmed);
  if (!programme) throw new DomainError(`Programmet "${trimmed}" finns inte.`);
  return programme;
}

/**
 * A round by its ordinal (within --programme, or the only programme that has it) or, when no round has that
 * ordinal, by its id.
 */
export function resolveRound(db: DbOrTx, value: string, programmeValue: string | undefined): ResolvedRound {
  const n = argument(positiveInteger("--round"), value);
  const label = (r: { ordinal: number; year: number; programme: string }) => `omgång ${r.ordinal} (${r.year}) i ${r.programme}`;
  if (programmeValue !== undefined) {
    const programme = resolveProgramme(db, programmeValue);
    const round = listRoundsByOrdinal(db, n, programme.id)[0];
    if (!round) throw new DomainError(`${programme.name} har ingen omgång ${n}.`);
    return { id: round.id, label: label(round) };
  }
  const byOrdinal = listRoundsByOrdinal(db, n);
  if (byOrdinal.length > 1) {
    badArgument(`Flera program har en omgång ${n} (${byOrdinal.map((r) => r.programme).join(", ")}): ange vilket med --programme.`);
  }
  const round = byOrdinal[0] ?? getRoundRef(db, n);
  if (!round) throw new DomainError(`Omgång ${n} finns inte.`);
  return { id: round.id, label: label(round) };
}

// ---------------------------------------------------------------- files and reports

async function readSpreadsheetFile(file: string, columns: ColumnSet) {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) badArgument(`Filen ${file} finns inte.`);
  if (statSync(path).size > MAX_IMPORT_BYTES) badArgument("Filen är för stor (högst 10 MB).");
  const parsed = await parseSpreadsheet(new Uint8Array(readFileSync(path)), basename(path), columns);
  if (!parsed.ok) badArgument(`${basename(path)}: ${parsed.error}`);
  return parsed;
}

function printReport(report: ImportReport, what: "ansökningar" | "beslut", roundLabel: string, allOrNothing: boolean): void {
  for (const row of report.rows) {
    if (row.status === "imported") {
      console.log(`Rad ${row.rowNumber}: ${what === "ansökningar" ? "registrerad som" : "beslut för"} ${row.registrationNumber}.`);
    }
    for (const error of row.errors) {
      console.log(`Rad ${row.rowNumber}${error.column ? `, ${error.column}` : ""}: ${error.message}`);
    }
  }
  const total = report.rows.length;
  const rader = (n: number) => `${n} ${n === 1 ? "rad" : "rader"}`;
  if (report.refused === 0) {
    console.log(`Klart: ${report.imported} av ${total} ${what} inlästa till ${roundLabel}.`);
    return;
  }
  const summary =
    allOrNothing || report.imported === 0
      ? `Ingenting lästes in till ${roundLabel}: ${rader(report.refused)} av ${total} har fel.`
      : `${report.imported} av ${total} ${what} inlästa till ${roundLabel}; ${rader(report.refused)} avvisades.`;
  console.log(summary);
  throw new DomainError(
    allOrNothing || report.imported === 0
      ? `Importen avbröts: rätta ${rader(report.refused)} och läs in filen igen.`
      : `${rader(report.refused)} lästes inte in: rätta ${report.refused === 1 ? "den och läs in den" : "dem och läs in dem"} igen.`,
  );
}

/** The group command `name`, reused if main (or another module) already made one. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
