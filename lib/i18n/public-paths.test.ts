import { describe, expect, it } from "vitest";
import { otherLanguageHref, publicHref, publicRoute } from "./public-paths";

describe("publicRoute", () => {
  it("reads a plain public path as Swedish", () => {
    expect(publicRoute("/logga-in")).toEqual({ locale: "sv", path: "/logga-in", prefixed: false });
    expect(publicRoute("/nyheter/femte-omgangen")).toEqual({ locale: "sv", path: "/nyheter/femte-omgangen", prefixed: false });
  });
  it("reads /en/… as English and /sv/… as Swedish", () => {
    expect(publicRoute("/en/tillganglighetsredogorelse")).toEqual({ locale: "en", path: "/tillganglighetsredogorelse", prefixed: true });
    expect(publicRoute("/sv/logga-in")).toEqual({ locale: "sv", path: "/logga-in", prefixed: true });
  });
  it("leaves staff pages alone, in any language", () => {
    expect(publicRoute("/")).toBeNull();
    expect(publicRoute("/omgangar/2")).toBeNull();
    expect(publicRoute("/en/omgangar/2")).toBeNull();
    expect(publicRoute("/logga-in-inte")).toBeNull();
  });
});

describe("language links", () => {
  it("puts English under /en and Swedish at the plain path", () => {
    expect(publicHref("/logga-in", "sv")).toBe("/logga-in");
    expect(publicHref("/logga-in", "en")).toBe("/en/logga-in");
    expect(otherLanguageHref("/logga-in", "sv")).toEqual({ href: "/en/logga-in", locale: "en" });
    expect(otherLanguageHref("/sv/logga-in", "sv")).toEqual({ href: "/en/logga-in", locale: "en" });
    expect(otherLanguageHref("/en/tillganglighetsredogorelse", "en")).toEqual({ href: "/tillganglighetsredogorelse", locale: "sv" });
  });
});
