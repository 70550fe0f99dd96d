import { describe, expect, it } from "vitest";
import { isMalformedCallbackUrl, safeCallbackUrl } from "./callback-url";
import { authConfig } from "./config";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackUrl("/omgangar/2?sida=3")).toBe("/omgangar/2?sida=3");
    expect(safeCallbackUrl("/omgangar/2?sok=ume%C3%A5#lista")).toBe("/omgangar/2?sok=ume%C3%A5#lista");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "javascript:alert(1)",
    "",
    null,
    undefined,
  ])("sends %s to the start page", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  // Browsers remove tab, CR and LF from a URL: each of these is "//evil.example/" to them.
  it.each(["/\t/evil.example/", "/%09/evil.example/".replace("%09", "\t"), "\t//evil.example", "/\n/evil.example", "/\r/evil.example", "/\t\\evil.example"])(
    "refuses %j, which a browser reads as another host",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
    },
  );

  it("keeps a same-origin path written with a tab, without the tab", () => {
    expect(safeCallbackUrl("/omgangar/\t2")).toBe("/omgangar/2");
  });

  it("refuses other control characters", () => {
    expect(safeCallbackUrl("/omgangar\u0000/2")).toBe("/");
    expect(safeCallbackUrl("/omgangar\u001b/2")).toBe("/");
  });

  it("never loops back to the sign-in page, in either language", () => {
    expect(safeCallbackUrl("/logga-in?callbackUrl=/")).toBe("/");
    expect(safeCallbackUrl("/en/logga-in")).toBe("/");
    expect(safeCallbackUrl("/logga-in")).toBe("/");
  });
});

describe("isMalformedCallbackUrl", () => {
  it.each(["/\r/evil.example", "/\n", "/a\u0000b"])("calls %j malformed (400)", (value) => {
    expect(isMalformedCallbackUrl(value)).toBe(true);
  });
  it.each(["/omgangar/2", "/\t/evil.example/", null, undefined])("does not call %j malformed", (value) => {
    expect(isMalformedCallbackUrl(value)).toBe(false);
  });
});

describe("next-auth's redirect callback", () => {
  const baseUrl = "https://anslag.example";
  const redirect = (url: string) => authConfig.callbacks.redirect({ url, baseUrl });

  it("keeps a path or a URL of this site", () => {
    expect(redirect("/omgangar/2")).toBe("https://anslag.example/omgangar/2");
    expect(redirect("https://anslag.example/omgangar/2?sida=2")).toBe("https://anslag.example/omgangar/2?sida=2");
    expect(redirect("https://anslag.example")).toBe("https://anslag.example/");
  });

  it("lets signing out land on the sign-in page with its notice", () => {
    expect(redirect("/logga-in?utloggad=1")).toBe("https://anslag.example/logga-in?utloggad=1");
  });

  it.each(["https://evil.example/", "/\t/evil.example/", "https://anslag.example.evil.example/", "//evil.example"])(
    "sends %j to the start page",
    (url) => {
      expect(redirect(url)).toBe("https://anslag.example/");
    },
  );
});
