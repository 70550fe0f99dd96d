import { describe, expect, it } from "vitest";
import { emailField, isoDate, isoDateField, kronorField, passwordField } from "./fields";

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("kronorField", () => {
  it.each([
    [1200000, 1200000],
    ["1 200 000", 1200000],
    ["1 200 000 kr", 1200000],
    ["1200000,00", 1200000],
    ["0", 0],
  ])("reads %j as %d kronor", (input, expected) => {
    expect(kronorField.parse(input)).toBe(expected);
  });

  it("refuses a negative amount", () => {
    expect(message(kronorField.safeParse("-5000"))).toBe("Beloppet kan inte vara negativt.");
    expect(message(kronorField.safeParse(-5000))).toBe("Beloppet kan inte vara negativt.");
  });

  it("refuses öre", () => {
    expect(message(kronorField.safeParse("1200,50"))).toBe("Beloppet ska anges i hela kronor, utan ören.");
    expect(message(kronorField.safeParse(10.5))).toBe("Beloppet ska anges i hela kronor, utan ören.");
  });

  it("refuses an absurd amount", () => {
    expect(message(kronorField.safeParse("5 000 000 000"))).toMatch(/orimligt stort/);
  });

  it("refuses words", () => {
    expect(message(kronorField.safeParse("en miljon"))).toMatch(/hela kronor/);
    expect(message(kronorField.safeParse(""))).toBe("Ange ett belopp i hela kronor.");
  });
});

describe("emailField", () => {
  it("normalises case and spaces", () => {
    expect(emailField.parse("  Helene.Brewer@Umea.SE ")).toBe("helene.brewer@umea.se");
  });
  it("refuses an invalid address in Swedish", () => {
    expect(message(emailField.safeParse("helene.brewer"))).toMatch(/giltig e-postadress/);
  });
});

describe("isoDateField", () => {
  it("accepts a real date", () => {
    expect(isoDateField.parse("2013-06-14")).toBe("2013-06-14");
  });
  it("refuses a date that does not exist", () => {
    expect(message(isoDateField.safeParse("2026-02-30"))).toBe("Datumet finns inte.");
  });
  it("refuses another format", () => {
    expect(message(isoDateField.safeParse("14/6/2013"))).toMatch(/ÅÅÅÅ-MM-DD/);
  });
  it("refuses the years 0000-0099 and others outside 2000-2100", () => {
    expect(message(isoDateField.safeParse("0012-05-01"))).toBe("Datumet kan inte vara före 1 januari 2000.");
    expect(message(isoDateField.safeParse("0000-01-01"))).toBe("Datumet kan inte vara före 1 januari 2000.");
    expect(message(isoDateField.safeParse("1999-12-31"))).toBe("Datumet kan inte vara före 1 januari 2000.");
    expect(message(isoDateField.safeParse("2101-01-01"))).toBe("Datumet kan inte vara efter 31 december 2100.");
    expect(isoDateField.parse("2000-01-01")).toBe("2000-01-01");
  });
});

describe("isoDate with a range", () => {
  it("takes its latest day from a function when it parses, with its own message", () => {
    let today = "2026-06-01";
    const field = isoDate({ max: () => today, maxMessage: "Inte i framtiden." });
    expect(message(field.safeParse("2026-06-02"))).toBe("Inte i framtiden.");
    today = "2026-06-02";
    expect(field.parse("2026-06-02")).toBe("2026-06-02");
  });
});

describe("passwordField", () => {
  it("requires at least 12 characters", () => {
    expect(message(passwordField.safeParse("kort"))).toMatch(/minst 12/);
    expect(passwordField.safeParse("ett-langt-losenord").success).toBe(true);
  });
});
