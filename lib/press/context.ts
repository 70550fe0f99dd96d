import type { DbOrTx } from "@/db/client";
import { getPressFacts, type PressFacts, type PressTarget } from "@/db/queries/press";
import type { ApplicationScope } from "@/lib/auth/permissions";
import type { OrganisationKind } from "@/lib/enums";
import { formatList } from "@/lib/format";

/*
 * What a press template sees: a plain JSON object (numbers, strings, booleans, arrays; no functions, no Dates), so
 * the sandboxed renderer can take it across a worker boundary as it is, and a release can store the facts it was
 * made from. Names are snake_case, as Liquid templates write them ({{ round.is_last }}). Built from one fixed set
 * of queries per scope (db/queries/press.ts).
 */

export type { PressTarget } from "@/db/queries/press";

/*
 * THE SENDER AND ITS PRESS CONTACT ARE CONSTANTS FOR NOW: SKL's, as the seeds print them
 * (../shared/seeds/press-release-vasterbotten.txt). A later increment makes them editable and stores them.
 */
export const PRESS_SENDER = {
  name: "Sveriges Kommuner och Landsting",
  short_name: "SKL",
  website: "skl.se",
  boilerplate:
    "Målet med fördelningen av medel är att göra det möjligt för de verksamheter som fått pengar att införliva jämställdhet som en naturlig del i alla styr- och ledningssystem, rutiner och metoder så att en jämställd fördelning av makt och resurser kan säkerställas. Verksamheterna ska kunna erbjuda en likvärdig service till kvinnor, män, flickor och pojkar.",
} as const;

export const PRESS_CONTACTS = [
  {
    name: "Henning Brüllhoff",
    title: "informatör på avdelningen för vård och omsorg",
    phone: "08-452 74 23",
    email: "henning.brullhoff@skl.se",
  },
] as const;

/** Kinds in the order the seeds list them ("kommuner, landsting, regioner, regionförbund, företag och …"). */
const KIND_ORDER: readonly OrganisationKind[] = [
  "kommun",
  "landsting",
  "region",
  "regionforbund",
  "foretag",
  "samverkansorgan",
  "annan",
];

const KIND_SINGULAR: Record<OrganisationKind, string> = {
  kommun: "kommun",
  landsting: "landsting",
  region: "region",
  regionforbund: "regionförbund",
  foretag: "företag",
  samverkansorgan: "samverkansorgan",
  annan: "annan organisation",
};

const KIND_PLURAL: Record<OrganisationKind, string> = {
  kommun: "kommuner",
  landsting: "landsting",
  region: "regioner",
  regionforbund: "regionförbund",
  foretag: "företag",
  samverkansorgan: "samverkansorgan",
  annan: "andra organisationer",
};

type County = { code: string; name: string; short_name: string };
type Organisation = { name: string; short_name: string; kind: OrganisationKind; kind_text: string };

export type PressRecipient = {
  /** Every organisation of the application named: "Regionförbundet Östsam och Linköpings kommun". */
  name: string;
  short_name: string;
  is_joint: boolean;
  organisations: Organisation[];
  county: County | null;
  amount: number;
  decided_on: string;
  registration_number: string;
  project_title: string;
  description: string;
  focus_areas: string[];
  contact: { name: string; title: string; phone: string; email: string };
};

export type PressContext = {
  sender: { name: string; short_name: string; website: string; boilerplate: string };
  press_contacts: { name: string; title: string; phone: string; email: string }[];
  programme: { name: string; funder: string; allocation: number; granted_total: number };
  round: {
    id: number;
    ordinal: number;
    year: number;
    is_last: boolean;
    decision_on: string;
    received: number;
    approved: number;
    granted: number;
    recipient_kinds: string[];
    grants_url: string;
  };
  county: County | null;
  scope: { kind: PressTarget["kind"]; count: number; granted: number };
  recipients: PressRecipient[];
};

function county(c: { code: string; name: string; shortName: string } | null): County | null {
  return c ? { code: c.code, name: c.name, short_name: c.shortName } : null;
}

/** The facts as a template sees them. Pure: the same facts give the same object. */
export function toPressContext(target: PressTarget, facts: PressFacts): PressContext {
  const kinds = new Set(facts.round.recipientKinds);
  const recipients = facts.recipients.map(
    (r): PressRecipient => ({
      name: formatList(r.organisations.map((o) => o.name)),
      short_name: formatList(r.organisations.map((o) => o.shortName)),
      is_joint: r.organisations.length > 1,
      organisations: r.organisations.map((o) => ({
        name: o.name,
        short_name: o.shortName,
        kind: o.kind,
        kind_text: KIND_SINGULAR[o.kind],
      })),
      county: county(r.county),
      amount: r.amount,
      decided_on: r.decidedOn,
      registration_number: r.registrationNumber,
      project_title: r.projectTitle,
      description: r.description,
      focus_areas: [...r.focusAreas],
      contact: { ...r.contact },
    }),
  );
  return {
    sender: { ...PRESS_SENDER },
    press_contacts: PRESS_CONTACTS.map((c) => ({ ...c })),
    programme: {
      name: facts.programme.name,
      funder: facts.programme.funder,
      allocation: facts.programme.allocation,
      granted_total: facts.programme.grantedTotal,
    },
    round: {
      id: facts.round.id,
      ordinal: facts.round.ordinal,
      year: facts.round.year,
      is_last: facts.round.isLast,
      decision_on: facts.round.decisionOn ?? "",
      received: facts.round.received,
      approved: facts.round.approved,
      granted: facts.round.granted,
      recipient_kinds: KIND_ORDER.filter((k) => kinds.has(k)).map((k) => KIND_PLURAL[k]),
      grants_url: `/beviljade/${facts.round.id}`,
    },
    county: county(facts.county),
    scope: {
      kind: target.kind,
      count: recipients.length,
      granted: recipients.reduce((sum, r) => sum + r.amount, 0),
    },
    recipients,
  };
}

/**
 * The context of one scope, or null when the scope does not exist or is outside the actor's (exactly as missing).
 * A county scope with no recipient in it is still a context (with no recipients): the template decides what to say.
 */
export function loadPressContext(db: DbOrTx, target: PressTarget, scope: ApplicationScope): PressContext | null {
  const facts = getPressFacts(db, target, scope);
  return facts ? toPressContext(target, facts) : null;
}

export type PressVariable = { path: string; description: string; example: string };

/** Every path a template may name, for the editor's list and for validation ("menade du round.approved?"). */
export const PRESS_VARIABLES: readonly PressVariable[] = [
  { path: "sender.name", description: "Avsändaren (tills vidare fast text)", example: "Sveriges Kommuner och Landsting" },
  { path: "sender.short_name", description: "Avsändarens förkortning", example: "SKL" },
  { path: "sender.website", description: "Avsändarens webbplats", example: "skl.se" },
  { path: "sender.boilerplate", description: "Avsändarens standardtext om satsningen", example: "Målet med fördelningen av medel är …" },
  { path: "press_contacts[].name", description: "Presskontaktens namn", example: "Henning Brüllhoff" },
  { path: "press_contacts[].title", description: "Presskontaktens titel", example: "informatör på avdelningen för vård och omsorg" },
  { path: "press_contacts[].phone", description: "Presskontaktens telefon", example: "08-452 74 23" },
  { path: "press_contacts[].email", description: "Presskontaktens e-post", example: "henning.brullhoff@skl.se" },
  { path: "programme.name", description: "Programmets namn", example: "Program för Hållbar jämställdhet" },
  { path: "programme.funder", description: "Vem som finansierar programmet", example: "regeringen" },
  { path: "programme.allocation", description: "Programmets anslag i kronor", example: "225000000" },
  { path: "programme.granted_total", description: "Beviljat i kronor i programmets alla omgångar, också de före Anslag", example: "162000000" },
  { path: "round.id", description: "Omgångens id (för länkar)", example: "12" },
  { path: "round.ordinal", description: "Omgångens nummer (med | ordningstal: femte)", example: "5" },
  { path: "round.year", description: "Omgångens år", example: "2013" },
  { path: "round.is_last", description: "Sant om det är programmets sista omgång", example: "true" },
  { path: "round.decision_on", description: "Omgångens beslutsdag (med | datum)", example: "2013-05-23" },
  { path: "round.received", description: "Antal ansökningar i omgången", example: "45" },
  { path: "round.approved", description: "Antal beviljade ansökningar i omgången", example: "21" },
  { path: "round.granted", description: "Beviljat i kronor i omgången", example: "27500000" },
  { path: "round.recipient_kinds", description: "Slagen av mottagare i omgången, i plural (med | lista)", example: "kommuner, landsting och regioner" },
  { path: "round.grants_url", description: "Adressen till hela listan på projekt som fått pengar", example: "/beviljade/12" },
  { path: "county.code", description: "Länets kod (när meddelandet gäller ett län)", example: "24" },
  { path: "county.name", description: "Länets namn", example: "Västerbottens län" },
  { path: "county.short_name", description: "Länets korta namn", example: "Västerbotten" },
  { path: "scope.kind", description: "Vad meddelandet gäller: round, county eller recipient", example: "county" },
  { path: "scope.count", description: "Antal mottagare i meddelandet", example: "2" },
  { path: "scope.granted", description: "Beviljat i kronor till mottagarna i meddelandet", example: "2900000" },
  { path: "recipients[].name", description: "Mottagaren; en gemensam ansökan med alla organisationer", example: "Regionförbundet Östsam och Linköpings kommun" },
  { path: "recipients[].short_name", description: "Mottagarens korta namn", example: "Umeå" },
  { path: "recipients[].is_joint", description: "Sant för en gemensam ansökan", example: "false" },
  { path: "recipients[].organisations[].name", description: "En organisations namn", example: "Umeå kommun" },
  { path: "recipients[].organisations[].short_name", description: "En organisations korta namn", example: "Umeå" },
  { path: "recipients[].organisations[].kind", description: "En organisations slag (kod)", example: "kommun" },
  { path: "recipients[].organisations[].kind_text", description: "En organisations slag i ord", example: "regionförbund" },
  { path: "recipients[].county.code", description: "Mottagarens länskod", example: "24" },
  { path: "recipients[].county.name", description: "Mottagarens län", example: "Västerbottens län" },
  { path: "recipients[].county.short_name", description: "Mottagarens län, kort", example: "Västerbotten" },
  { path: "recipients[].amount", description: "Beviljat belopp i kronor (med | belopp)", example: "1700000" },
  { path: "recipients[].decided_on", description: "Beslutsdag", example: "2012-06-14" },
  { path: "recipients[].registration_number", description: "Ansökans diarienummer", example: "HJ-2012-0001" },
  { path: "recipients[].project_title", description: "Projektets titel", example: "Jämställd medborgarservice" },
  { path: "recipients[].description", description: "Projektets beskrivning", example: "En fördjupning av …" },
  { path: "recipients[].focus_areas", description: "Projektets fokusområden (med | lista)", example: "Medborgarservice och Äldreomsorg" },
  { path: "recipients[].contact.name", description: "Kontaktperson", example: "Helene Brewer" },
  { path: "recipients[].contact.title", description: "Kontaktpersonens titel", example: "jämställdhetsstrateg" },
  { path: "recipients[].contact.phone", description: "Kontaktpersonens telefon", example: "090-16 19 15" },
  { path: "recipients[].contact.email", description: "Kontaktpersonens e-post", example: "helene.brewer@umea.example" },
];
