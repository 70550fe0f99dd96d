import type { DecisionOutcome } from "@/lib/enums";
import {
  capitalizeFirst,
  formatAmountInPress,
  formatDateLong,
  formatKronor,
  formatList,
  ordinalInWords,
} from "@/lib/format";

/*
 * The text of a decision letter (beslutsbrev), in Swedish whatever the interface language: it is an official letter
 * to the applicant. DOCX, PDF and the tests all render this one structure, so the two files always say the same.
 */

export const LETTERHEAD = "Sveriges Kommuner och Landsting";
const FUNDER_SHORT = "SKL";
export const LETTER_HEADING = "Beslut om utvecklingsmedel";

/** Everything a letter says about one decided application, as loaded by db/queries/letters.ts. */
export type DecisionLetterData = {
  registrationNumber: string;
  projectTitle: string;
  requestedAmount: number;
  /** Printed name of the lead organisation: "Borås Stad". */
  organisation: string;
  /** Printed names of the co-applicants of a joint application, in their order. */
  coApplicants: readonly string[];
  contact: { name: string; title: string };
  programme: string;
  round: { ordinal: number; year: number; criteria: string };
  decision: {
    outcome: DecisionOutcome;
    grantedAmount: number;
    motivation: string;
    decidedOn: string; // YYYY-MM-DD
    /**
     * The officer who recorded the decision: the applicant's contact at SKL, with their email and (when they have
     * one) phone. null for a decision loaded by import or the CLI, or made by an account since disabled: the letter
     * then refers to the programme.
     */
    decidedBy: { name: string; email: string; phone: string | null } | null;
    /** The decision this one replaces (a changed or re-made decision), by its date; null for a first decision. */
    replaces: { decidedOn: string } | null;
  };
};

export type LetterFact = { label: string; value: string };

export type DecisionLetterContent = {
  /** For the file's metadata and the browser tab: "Beslut om utvecklingsmedel HJ-2013-0042". */
  documentTitle: string;
  /** File name without extension, safe in a Content-Disposition header: "beslutsbrev-HJ-2013-0042". */
  fileBaseName: string;
  letterhead: string;
  programme: string;
  /** The decision date in print: "23 maj 2013". */
  date: string;
  registrationNumber: string;
  /** Address block: organisation(s) and, when known, the contact person. */
  recipient: string[];
  heading: string;
  facts: LetterFact[];
  paragraphs: string[];
  /** Sign-off lines after the body. */
  closing: string[];
};

export function decisionLetterContent(data: DecisionLetterData): DecisionLetterContent {
  const { decision, round } = data;
  const approved = decision.outcome === "approved";
  const ordinal = ordinalInWords(round.ordinal);
  // A joint application is named by all its organisations: "Regionförbundet Östsam och Linköpings kommun".
  const applicants = formatList([data.organisation, ...data.coApplicants]);
  const date = formatDateLong(decision.decidedOn);
  const project = `”${data.projectTitle}”`;
  const where = `inom ${data.programme}, ${ordinal} omgången`;

  const contactLine = [data.contact.name, data.contact.title].filter(Boolean).join(", ");
  const recipient = [data.organisation];
  if (data.coApplicants.length > 0) recipient.push(`Medsökande: ${formatList(data.coApplicants)}`);
  if (contactLine) recipient.push(`Att: ${contactLine}`);

  const facts: LetterFact[] = [
    { label: "Sökande", value: data.organisation },
    ...(data.coApplicants.length > 0 ? [{ label: "Medsökande", value: formatList(data.coApplicants) }] : []),
    { label: "Projekt", value: data.projectTitle },
    { label: "Omgång", value: `${capitalizeFirst(ordinal)} omgången ${round.year}` },
    { label: "Sökt belopp", value: formatKronor(data.requestedAmount) },
    { label: "Beslut", value: approved ? "Beviljas" : "Avslås" },
    ...(approved
      ? [{ label: "Beviljat belopp", value: `${formatKronor(decision.grantedAmount)} (${formatAmountInPress(decision.grantedAmount)})` }]
      : []),
    { label: "Beslutsdatum", value: date },
    ...(decision.replaces ? [{ label: "Ersätter beslut från", value: formatDateLong(decision.replaces.decidedOn) }] : []),
  ];

  const paragraphs: string[] = [];
  if (decision.replaces) {
    paragraphs.push(
      `Detta beslut ersätter ${FUNDER_SHORT}:s tidigare beslut i ärendet från den ${formatDateLong(decision.replaces.decidedOn)}. ` +
        "Det tidigare beslutet gäller inte längre.",
    );
  }
  paragraphs.push(
    approved
      ? `${FUNDER_SHORT} har beslutat att bevilja ${applicants} ${formatKronor(decision.grantedAmount)} ` +
        `(${formatAmountInPress(decision.grantedAmount)}) för projektet ${project} ${where}.`
      : `${FUNDER_SHORT} har beslutat att inte bevilja ansökan från ${applicants} om ${formatKronor(data.requestedAmount)} ` +
        `för projektet ${project} ${where}.`,
  );
  if (approved && decision.grantedAmount < data.requestedAmount) {
    paragraphs.push(`Ansökan avsåg ${formatKronor(data.requestedAmount)}.`);
  }
  const motivation = decision.motivation.trim();
  if (motivation) paragraphs.push(`Motivering: ${motivation}`);
  const criteria = round.criteria.trim();
  if (criteria) paragraphs.push(`Kriterier för omgången: ${criteria}`);
  const officer = decision.decidedBy;
  if (officer) {
    const reach = [`e-post ${officer.email}`, ...(officer.phone?.trim() ? [`telefon ${officer.phone.trim()}`] : [])];
    paragraphs.push(
      `Har ni frågor om beslutet är ni välkomna att kontakta handläggaren ${officer.name}, ${LETTERHEAD} ` +
        `(${reach.join(", ")}), och ange diarienummer ${data.registrationNumber}.`,
    );
  } else {
    paragraphs.push(
      `Har ni frågor om beslutet är ni välkomna att kontakta ${LETTERHEAD}, ${data.programme}, och ange diarienummer ${data.registrationNumber}.`,
    );
  }

  return {
    documentTitle: `${LETTER_HEADING} ${data.registrationNumber}`,
    fileBaseName: `beslutsbrev-${data.registrationNumber}`.replace(/[^A-Za-z0-9-]/g, ""),
    letterhead: LETTERHEAD,
    programme: data.programme,
    date,
    registrationNumber: data.registrationNumber,
    recipient,
    heading: LETTER_HEADING,
    facts,
    paragraphs,
    closing: ["Med vänlig hälsning", ...(officer ? [officer.name] : []), LETTERHEAD, data.programme],
  };
}

/** The letter as plain lines in reading order: what a screen reader or a text extraction of either file gives. */
export function decisionLetterLines(content: DecisionLetterContent): string[] {
  return [
    content.letterhead,
    content.programme,
    `Datum: ${content.date}`,
    `Diarienummer: ${content.registrationNumber}`,
    ...content.recipient,
    content.heading,
    ...content.facts.map((f) => `${f.label}: ${f.value}`),
    ...content.paragraphs,
    ...content.closing,
  ];
}
