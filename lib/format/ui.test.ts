import { describe, expect, it } from "vitest";
import { formatAmount, formatAmountShort, formatDay, formatMoment } from "./ui";

describe("staff page formats", () => {
  it("writes amounts as kronor in Swedish and SEK in English", () => {
    expect(formatAmount(1_700_000, "sv")).toBe("1\u00a0700\u00a0000 kronor");
    expect(formatAmount(1_700_000, "en")).toBe("SEK 1,700,000");
    expect(formatAmount(0, "en")).toBe("SEK 0");
    expect(formatAmount(-5_000, "en")).toBe("\u2212SEK 5,000");
    expect(() => formatAmount(1.5, "en")).toThrow(RangeError);
  });

  it("writes a chart's short amount in millions", () => {
    expect(formatAmountShort(27_500_000, "en")).toBe("SEK 27.5 million");
    expect(formatAmountShort(1_000_000, "en")).toBe("SEK 1 million");
    expect(formatAmountShort(750_000, "en")).toBe("SEK 750,000");
    expect(formatAmountShort(27_500_000, "sv")).toBe("27,5 miljoner kronor");
  });

  it("writes calendar dates with the month in the visitor's language, never shifted", () => {
    expect(formatDay("2026-11-23", "sv")).toBe("23 november 2026");
    expect(formatDay("2026-11-23", "en")).toBe("23 November 2026");
    expect(formatDay("2026-01-01", "en")).toBe("1 January 2026");
    expect(formatDay("2026-05-01", "en")).toBe("1 May 2026");
  });

  it("never throws on a stored date it cannot read, in English either: the stored text is shown", () => {
    expect(formatDay("0012-05-01", "en")).toBe("0012-05-01");
    expect(formatDay("inte ett datum", "en")).toBe("inte ett datum");
    expect(formatDay(new Date(Number.NaN), "en")).toBe("–");
    expect(formatMoment(new Date(Number.NaN), "en")).toBe("–");
  });

  it("shows an instant in Stockholm time in both languages", () => {
    // 23:30 UTC on 22 November is 00:30 on the 23rd in Stockholm.
    const instant = new Date("2026-11-22T23:30:00Z");
    expect(formatDay(instant, "en")).toBe("23 November 2026");
    expect(formatMoment(instant, "sv")).toBe("23 november 2026 kl. 0.30");
    expect(formatMoment(new Date("2026-06-01T12:05:00Z"), "en")).toBe("1 June 2026, 14:05");
  });
});
