/**
 * JSON for a <script type="application/ld+json"> element: "<" is written as \u003c, so no text of a release (a
 * headline with "</script><script>…") can close the element, and U+2028/U+2029 are escaped for older parsers. The
 * value parses back unchanged.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
