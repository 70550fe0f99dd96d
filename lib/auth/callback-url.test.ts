import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackUrl("/omgangar/2?sida=3")).toBe("/omgangar/2?sida=3");
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, undefined])(
    "sends %s to the start page",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
    },
  );
  it("never loops back to the sign-in page", () => {
    expect(safeCallbackUrl("/logga-in?callbackUrl=/")).toBe("/");
  });
});
