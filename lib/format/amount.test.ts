import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  formatAmountInPress,
  formatAmountPairInPress,
  formatAmountsRespektive,
  formatKronor,
  formatKronorPlain,
  parseKronor,
} from "./amount";

// Seeds wrap lines mid-sentence ("225\nmiljoner kronor"), so compare on flowed text.
function seed(name: string): string {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return readFileSync(url, "utf8").replace(/\s*\r?\n\s*/g, " ");
}

describe("formatKronor", () => {
  it("groups thousands with a no-break space", () => {
    expect(formatKronor(750_000)).toBe("750\u00a0000 kronor");
    expect(formatKronor(1_200_000)).toBe("1\u00a0200\u00a0000 kronor");
    expect(formatKronor(0)).toBe("0 kronor");
    expect(formatKronor(999)).toBe("999 kronor");
    expect(formatKronor(1_000)).toBe("1\u00a0000 kronor");
    expect(formatKronor(-5_000)).toBe("\u22125\u00a0000 kronor");
  });

  it("rejects fractional and non-finite amounts", () => {
    expect(() => formatKronor(1.5)).toThrow(RangeError);
    expect(() => formatKronor(Number.NaN)).toThrow(RangeError);
    expect(() => formatKronor(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatKronorPlain", () => {
  it("uses ordinary spaces", () => {
    expect(formatKronorPlain(750_000)).toBe("750 000 kronor");
    expect(formatKronorPlain(1_200_000)).toBe("1 200 000 kronor");
    expect(formatKronorPlain(0)).toBe("0 kronor");
    expect(formatKronorPlain(-5_000)).toBe("-5 000 kronor");
  });
});

describe("formatAmountInPress", () => {
  it.each([
    [1_700_000, "1,7 miljoner kronor"],
    [27_500_000, "27,5 miljoner kronor"],
    [2_000_000, "2 miljoner kronor"],
    [1_000_000, "1 miljon kronor"],
    [225_000_000, "225 miljoner kronor"],
    [1_234_567, "1,2 miljoner kronor"],
    [1_250_000, "1,3 miljoner kronor"],
    [1_049_999, "1 miljon kronor"],
    [999_960, "999 960 kronor"],
    [1_960_000, "2 miljoner kronor"],
    [1_500_000_000, "1 500 miljoner kronor"],
    [750_000, "750 000 kronor"],
    [999_000, "999 000 kronor"],
    [0, "0 kronor"],
  ])("%i -> %s", (amount, expected) => {
    expect(formatAmountInPress(amount)).toBe(expected);
  });

  it("drops the unit for headlines", () => {
    expect(formatAmountInPress(1_200_000, { unit: false })).toBe("1,2 miljoner");
    expect(formatAmountInPress(1_000_000, { unit: false })).toBe("1 miljon");
    expect(formatAmountInPress(750_000, { unit: false })).toBe("750 000");
  });

  it("rejects negative and fractional amounts", () => {
    expect(() => formatAmountInPress(-1_000_000)).toThrow(RangeError);
    expect(() => formatAmountInPress(1_000_000.5)).toThrow(RangeError);
  });
});

describe("formatAmountsRespektive / formatAmountPairInPress", () => {
  it("factors out a shared million unit", () => {
    expect(formatAmountPairInPress(1_700_000, 1_200_000)).toBe("1,7 respektive 1,2 miljoner kronor");
    expect(formatAmountsRespektive([1_700_000, 1_200_000, 900_000])).toBe(
      "1,7, 1,2 respektive 0,9 miljoner kronor",
    );
    expect(formatAmountPairInPress(1_700_000, 1_200_000, { unit: false })).toBe("1,7 respektive 1,2 miljoner");
  });

  it("keeps separate units when a small amount cannot be shown as tenths of a million", () => {
    expect(formatAmountPairInPress(1_700_000, 750_000)).toBe("1,7 miljoner kronor respektive 750 000 kronor");
    expect(formatAmountPairInPress(500_000, 750_000)).toBe("500 000 kronor respektive 750 000 kronor");
    expect(formatAmountsRespektive([2_000_000, 1_000_000, 50_000])).toBe(
      "2 miljoner kronor, 1 miljon kronor respektive 50 000 kronor",
    );
  });

  it("handles degenerate lists", () => {
    expect(formatAmountsRespektive([])).toBe("");
    expect(formatAmountsRespektive([1_400_000])).toBe("1,4 miljoner kronor");
  });
});

describe("phrases from the published press releases", () => {
  const vasterbotten = seed("press-release-vasterbotten.txt");
  const boras = seed("press-release-boras.txt");
  const national = seed("press-release-round-national.txt");

  it.each([
    ["Västerbotten", vasterbotten, formatAmountPairInPress(1_700_000, 1_200_000)],
    ["Västerbotten", vasterbotten, formatAmountInPress(225_000_000)],
    ["Borås", boras, formatAmountInPress(27_500_000)],
    ["Borås", boras, formatAmountInPress(1_200_000, { unit: false })],
    ["Borås", boras, `gett Borås Stad ${formatAmountInPress(1_200_000)}`],
    ["national", national, formatAmountInPress(1_400_000)],
    ["national", national, `${formatAmountInPress(27_500_000, { unit: false })} till jämställdhet`],
  ])("%s release contains %j", (_name, text, phrase) => {
    expect(text).toContain(phrase);
  });
});

describe("parseKronor", () => {
  it.each([
    ["1 200 000", 1_200_000],
    ["1200000", 1_200_000],
    ["1 200 000 kr", 1_200_000],
    ["1\u00a0200\u00a0000", 1_200_000],
    ["1\u202f200\u202f000\u202fkr", 1_200_000],
    ["1.200.000", 1_200_000],
    ["1200000,00", 1_200_000],
    ["1 200 000,00", 1_200_000],
    ["1 200 000,0", 1_200_000],
    ["1.200.000,00 kr", 1_200_000],
    ["750000kr", 750_000],
    ["750 000 kronor", 750_000],
    ["  42  ", 42],
    ["0", 0],
    ["9007199254740991", Number.MAX_SAFE_INTEGER],
  ])("%j -> %i", (input, expected) => {
    expect(parseKronor(input)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "-100",
    "+100",
    "1,5",
    "1 200 000,50",
    "1200000,05",
    "1200000.00",
    "abc",
    "12 00 000",
    "1 2000",
    "1.5",
    "1.20.000",
    "1 200.000",
    "kr",
    "1 200 000 kr kr",
    "1e6",
    "9007199254740992",
    "99999999999999999999",
  ])("%j -> null", (input) => {
    expect(parseKronor(input)).toBeNull();
  });

  it("round-trips both formatKronor variants", () => {
    for (const amount of [0, 7, 750_000, 1_200_000, 225_000_000]) {
      expect(parseKronor(formatKronor(amount))).toBe(amount);
      expect(parseKronor(formatKronorPlain(amount))).toBe(amount);
    }
  });
});
