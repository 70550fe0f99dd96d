import { describe, expect, it } from "vitest";
import { listQuery, parseListParams } from "./list-params";

describe("application list parameters", () => {
  it("reads a shared link", () => {
    expect(parseListParams({ sok: "umeå", status: "approved", lan: "24", typ: "kommun", sortera: "belopp", ordning: "desc", sida: "3" })).toEqual({
      sok: "umeå",
      status: "approved",
      lan: "24",
      typ: "kommun",
      sortera: "belopp",
      ordning: "desc",
      sida: 3,
    });
  });

  it("falls back to defaults for anything it does not know", () => {
    expect(parseListParams({ status: "maybe", lan: "x", typ: "club", sortera: "evil", ordning: "up", sida: "-2" })).toEqual({
      sok: "",
      status: undefined,
      lan: undefined,
      typ: undefined,
      sortera: "diarienummer",
      ordning: "asc",
      sida: 1,
    });
  });

  it("writes short links and resets nothing it was not asked to", () => {
    const params = parseListParams({ sok: "jämställd", sida: "2" });
    expect(listQuery(params)).toBe("?sok=j%C3%A4mst%C3%A4lld&sida=2");
    expect(listQuery(params, { sida: 1 })).toBe("?sok=j%C3%A4mst%C3%A4lld");
    expect(listQuery(parseListParams({}))).toBe("");
  });
});
