import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { getOrganisationByName, insertOrganisation } from "@/db/queries/organisations";
import { counties, municipalities, type Organisation, type OrganisationKind } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { swedishSortKey } from "@/lib/format/sort";
import type { OrganisationRef } from "./schema";

/** Where the organisation sits in an error message: "leadOrganisation" or "coApplicants.2". */
type Field = string;

/**
 * Finds the organisation an application names, or creates it in the caller's transaction. Matching is by name;
 * a kommun that is in the reference list ("Umeå kommun", or its code) gets its code and county automatically, and
 * a region or landsting its county from the county named in it ("Region Skåne").
 */
export function resolveOrganisation(tx: DbOrTx, ref: OrganisationRef, actor: AuditActor, field: Field): Organisation {
  const existing = getOrganisationByName(tx, ref.name);
  if (existing) return existing;

  const municipality = ref.municipalityCode
    ? tx.select().from(municipalities).where(eq(municipalities.code, ref.municipalityCode)).get()
    : tx.select().from(municipalities).where(eq(municipalities.sortName, swedishSortKey(ref.name))).get();
  if (ref.municipalityCode && !municipality) {
    throw new DomainError(`Kommunkoden ${ref.municipalityCode} finns inte.`, {
      [`${field}.municipalityCode`]: [`Kommunkoden ${ref.municipalityCode} finns inte.`],
    });
  }
  const kind: OrganisationKind | undefined = ref.kind ?? (municipality ? "kommun" : undefined);
  if (!kind) {
    throw new DomainError(`${ref.name} finns inte i registret: ange vilken typ av organisation det är.`, {
      [`${field}.kind`]: ["Välj en organisationstyp för en ny organisation."],
    });
  }
  let countyCode = ref.countyCode ?? municipality?.countyCode;
  if (countyCode && !tx.select({ code: counties.code }).from(counties).where(eq(counties.code, countyCode)).get()) {
    throw new DomainError(`Länskoden ${countyCode} finns inte.`, { [`${field}.countyCode`]: [`Länskoden ${countyCode} finns inte.`] });
  }
  if (municipality && ref.countyCode && ref.countyCode !== municipality.countyCode) {
    throw new DomainError(`${municipality.name} ligger inte i län ${ref.countyCode}.`, {
      [`${field}.countyCode`]: [`${municipality.name} ligger i län ${municipality.countyCode}, inte ${ref.countyCode}.`],
    });
  }
  if (!countyCode && (kind === "region" || kind === "landsting" || kind === "regionforbund")) {
    countyCode = countyNamedIn(tx, ref.name);
  }

  const created = insertOrganisation(tx, {
    name: ref.name,
    shortName: shortNameOf(ref.name, municipality?.shortName),
    kind,
    municipalityCode: kind === "kommun" ? (municipality?.code ?? null) : null,
    countyCode: countyCode ?? null,
  });
  writeAudit(tx, { actor, action: "organisation.create", entityType: "organisation", entityId: created.id, after: created });
  return created;
}

function countyNamedIn(tx: DbOrTx, name: string): string | undefined {
  const lower = name.toLowerCase();
  const all = tx.select({ code: counties.code, shortName: counties.shortName }).from(counties).all();
  // Longest first, so "Västra Götaland" wins over a shorter name it contains.
  all.sort((a, b) => b.shortName.length - a.shortName.length);
  return all.find((c) => lower.includes(c.shortName.toLowerCase()))?.code;
}

function shortNameOf(name: string, municipalityShortName: string | undefined): string {
  if (municipalityShortName) return municipalityShortName;
  return name.replace(/\s+(kommun|stad|Stad)$/u, "").trim() || name;
}
