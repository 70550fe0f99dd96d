import type { DbOrTx } from "@/db/client";
import { getOrganisationByName, insertOrganisation, organisationNameKey } from "@/db/queries/organisations";
import { countyExists, findMunicipalityByName, getMunicipality, listCountyShortNames } from "@/db/queries/reference";
import type { Organisation } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { OrganisationKind } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { normaliseText } from "@/lib/validation/fields";
import type { OrganisationRef } from "./schema";

/*
 * Which organisation an application names: one identity and one check, used by registration, the import preview and
 * the import alike, so a row the preview accepts is a row the import accepts ("Lycksele\u00a0kommun" as Excel writes
 * it is "Lycksele kommun" for all three).
 */

/** The identity of an organisation's name (NFC, plain spaces, any case): the register's unique name key. */
export { organisationNameKey };

/** Where the organisation sits in an error message: "leadOrganisation" or "coApplicants.2". */
type Field = string;

export type NewOrganisationValues = {
  name: string;
  shortName: string;
  kind: OrganisationKind;
  municipalityCode: string | null;
  countyCode: string | null;
};

export type OrganisationCheck =
  | { status: "existing"; organisation: Organisation }
  /** Not registered; an earlier row of the same import creates it. */
  | { status: "pending"; key: string }
  | { status: "new"; key: string; values: NewOrganisationValues }
  | { status: "refused"; error: DomainError };

export type CheckOptions = {
  /** Identities (organisationNameKey) of organisations that earlier rows of the same import will create. */
  pending?: ReadonlySet<string>;
};

/**
 * Checks, without writing, what registering `ref` would do: find the registered organisation, or create one (a kommun
 * of the reference list gets its code and county, a region or landsting its county from its name), or refuse (an
 * unknown code, a kommun in another county, a new organisation without a kind), with the message at its field.
 */
export function checkOrganisation(db: DbOrTx, ref: OrganisationRef, field: Field, options: CheckOptions = {}): OrganisationCheck {
  const name = normaliseText(ref.name);
  const key = organisationNameKey(name);
  const refuse = (message: string, path: string, fieldMessage = message): OrganisationCheck => ({
    status: "refused",
    error: new DomainError(message, { [`${field}.${path}`]: [fieldMessage] }),
  });

  // The codes a row gives are checked whether or not the organisation is registered: an unknown code is a mistake.
  const byCode = ref.municipalityCode ? getMunicipality(db, ref.municipalityCode) : null;
  if (ref.municipalityCode && !byCode) return refuse(`Kommunkoden ${ref.municipalityCode} finns inte.`, "municipalityCode");
  if (ref.countyCode && !countyExists(db, ref.countyCode)) return refuse(`Länskoden ${ref.countyCode} finns inte.`, "countyCode");
  if (byCode && ref.countyCode && ref.countyCode !== byCode.countyCode) {
    return refuse(
      `${byCode.name} ligger inte i län ${ref.countyCode}.`,
      "countyCode",
      `${byCode.name} ligger i län ${byCode.countyCode}, inte ${ref.countyCode}.`,
    );
  }

  const existing = getOrganisationByName(db, name);
  if (existing) return { status: "existing", organisation: existing };
  if (options.pending?.has(key)) return { status: "pending", key };

  const municipality = byCode ?? findMunicipalityByName(db, name);
  const kind: OrganisationKind | undefined = ref.kind ?? (municipality ? "kommun" : undefined);
  if (!kind) {
    return refuse(`${name} finns inte i registret: ange vilken typ av organisation det är.`, "kind", "Välj en organisationstyp för en ny organisation.");
  }
  let countyCode = ref.countyCode ?? municipality?.countyCode;
  if (!countyCode && (kind === "region" || kind === "landsting" || kind === "regionforbund")) countyCode = countyNamedIn(db, name);

  return {
    status: "new",
    key,
    values: {
      name,
      shortName: shortNameOf(name, municipality?.shortName),
      kind,
      municipalityCode: kind === "kommun" ? (municipality?.code ?? null) : null,
      countyCode: countyCode ?? null,
    },
  };
}

/**
 * Finds the organisation an application names, or creates it (audited) in the caller's transaction, by the check
 * above. Throws its DomainError when refused.
 */
export function resolveOrganisation(tx: DbOrTx, ref: OrganisationRef, actor: AuditActor, field: Field): Organisation {
  const check = checkOrganisation(tx, ref, field);
  switch (check.status) {
    case "existing":
      return check.organisation;
    case "refused":
      throw check.error;
    case "pending":
      // Only with options.pending, which registration never passes.
      throw new Error("unreachable: pending organisation during registration");
    case "new": {
      const created = insertOrganisation(tx, check.values);
      writeAudit(tx, { actor, action: "organisation.create", entityType: "organisation", entityId: created.id, after: created });
      return created;
    }
  }
}

function countyNamedIn(db: DbOrTx, name: string): string | undefined {
  const lower = name.toLocaleLowerCase("sv");
  // Longest first, so "Västra Götaland" wins over a shorter name it contains.
  const all = listCountyShortNames(db).sort((a, b) => b.shortName.length - a.shortName.length);
  return all.find((c) => lower.includes(c.shortName.toLocaleLowerCase("sv")))?.code;
}

function shortNameOf(name: string, municipalityShortName: string | undefined): string {
  if (municipalityShortName) return municipalityShortName;
  return name.replace(/\s+(kommun|stad|Stad)$/u, "").trim() || name;
}
