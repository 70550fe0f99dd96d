import { describe, expect, it } from "vitest";
import { jsonLdText } from "./json-ld";

describe("JSON-LD in a script element", () => {
  it("cannot be closed by a release's text, and parses back to the same value", () => {
    const value = { "@type": "NewsArticle", headline: "</script><script>alert(1)</script> <!-- x", description: "rad\u2028två" };
    const text = jsonLdText(value);
    expect(text).not.toContain("<");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text)).toEqual(value);
  });
});
