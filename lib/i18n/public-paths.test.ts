import { describe, expect, it } from "vitest";
import { internalPublicPath, otherLanguageHref, publicHref, publicRoute } from "./public-paths";

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

describe("internalPublicPath", () => {
  it("answers a grants list's data files at their route handlers, and leaves every other path as it is", () => {
    expect(internalPublicPath("/beviljade/5.csv")).toBe("/beviljade/5/data.csv");
    expect(internalPublicPath("/beviljade/5.json")).toBe("/beviljade/5/data.json");
    expect(internalPublicPath("/beviljade/5")).toBe("/beviljade/5");
    expect(internalPublicPath("/nyheter/feed.xml")).toBe("/nyheter/feed.xml");
    expect(publicRoute("/beviljade/5.csv")).toEqual({ locale: "sv", path: "/beviljade/5.csv", prefixed: false });
  });
});
