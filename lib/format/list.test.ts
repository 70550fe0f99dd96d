import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatList } from "./list";

describe("formatList", () => {
  it("joins with 'och' and no serial comma", () => {
    expect(formatList([])).toBe("");
    expect(formatList(["A"])).toBe("A");
    expect(formatList(["A", "B"])).toBe("A och B");
    expect(formatList(["A", "B", "C"])).toBe("A, B och C");
    expect(formatList(["Mark", "Vårgårda", "Tranemo", "Bollebygd"])).toBe("Mark, Vårgårda, Tranemo och Bollebygd");
  });

  it("reproduces the Västerbotten release", () => {
    const url = new URL("./fixtures/press-release-vasterbotten.txt", import.meta.url);
    const text = readFileSync(url, "utf8").replace(/\s*\r?\n\s*/g, " ");
    const phrase = formatList(["Umeå kommun", "Lycksele kommun"]);
    expect(phrase).toBe("Umeå kommun och Lycksele kommun");
    expect(text).toContain(phrase);
  });
});
