import { describe, expect, it } from "vitest";
import { roundSummarySentence } from "./summary";

const NBSP = "\u00a0";

describe("roundSummarySentence", () => {
  it("says the demo's fifth round as the press release does", () => {
    expect(roundSummarySentence({ received: 45, approved: 21, rejected: 24, granted: 27_500_000 })).toBe(
      "21 av 45 ansökningar beviljades, totalt 27,5 miljoner kronor.",
    );
  });

  it("writes a small number of approvals in words, capitalised at the start", () => {
    expect(roundSummarySentence({ received: 3, approved: 2, rejected: 1, granted: 1_200_000 })).toBe(
      "Två av 3 ansökningar beviljades, totalt 1,2 miljoner kronor.",
    );
    expect(roundSummarySentence({ received: 17, approved: 12, rejected: 5, granted: 20_000_000 })).toBe(
      "Tolv av 17 ansökningar beviljades, totalt 20 miljoner kronor.",
    );
  });

  it("gives one grant its amount rather than a total", () => {
    expect(roundSummarySentence({ received: 4, approved: 1, rejected: 3, granted: 750_000 })).toBe(
      "En av 4 ansökningar beviljades med 750 000 kronor.",
    );
    expect(roundSummarySentence({ received: 1, approved: 1, rejected: 0, granted: 1_000_000 })).toBe(
      "Den enda ansökan beviljades med 1 miljon kronor.",
    );
  });

  it("handles all approved, none approved and a single rejected application", () => {
    expect(roundSummarySentence({ received: 3, approved: 3, rejected: 0, granted: 2_400_000 })).toBe(
      "Alla 3 ansökningar beviljades, totalt 2,4 miljoner kronor.",
    );
    expect(roundSummarySentence({ received: 5, approved: 0, rejected: 5, granted: 0 })).toBe("Ingen av de 5 ansökningarna beviljades.");
    expect(roundSummarySentence({ received: 1, approved: 0, rejected: 1, granted: 0 })).toBe("Den enda ansökan avslogs.");
  });

  it("says how many applications still wait for a decision", () => {
    expect(roundSummarySentence({ received: 45, approved: 21, rejected: 19, granted: 27_500_000 })).toBe(
      "21 av 45 ansökningar beviljades, totalt 27,5 miljoner kronor. Fem ansökningar väntar på beslut.",
    );
    expect(roundSummarySentence({ received: 3, approved: 1, rejected: 1, granted: 500_000 })).toBe(
      "En av 3 ansökningar beviljades med 500 000 kronor. En ansökan väntar på beslut.",
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
