import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { capitalizeFirst, countInWords, formatShareOf } from "./count";

function seed(name: string): string {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return readFileSync(url, "utf8").replace(/\s*\r?\n\s*/g, " ");
}

describe("countInWords", () => {
  it("writes zero to twelve in words", () => {
    expect([...Array(13).keys()].map((n) => countInWords(n))).toEqual([
      "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    ]);
    expect(countInWords(1, "neuter")).toBe("ett");
    expect(countInWords(2, "neuter")).toBe("två");
  });

  it("uses digits from 13", () => {
    expect(countInWords(13)).toBe("13");
    expect(countInWords(17)).toBe("17");
    expect(countInWords(45)).toBe("45");
    expect(countInWords(2014)).toBe("2014");
    expect(countInWords(10_000)).toBe("10 000");
    expect(countInWords(114_000)).toBe("114 000");
    expect(countInWords(1_234_567)).toBe("1 234 567");
  });

  it("rejects negative and fractional counts", () => {
    expect(() => countInWords(-1)).toThrow(RangeError);
    expect(() => countInWords(2.5)).toThrow(RangeError);
  });
});

describe("formatShareOf", () => {
  it("builds 'N av de M …'", () => {
    expect(formatShareOf(2, 17, "kommuner")).toBe("två av de 17 kommuner");
    expect(formatShareOf(1, 17, "kommuner")).toBe("en av de 17 kommuner");
    expect(formatShareOf(1, 12, "landsting", { gender: "neuter" })).toBe("ett av de 12 landsting");
    expect(formatShareOf(21, 45, "projektansökningar")).toBe("21 av de 45 projektansökningar");
  });

  it("rejects a part larger than the whole", () => {
    expect(() => formatShareOf(18, 17, "kommuner")).toThrow(RangeError);
  });

  it("reproduces the published releases", () => {
    expect(seed("press-release-vasterbotten.txt")).toContain(
      `Umeå och Lycksele är ${formatShareOf(2, 17, "kommuner")}, landsting`,
    );
    expect(seed("press-release-boras.txt")).toContain(
      `utvecklingsmedel till ${formatShareOf(21, 45, "projektansökningar")} som kommit in`,
    );
  });
});

describe("capitalizeFirst", () => {
  it("upper-cases only the first letter", () => {
    expect(capitalizeFirst("två av de 17 kommuner")).toBe("Två av de 17 kommuner");
    expect(capitalizeFirst("åre kommun")).toBe("Åre kommun");
    expect(capitalizeFirst("öVRIGT")).toBe("ÖVRIGT");
    expect(capitalizeFirst("")).toBe("");
    expect(capitalizeFirst("17 kommuner")).toBe("17 kommuner");
  });
});
