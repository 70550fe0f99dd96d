import { describe, expect, it } from "vitest";
import { PRESS_VARIABLES } from "./context";
import { PRESS_FILTERS } from "./filters";
import { FILTER_DESCRIPTIONS_EN, VARIABLE_DESCRIPTIONS_EN } from "./reference-en";

describe("the editor's reference in English", () => {
  it("describes every variable a template may name, and no other", () => {
    expect(Object.keys(VARIABLE_DESCRIPTIONS_EN).sort()).toEqual(PRESS_VARIABLES.map((v) => v.path).sort());
  });

  it("describes every filter, and no other", () => {
    expect(Object.keys(FILTER_DESCRIPTIONS_EN).sort()).toEqual(PRESS_FILTERS.map((f) => f.name).sort());
  });
});
