import { describe, expect, it } from "vitest";
import { roundSummarySentence } from "./summary";

const NBSP = "\u00a0";

describe("roundSummarySentence", () => {
  it("says the demo's fifth round as the press release does", () => {
    expect(roundSummarySentence({ received: 45, approved: 21, rejected: 24, granted: 27_500_000 })).toBe(
      "21 av 45 ansökningar beviljades, totalt 27,5 miljoner kronor.",
    );
  });

  it("writes the counts of one sentence in one style: words when all are small, digits otherwise", () => {
    expect(roundSummarySentence({ received: 3, approved: 2, rejected: 1, granted: 1_200_000 })).toBe(
      "Två av tre ansökningar beviljades, totalt 1,2 miljoner kronor.",
    );
    expect(roundSummarySentence({ received: 17, approved: 12, rejected: 5, granted: 20_000_000 })).toBe(
      "12 av 17 ansökningar beviljades, totalt 20 miljoner kronor.",
    );
  });

  it("never mixes words and digits in one sentence", () => {
    expect(roundSummarySentence({ received: 9, approved: 3, rejected: 6, granted: 1_500_000 })).toBe(
      "Tre av nio ansökningar beviljades, totalt 1,5 miljoner kronor.",
    );
    expect(roundSummarySentence({ received: 13, approved: 1, rejected: 12, granted: 400_000 })).toBe(
      "1 av 13 ansökningar beviljades med 400 000 kronor.",
    );
    expect(roundSummarySentence({ received: 12_000, approved: 10_500, rejected: 1_500, granted: 900_000_000 })).toMatch(/^10 500 av 12 000 ansökningar/);
  });

  it("gives one grant its amount rather than a total", () => {
    expect(roundSummarySentence({ received: 4, approved: 1, rejected: 3, granted: 750_000 })).toBe(
      "En av fyra ansökningar beviljades med 750 000 kronor.",
    );
    expect(roundSummarySentence({ received: 1, approved: 1, rejected: 0, granted: 1_000_000 })).toBe(
      "Den enda ansökan beviljades med 1 miljon kronor.",
    );
  });

  it("handles all approved, none approved and a single rejected application", () => {
    expect(roundSummarySentence({ received: 3, approved: 3, rejected: 0, granted: 2_400_000 })).toBe(
      "Alla tre ansökningar beviljades, totalt 2,4 miljoner kronor.",
    );
    expect(roundSummarySentence({ received: 5, approved: 0, rejected: 5, granted: 0 })).toBe("Ingen av de fem ansökningarna beviljades.");
    expect(roundSummarySentence({ received: 1, approved: 0, rejected: 1, granted: 0 })).toBe("Den enda ansökan avslogs.");
  });

  it("says how many applications still wait for a decision", () => {
    expect(roundSummarySentence({ received: 45, approved: 21, rejected: 19, granted: 27_500_000 })).toBe(
      "21 av 45 ansökningar beviljades, totalt 27,5 miljoner kronor. Fem ansökningar väntar på beslut.",
    );
    expect(roundSummarySentence({ received: 3, approved: 1, rejected: 1, granted: 500_000 })).toBe(
      "En av tre ansökningar beviljades med 500 000 kronor. En ansökan väntar på beslut.",
    );
    expect(roundSummarySentence({ received: 4, approved: 0, rejected: 0, granted: 0 })).toBe("Fyra ansökningar har kommit in och väntar på beslut.");
    expect(roundSummarySentence({ received: 1, approved: 0, rejected: 0, granted: 0 })).toBe("En ansökan har kommit in och väntar på beslut.");
    expect(roundSummarySentence({ received: 0, approved: 0, rejected: 0, granted: 0 })).toBe("Inga ansökningar har kommit in.");
  });

  it("uses ordinary spaces in amounts, as the press forms do", () => {
    expect(roundSummarySentence({ received: 2, approved: 1, rejected: 1, granted: 999_960 })).not.toContain(NBSP);
  });

  it("refuses impossible figures", () => {
    expect(() => roundSummarySentence({ received: 2, approved: 2, rejected: 1, granted: 0 })).toThrow(RangeError);
    expect(() => roundSummarySentence({ received: -1, approved: 0, rejected: 0, granted: 0 })).toThrow(RangeError);
  });
});
