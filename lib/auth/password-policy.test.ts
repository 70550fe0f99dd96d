import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordPolicyProblem } from "./password-policy";

describe("the list of common passwords", () => {
  it("ships a few thousand passwords, one a line", () => {
    const lines = readFileSync(join(__dirname, "data", "common-passwords.txt"), "utf8").split("\n").filter(Boolean);
    expect(lines.length).toBe(10_000);
    expect(lines.slice(0, 3)).toEqual(["password", "123456", "12345678"]);
  });

  it("refuses a password on the list, whatever its case", () => {
    for (const password of ["unbelievable", "UNBELIEVABLE", "Scandinavian", "password", "qwerty"]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
    expect(passwordPolicyProblem("Unbelievable")).toMatch(/för vanligt/);
  });

  it("refuses a common password lengthened with digits or punctuation at the end", () => {
    for (const password of ["dragon123456", "Password1234!", "qwerty2026!!", "Sommar2026!!", "lösenord1234", "LÖSENORD-2026"]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it("refuses one character repeated", () => {
    expect(isCommonPassword("aaaaaaaaaaaa")).toBe(true);
    expect(isCommonPassword("111111111111")).toBe(true);
  });

  it("accepts a password that is not common", () => {
    for (const password of ["rätt-lösenord-2026", "blåbär i skogen vid älven", "demo-handlaggare-2026", "Kaffe och kanelbulle 7"]) {
      expect(passwordPolicyProblem(password), password).toBeNull();
    }
  });

  it("never puts the password into its message", () => {
    expect(passwordPolicyProblem("dragon123456")).not.toContain("dragon");
  });
});
