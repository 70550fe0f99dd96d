import { describe, expect, it } from "vitest";
import { normaliseText, textField } from "./fields";

const title = textField({ max: 20, required: "Ange en titel." });
const optional = textField({ max: 20 });
const description = textField({ max: 100, multiline: true });

function message(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : result.error!.issues[0]!.message;
}

describe("textField", () => {
  it("normalises to NFC so typed and pasted letters are the same", () => {
    expect(title.parse("A\u030Are")).toBe("\u00C5re");
  });

  it("turns no-break spaces, tabs and line breaks into one plain space in a single-line field", () => {
    expect(title.parse(" Lycksele\u00A0kommun ")).toBe("Lycksele kommun");
    expect(title.parse("Umeå\t\tkommun\r\n")).toBe("Umeå kommun");
  });

  it("keeps line breaks in a multiline field", () => {
    expect(description.parse("Rad ett\r\nRad två\n")).toBe("Rad ett\nRad två");
  });

  it("refuses NUL and other control characters", () => {
    expect(message(title.safeParse("Umeå\u0000"))).toMatch(/styrtecken/);
    expect(message(description.safeParse("a\u0085b"))).toMatch(/styrtecken/);
  });

  it("refuses the right-to-left override", () => {
    expect(message(title.safeParse("Umeå \u202Eanummok"))).toMatch(/läsriktningen/);
  });

  it("refuses a lone surrogate", () => {
    expect(message(title.safeParse("Umeå \uD800"))).toMatch(/går att spara/);
    expect(title.parse("Umeå 😀")).toBe("Umeå 😀");
  });

  it("refuses a value made only of invisible characters, and lets an optional field be empty", () => {
    expect(message(optional.safeParse("\u200B\u200B"))).toMatch(/osynliga/);
    expect(optional.parse("   ")).toBe("");
    expect(message(title.safeParse("   "))).toBe("Ange en titel.");
  });

  it("counts length after normalising", () => {
    expect(message(title.safeParse("x".repeat(21)))).toBe("Högst 20 tecken.");
  });

  it("normaliseText matches what the field stores", () => {
    expect(normaliseText("Lycksele\u00A0kommun")).toBe(title.parse("Lycksele kommun"));
  });
});
