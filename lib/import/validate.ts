import type { DbOrTx } from "@/db/client";
import { getImportRound, listApplicationIdentitiesInRound } from "@/db/queries/import";
import type { DecisionOutcome, OrganisationKind, RoundStatus } from "@/lib/enums";
import { applicationFieldsSchema, splitList, type ApplicationFields } from "@/lib/applications/schema";
import { grantedInRound } from "@/lib/decisions/record";
import { decisionSchema } from "@/lib/decisions/schema";
import { DomainError } from "@/lib/errors";
import { formatKronor } from "@/lib/format/amount";
import type { Organisation } from "@/db/schema";
import { checkOrganisation, organisationNameKey, type CheckOptions, type OrganisationCheck } from "@/lib/organisations/resolve";
import { ORGANISATION_KIND_LABELS, organisationRefSchema, type OrganisationRef } from "@/lib/organisations/schema";
import { isoDateField, kronorField, normaliseText } from "@/lib/validation/fields";
import { applicationRowSchema, type ApplicationRowCells, type CellError, type SpreadsheetRow } from "./columns";

/*
 * Checks every row of an applications import against the schema and the database, without writing anything, so the
 * officer sees every problem of the file at once, each at its row and column, before anything is imported.
 */

export type ImportDecision = { outcome: DecisionOutcome; grantedAmount: number; decidedOn: string; motivation: string };

export type ImportPreviewRow = {
  /** As the spreadsheet shows it: the header is row 1, the first data row 2. */
  rowNumber: number;
  fields?: ApplicationFields;
  decision?: ImportDecision;
  errors: CellError[];
  /** Organisation and title as the duplicate rule compares them (recheckInTransaction compares them again). */
  duplicateKey?: string;
};

export type ImportPreview = {
  roundId: number;
  /** A decided round takes the import too (a past round loaded with its decisions): the page warns first. */
  roundStatus: RoundStatus;
  rows: ImportPreviewRow[];
  valid: number;
  invalid: number;
  /** Granted by the file's valid approvals, and what the round would have left after them. */
  approvedInFile: number;
  remainingBudget: number;
};

const FIELD_COLUMNS: Record<string, string> = {
  "leadOrganisation.name": "organisation",
  "leadOrganisation.kind": "organisation_kind",
  "leadOrganisation.municipalityCode": "municipality_code",
  "leadOrganisation.countyCode": "county_code",
  coApplicants: "co_applicants",
  projectTitle: "project_title",
  description: "description",
  focusAreas: "focus_areas",
  requestedAmount: "requested_amount",
  contactName: "contact_name",
  contactTitle: "contact_title",
  contactPhone: "contact_phone",
  contactEmail: "contact_email",
  outcome: "decision",
  grantedAmount: "granted_amount",
  decidedOn: "decided_at",
  motivation: "motivation",
};

/** The spreadsheet column of a schema path or DomainError field ("leadOrganisation.kind", "coApplicants.2.kind"). */
export function columnOf(path: string): string {
  if (FIELD_COLUMNS[path]) return FIELD_COLUMNS[path];
  const [head, second] = path.split(".");
  if (head === "coApplicants") return "co_applicants";
  if (head === "leadOrganisation" && second === undefined) return "organisation";
  return (head && FIELD_COLUMNS[head]) ?? "";
}

const KIND_WORDS: Record<string, OrganisationKind> = Object.fromEntries(
  Object.entries(ORGANISATION_KIND_LABELS).flatMap(([kind, label]) => [
    [kind, kind as OrganisationKind],
    [label.toLocaleLowerCase("sv"), kind as OrganisationKind],
  ]),
);

const OUTCOME_WORDS: Record<string, DecisionOutcome> = {
  approved: "approved",
  beviljas: "approved",
  beviljad: "approved",
  bifall: "approved",
  rejected: "rejected",
  avslås: "rejected",
  avslag: "rejected",
  avslagen: "rejected",
};

const KIND_CHOICES = "Kommun, Region, Landsting, Regionförbund, Företag, Samverkansorgan eller Annan";

export function validateImportRows(db: DbOrTx, roundId: number, rows: SpreadsheetRow[], rowNumbers?: number[]): ImportPreview {
  const round = getImportRound(db, roundId);
  if (!round) throw new DomainError("Omgången finns inte.", { roundId: ["Omgången finns inte."] }, "not_found");

  const existingInRound = new Map(
    listApplicationIdentitiesInRound(db, roundId).map((a) => [duplicateKey(a.organisationKey, a.projectTitle), a.registrationNumber]),
  );
  // Organisations that earlier valid rows of this file create: later rows may name them, as lead or co-applicant.
  const createdByFile = new Set<string>();
  const checkOrganisationOnce = organisationChecks(db, { keepPending: true });
  const seenInFile = new Map<string, number>();

  const alreadyGranted = grantedInRound(db, roundId);
  let approvedInFile = 0;

  const result = rows.map((rawRow, index): ImportPreviewRow => {
    const rowNumber = rowNumbers?.[index] ?? index + 2;
    const errors: CellError[] = [];
    // A cell refused as text says why once; the rules below would only add that the (emptied) cell is missing.
    const refusedText = new Set<string>();
    const add = (column: string, message: string) => {
      if (refusedText.has(column)) return;
      if (!errors.some((e) => e.column === column && e.message === message)) errors.push({ column, message });
    };

    // ---- every cell as safe text first (textField): a refused cell is reported and read as empty from here on
    const row = readRowCells(rawRow, (column, message) => {
      add(column, message);
      refusedText.add(column);
    });
    const cell = (column: keyof ApplicationRowCells) => row[column];

    // ---- the application's fields
    const kindText = cell("organisation_kind");
    const kind = kindText === "" ? undefined : wordIn(KIND_WORDS, kindText);
    if (kindText !== "" && !kind) add("organisation_kind", `Okänd organisationstyp "${kindText}": ange ${KIND_CHOICES}.`);
    const municipalityCode = padCode(cell("municipality_code"), 4);
    const countyCode = padCode(cell("county_code"), 2);
    const coApplicantNames = splitList(cell("co_applicants"));

    const parsed = applicationFieldsSchema.safeParse({
      leadOrganisation: { name: cell("organisation"), kind, municipalityCode, countyCode },
      coApplicants: coApplicantNames.map((name) => ({ name })),
      projectTitle: cell("project_title"),
      description: cell("description"),
      focusAreas: cell("focus_areas"),
      requestedAmount: cell("requested_amount"),
      contactName: cell("contact_name"),
      contactTitle: cell("contact_title"),
      contactPhone: cell("contact_phone"),
      contactEmail: cell("contact_email"),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(columnOf(issue.path.join(".")), issue.message);
    }
    const fields = parsed.success ? parsed.data : undefined;

    // ---- the organisations: the same check registration makes (lib/organisations/resolve.ts)
    const leadName = cell("organisation");
    const leadKey = organisationNameKey(leadName);
    let leadIsNew = false;
    // Checked even when another cell of the row is wrong, so the officer sees every problem of the row at once.
    const leadRef = fields?.leadOrganisation ?? organisationRefSchema.safeParse({ name: leadName, kind, municipalityCode, countyCode }).data;
    const coApplicantRefs = fields?.coApplicants ?? (leadRef ? coApplicantNames.map((name) => ({ name })) : []);
    if (leadRef) {
      const lead = checkOrganisationOnce(leadRef, "leadOrganisation", { pending: createdByFile });
      if (lead.status === "refused") {
        for (const error of domainErrorCells(lead.error)) {
          // An unknown kind word is already reported above; asking for a kind again would only repeat it.
          if (error.column === "organisation_kind" && kindText !== "") continue;
          add(
            error.column,
            error.column === "organisation_kind" ? `${leadName} finns inte i registret: ange organisationstyp (${KIND_CHOICES}).` : error.message,
          );
        }
      }
      leadIsNew = lead.status === "new";
      for (const ref of coApplicantRefs) {
        const key = organisationNameKey(ref.name);
        if (key === leadKey) continue;
        const co = checkOrganisationOnce(ref, "coApplicants", { pending: createdByFile });
        if (co.status === "refused") {
          add(
            "co_applicants",
            `Medsökande "${ref.name}" finns inte i registret. Lägg först in organisationen, till exempel som sökande på en tidigare rad med organisation_kind.`,
          );
        }
      }
    }

    // ---- duplicates, in the file and in the round
    const title = cell("project_title");
    let rowKey: string | undefined;
    if (leadName !== "" && title !== "") {
      const key = duplicateKey(leadKey, title);
      rowKey = key;
      const earlier = seenInFile.get(key);
      if (earlier !== undefined) add("project_title", `Samma organisation och projekttitel som rad ${earlier}.`);
      else seenInFile.set(key, rowNumber);
      const registered = existingInRound.get(key);
      if (registered) add("project_title", alreadyInRound(registered));
    }

    // ---- the decision, if the row carries one
    const decision = readDecisionCells(row, add);
    if (decision && round.status === "planned") add("decision", NOT_OPEN_FOR_DECISIONS);

    // ---- the budget, counted over the valid rows in file order
    if (errors.length === 0 && decision?.outcome === "approved") {
      const remaining = round.budget - alreadyGranted - approvedInFile;
      if (decision.grantedAmount > remaining) {
        add("granted_amount", overBudget(remaining));
      } else {
        approvedInFile += decision.grantedAmount;
      }
    }

    if (errors.length === 0 && leadIsNew) createdByFile.add(leadKey);
    return {
      rowNumber,
      ...(fields ? { fields } : {}),
      ...(decision ? { decision } : {}),
      errors,
      ...(rowKey ? { duplicateKey: rowKey } : {}),
    };
  });

  const invalid = result.filter((r) => r.errors.length > 0).length;
  return {
    roundId,
    roundStatus: round.status,
    rows: result,
    valid: result.length - invalid,
    invalid,
    approvedInFile,
    remainingBudget: round.budget - alreadyGranted - approvedInFile,
  };
}

/**
 * checkOrganisation for the rows of one import, with every "existing" answer kept for the rest of it: the same name,
 * kind and codes find the same registered organisation again (nothing renames or removes one meanwhile, and
 * "existing" is decided before the pending set is looked at), so a file naming four municipalities 66 504 times
 * looks them up four times instead of hundreds of thousands. With `keepPending` (a pending set that only grows,
 * on a database nothing writes meanwhile: the preview's) a "pending" answer is kept too. Other answers are asked
 * again each time. `remember` keeps an organisation the import has just created.
 */
export function organisationChecks(db: DbOrTx, options: { keepPending?: boolean } = {}) {
  const known = new Map<string, OrganisationCheck>();
  const keyOf = (ref: OrganisationRef) => JSON.stringify([ref.name, ref.kind ?? null, ref.municipalityCode ?? null, ref.countyCode ?? null]);
  const check = (ref: OrganisationRef, field: string, checkOptions?: CheckOptions): OrganisationCheck => {
    const kept = known.get(keyOf(ref));
    if (kept) return kept;
    const answer = checkOrganisation(db, ref, field, checkOptions);
    if (answer.status === "existing" || (answer.status === "pending" && options.keepPending)) known.set(keyOf(ref), answer);
    return answer;
  };
  return Object.assign(check, {
    remember: (ref: OrganisationRef, organisation: Organisation) => void known.set(keyOf(ref), { status: "existing", organisation }),
  });
}

const NOT_OPEN_FOR_DECISIONS = "Omgången har inte öppnat ännu: beslut kan inte importeras till den.";

function alreadyInRound(registered: string): string {
  return `Ansökan finns redan i omgången (${registered}).`;
}

function overBudget(remaining: number): string {
  return `Beviljade belopp överstiger omgångens budget från och med denna rad: ${formatKronor(Math.max(0, remaining))} återstår.`;
}

/**
 * Inside the import's write transaction (BEGIN IMMEDIATE), what may have changed since `checked` was made outside
 * it: the round (its status), the applications it holds (duplicates) and what it has granted (the budget), judged by
 * the same rules and messages as validateImportRows, in file order. Everything else (the cells, the schema, the
 * organisations as far as they can be known before writing) was checked outside the lock, so the lock is held for
 * the writes, not for parsing a file; registration refuses an organisation that no longer fits on its own.
 */
export function recheckInTransaction(tx: DbOrTx, roundId: number, checked: ImportPreview): ImportPreview {
  const round = getImportRound(tx, roundId);
  if (!round) throw new DomainError("Omgången finns inte.", { roundId: ["Omgången finns inte."] }, "not_found");
  const existingInRound = new Map(
    listApplicationIdentitiesInRound(tx, roundId).map((a) => [duplicateKey(a.organisationKey, a.projectTitle), a.registrationNumber]),
  );
  const alreadyGranted = grantedInRound(tx, roundId);
  let approvedInFile = 0;
  const rows = checked.rows.map((row): ImportPreviewRow => {
    if (row.errors.length > 0) return row;
    const errors: CellError[] = [];
    const registered = row.duplicateKey === undefined ? undefined : existingInRound.get(row.duplicateKey);
    if (registered) errors.push({ column: "project_title", message: alreadyInRound(registered) });
    if (row.decision && round.status === "planned") errors.push({ column: "decision", message: NOT_OPEN_FOR_DECISIONS });
    if (errors.length === 0 && row.decision?.outcome === "approved") {
      const remaining = round.budget - alreadyGranted - approvedInFile;
      if (row.decision.grantedAmount > remaining) errors.push({ column: "granted_amount", message: overBudget(remaining) });
      else approvedInFile += row.decision.grantedAmount;
    }
    return errors.length === 0 ? row : { ...row, errors };
  });
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return {
    roundId,
    roundStatus: round.status,
    rows,
    valid: rows.length - invalid,
    invalid,
    approvedInFile,
    remainingBudget: round.budget - alreadyGranted - approvedInFile,
  };
}

/**
 * The row's cells through the import's text schema (textField per column): a cell that is refused (a control
 * character, a reversed-direction mark, too long) gets its message at its column and is read as empty.
 */
export function readRowCells(row: SpreadsheetRow, add: (column: string, message: string) => void): ApplicationRowCells {
  const parsed = applicationRowSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const refused = new Set<string>();
  for (const issue of parsed.error.issues) {
    const column = String(issue.path[0] ?? "");
    refused.add(column);
    add(column, issue.message);
  }
  const kept = Object.fromEntries(Object.entries(row).filter(([column]) => !refused.has(column)));
  return applicationRowSchema.parse(kept);
}

/** A DomainError's field errors as cells of the row ("leadOrganisation.kind" -> organisation_kind). */
export function domainErrorCells(error: DomainError): CellError[] {
  const entries = Object.entries(error.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((message) => ({ column: columnOf(field), message })),
  );
  return entries.length > 0 ? entries : [{ column: "", message: error.message }];
}

/**
 * The decision cells of a row (decision, granted_amount, decided_at, motivation): undefined, with errors added,
 * when they do not make a consistent decision; undefined without errors when the row carries no decision.
 */
export function readDecisionCells(row: SpreadsheetRow, report: (column: string, message: string) => void): ImportDecision | undefined {
  let problems = 0;
  const add = (column: string, message: string) => {
    problems++;
    report(column, message);
  };
  const outcomeText = (row.decision ?? "").trim();
  const grantedText = (row.granted_amount ?? "").trim();
  const decidedText = (row.decided_at ?? "").trim();
  const motivation = (row.motivation ?? "").trim();

  if (outcomeText === "") {
    if (grantedText !== "") add("granted_amount", "Beviljat belopp utan beslut: fyll i decision (approved eller rejected).");
    if (decidedText !== "") add("decided_at", "Beslutsdatum utan beslut: fyll i decision (approved eller rejected).");
    if (motivation !== "") add("motivation", "Motivering utan beslut: fyll i decision (approved eller rejected).");
    return undefined;
  }
  const outcome = wordIn(OUTCOME_WORDS, outcomeText);
  if (!outcome) {
    add("decision", `Okänt beslut "${outcomeText}": skriv approved eller rejected, eller lämna tomt.`);
    return undefined;
  }

  let grantedAmount: number | undefined = 0;
  if (grantedText !== "") {
    const amount = kronorField.safeParse(grantedText);
    if (amount.success) grantedAmount = amount.data;
    else {
      grantedAmount = undefined;
      add("granted_amount", amount.error.issues[0]?.message ?? "Ange ett belopp i hela kronor.");
    }
  }
  if (outcome === "approved" && grantedAmount === 0) {
    add("granted_amount", "Ange det beviljade beloppet (mer än 0 kronor) för en beviljad ansökan.");
  }
  if (outcome === "rejected" && grantedAmount !== undefined && grantedAmount > 0) {
    add("granted_amount", "En avslagen ansökan kan inte ha ett beviljat belopp: lämna granted_amount tomt eller 0.");
  }

  let decidedOn: string | undefined;
  if (decidedText === "") add("decided_at", "Ange beslutsdatum (ÅÅÅÅ-MM-DD) för beslutet.");
  else {
    const date = isoDateField.safeParse(decidedText);
    if (date.success) decidedOn = date.data;
    else add("decided_at", date.error.issues[0]?.message ?? "Ange datumet som ÅÅÅÅ-MM-DD.");
  }
  if (motivation.length > 5000) add("motivation", "Motiveringen får ha högst 5 000 tecken.");

  if (grantedAmount === undefined || decidedOn === undefined || problems > 0) return undefined;

  // Then the decision rules themselves (lib/decisions), so that the preview refuses what recording the decision
  // would refuse (a date out of range, say), at the same column. A past round's decisions may come without a
  // motivation (they were motivated elsewhere), so a rule about an empty motivation is left to the import's call.
  const rules = decisionSchema.safeParse({ outcome, grantedAmount, decidedOn, motivation });
  if (!rules.success) {
    const issues = rules.error.issues.filter((issue) => !(issue.path[0] === "motivation" && motivation === ""));
    for (const issue of issues) add(DECISION_FIELD_COLUMNS[String(issue.path[0])] ?? "decision", issue.message);
    if (issues.length > 0) return undefined;
  }
  return { outcome, grantedAmount: outcome === "rejected" ? 0 : grantedAmount, decidedOn, motivation };
}

const DECISION_FIELD_COLUMNS: Record<string, string> = {
  outcome: "decision",
  grantedAmount: "granted_amount",
  decidedOn: "decided_at",
  motivation: "motivation",
};

/** A word of a cell looked up in a word list, case-insensitively; never a property of Object ("constructor"). */
function wordIn<T>(words: Record<string, T>, text: string): T | undefined {
  const key = text.toLocaleLowerCase("sv");
  return Object.hasOwn(words, key) ? words[key] : undefined;
}

/** Excel drops the leading zero of a code it took for a number: "580" is kommun 0580, "1" is län 01. */
function padCode(value: string, length: number): string {
  return /^\d+$/.test(value) && value.length < length && value.length >= length - 1 ? value.padStart(length, "0") : value;
}

/** An application's identity in a round: its lead organisation's identity and its title, in any case and spacing. */
function duplicateKey(organisationKey: string, title: string): string {
  return `${organisationKey}\u0000${normaliseText(title).toLocaleLowerCase("sv")}`;
}
