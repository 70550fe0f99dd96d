import { describe, expect, it } from "vitest";
import { ordinalInWords } from "./ordinal";

describe("ordinalInWords", () => {
  it("writes first to twelfth in words", () => {
    expect([...Array(12).keys()].map((i) => ordinalInWords(i + 1))).toEqual([
      "första", "andra", "tredje", "fjärde", "femte", "sjätte",
      "sjunde", "åttonde", "nionde", "tionde", "elfte", "tolfte",
    ]);
  });

  it.each([
    [13, "13:e"],
    [20, "20:e"],
    [21, "21:a"],
    [22, "22:a"],
    [23, "23:e"],
    [31, "31:a"],
    [32, "32:a"],
    [100, "100:e"],
    [101, "101:a"],
    [111, "111:e"],
    [112, "112:e"],
    [121, "121:a"],
    [1002, "1002:a"],
  ])("%i -> %s", (n, expected) => {
    expect(ordinalInWords(n)).toBe(expected);
  });

  it("rejects zero, negatives and fractions", () => {
    expect(() => ordinalInWords(0)).toThrow(RangeError);
    expect(() => ordinalInWords(-3)).toThrow(RangeError);
    expect(() => ordinalInWords(1.5)).toThrow(RangeError);
  });
});
