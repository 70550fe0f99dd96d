import Papa from "papaparse";
import type { AnnouncedRound, RoundGrant } from "@/db/queries/newsroom";
import { guardFormula } from "@/lib/export/guard";
import { PRESS_SENDER } from "./context";

/*
 * A round's grants list as open data, under the field names of the 360Giving Data Standard where they fit
 * (https://standard.threesixtygiving.org/), so others can reuse it with the tools made for that standard: JSON in the
 * standard's shape ({ grants: [...] }, its camelCase names) and CSV with its flat column titles ("Amount Awarded",
 * "Recipient Org:Name"). The funder is the sender, SKL; the government's allocation behind it is the programme's.
 * Recipients carry no identifier: the register holds no organisation number to give them.
 */

export type GivingGrant = {
  identifier: string;
  title: string;
  description: string;
  currency: "SEK";
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: { name: string }[];
  fundingOrganization: { name: string }[];
  beneficiaryLocation: { name: string; geoCode?: string; geoCodeType?: string }[];
  grantProgramme: { title: string }[];
};

/** "SKL-HJ-2013-0042": the funder's prefix and the registration number, unique and never reused. */
export function grantIdentifier(registrationNumber: string): string {
  return `${PRESS_SENDER.short_name}-${registrationNumber}`;
}

export function givingGrants(round: AnnouncedRound, roundTitle: string, grants: readonly RoundGrant[]): GivingGrant[] {
  return grants.map((g) => ({
    identifier: grantIdentifier(g.registrationNumber),
    title: g.projectTitle,
    description: g.description,
    currency: "SEK",
    amountAwarded: g.amount,
    awardDate: g.decidedOn,
    recipientOrganization: g.organisations.map((name) => ({ name })),
    fundingOrganization: [{ name: PRESS_SENDER.name }],
    beneficiaryLocation: g.countyName && g.countyCode ? [{ name: g.countyName, geoCode: `SE-${g.countyCode}`, geoCodeType: "SCB-lan" }] : [],
    grantProgramme: [{ title: `${round.programmeName}, ${roundTitle}` }],
  }));
}

export function grantsJson(round: AnnouncedRound, roundTitle: string, grants: readonly RoundGrant[]): string {
  return `${JSON.stringify({ grants: givingGrants(round, roundTitle, grants) }, null, 2)}\n`;
}

/** The 360Giving flat (CSV) titles of the columns, in order. */
export const GRANTS_CSV_COLUMNS = [
  "Identifier",
  "Title",
  "Description",
  "Currency",
  "Amount Awarded",
  "Award Date",
  "Recipient Org:Name",
  "Funding Org:Name",
  "Beneficiary Location:Name",
  "Grant Programme:Title",
] as const;

/**
 * CSV for Swedish Excel as the app's other exports write it: UTF-8 with BOM, ";" and CRLF. Every text cell goes
 * through the formula guard (an organisation or a project named "=HYPERLINK(…)" stays text); amounts stay numbers.
 * A joint application's organisations are one cell, "A; B" would split in a careless reader, so " och " joins them.
 */
export function grantsCsv(round: AnnouncedRound, roundTitle: string, grants: readonly RoundGrant[]): string {
  const rows = givingGrants(round, roundTitle, grants).map((g) => [
    guardFormula(g.identifier),
    guardFormula(g.title),
    guardFormula(g.description),
    g.currency,
    g.amountAwarded,
    g.awardDate,
    guardFormula(g.recipientOrganization.map((o) => o.name).join(" och ")),
    guardFormula(g.fundingOrganization[0]!.name),
    guardFormula(g.beneficiaryLocation[0]?.name ?? ""),
    guardFormula(g.grantProgramme[0]!.title),
  ]);
  const text = Papa.unparse({ fields: [...GRANTS_CSV_COLUMNS], data: rows }, { delimiter: ";", newline: "\r\n", header: true });
  return `\uFEFF${text}\r\n`;
}
