import { formatAmountInPress } from "@/lib/format/amount";
import { capitalizeFirst, countInWords } from "@/lib/format/count";

export type SummaryFigures = {
  received: number;
  approved: number;
  rejected: number;
  granted: number;
};

function applicationsNoun(n: number): string {
  return n === 1 ? "ansökan" : "ansökningar";
}

/** "Fem ansökningar väntar på beslut." / "En ansökan väntar på beslut." */
function pendingSentence(pending: number): string {
  return `${capitalizeFirst(countInWords(pending))} ${applicationsNoun(pending)} väntar på beslut.`;
}

/**
 * The counts of one sentence, all in one style: in words when every one of them is small enough to be written out
 * (up to twelve), otherwise all in digits, so a sentence reads "tre av nio" or "21 av 45", never "tre av 9".
 */
function countsInOneStyle(...counts: number[]): string[] {
  const words = counts.map((n) => countInWords(n));
  // countInWords writes 13 and up in digits; a small count beside such a one is written in digits too.
  return words.every((w) => /^\p{L}+$/u.test(w)) ? words : counts.map((n, i) => (/^\p{L}+$/u.test(words[i] ?? "") ? String(n) : (words[i] ?? "")));
}

/**
 * A round's outcome in one Swedish sentence, as a press release would put it: "21 av 45 ansökningar beviljades,
 * totalt 27,5 miljoner kronor." The counts of a sentence share one style ("Två av tre ansökningar …", "12 av 17
 * ansökningar …"), the amount is in press form. A round still being decided gets a second sentence saying how many
 * applications wait, so "beviljades" is never read as final.
 */
export function roundSummarySentence(figures: SummaryFigures): string {
  const { received, approved, rejected, granted } = figures;
  for (const n of [received, approved, rejected, granted]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Expected non-negative whole figures, got ${n}`);
  }
  if (approved + rejected > received) throw new RangeError("More decisions than applications");

  if (received === 0) return "Inga ansökningar har kommit in.";
  const pending = received - approved - rejected;
  if (approved + rejected === 0) {
    return received === 1
      ? "En ansökan har kommit in och väntar på beslut."
      : `${capitalizeFirst(countInWords(received))} ansökningar har kommit in och väntar på beslut.`;
  }

  let sentence: string;
  if (approved === 0) {
    sentence = received === 1 ? "Den enda ansökan avslogs." : `Ingen av de ${countInWords(received)} ansökningarna beviljades.`;
  } else {
    const amount = formatAmountInPress(granted);
    // One grant is an amount, several have a total.
    const grant = approved === 1 ? `med ${amount}` : `totalt ${amount}`;
    if (received === 1) sentence = `Den enda ansökan beviljades ${grant}.`;
    else if (approved === received) sentence = `Alla ${countInWords(received)} ansökningar beviljades, ${grant}.`;
    else {
      const [part, whole] = countsInOneStyle(approved, received);
      const share = `${capitalizeFirst(part ?? "")} av ${whole ?? ""} ${applicationsNoun(received)} beviljades`;
      sentence = approved === 1 ? `${share} ${grant}.` : `${share}, ${grant}.`;
    }
  }
  return pending > 0 ? `${sentence} ${pendingSentence(pending)}` : sentence;
}
