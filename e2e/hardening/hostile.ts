import fc from "fast-check";

/*
 * Generated malformed values (issue 14, hostile input): wrong types, huge strings, NUL and other unicode oddities
 * (lone surrogates, bidi overrides, zero-width and combining characters), SQL, script and template fragments,
 * numbers out of range and non-finite numbers, deep nesting, prototype keys. Each value is well-formed as a value of
 * a request (JSON as React's encodeReply writes it, a UTF-8 form field, a percent-encoded URL): malformed *requests*
 * (bad encodings, over-large bodies) are another test's.
 *
 * Deterministic: every sample is drawn from fast-check with the seed given, so a failure is the same on every run.
 */

/** A value React's encodeReply writes as a "$" string: NaN, ±Infinity, -0, undefined, a BigInt, a Date. */
export class Encoded {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

export const NON_FINITE = [
  new Encoded("$NaN", "NaN"),
  new Encoded("$Infinity", "Infinity"),
  new Encoded("$-Infinity", "-Infinity"),
  new Encoded("$-0", "-0"),
  new Encoded("$undefined", "undefined"),
  new Encoded("$n123456789012345678901234567890", "BigInt 123456789012345678901234567890n"),
  new Encoded("$D2026-13-45T99:99:99.000Z", "an invalid Date"),
  new Encoded("$D2026-12-01T12:00:00.000Z", "a Date"),
];

const FRAGMENTS = [
  "",
  " ",
  "   \t  ",
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(64),
  "\ud800",
  "x\udfffy",
  "\udbff\ud800",
  "\u202eevil.exe\u202c",
  "\u2066isolate\u2069",
  "\u200b\u200c\u200d\u2060",
  "\ufeff",
  "\u00a0\u00a0",
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357",
  "😀👩‍👩‍👧‍👦🇸🇪",
  "\uffff\ufffe",
  "\r\n\r\n",
  "\u001b[31mröd\u001b[0m",
  "'; DROP TABLE applications; --",
  "\" OR 1=1 --",
  "1' UNION SELECT password_hash FROM users --",
  "%' ESCAPE '\\",
  "applications MATCH '*'",
  "\"NEAR(",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{ 7 * 7 }}",
  "{% for x in (1..100000000) %}{% endfor %}",
  "${7*7}",
  "../../../../etc/passwd",
  "%00",
  "%",
  "\\",
  "//evil.example",
  "Set-Cookie: x=1",
  "__proto__",
  "constructor",
  "-1",
  "0x10",
  "1e309",
  "NaN",
  "2026-02-30",
  "9999-99-99",
  "$$",
];

const NUMBERS = [-1, 0, 0.5, -0.5, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 + 2, -(2 ** 53) - 2, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324, 1e21];

const HUGE = [
  () => "a".repeat(60_000),
  () => "ö".repeat(30_000),
  () => "\u0000".repeat(5_000),
  () => "\u202e".repeat(2_000),
  () => "😀".repeat(10_000),
  () => "a\n".repeat(20_000),
];

function deep(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = "botten";
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

/** Hostile strings: the fragments, fast-check's arbitrary unicode (lone surrogates included), mixes of both. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 8 }), fc.constantFrom(...FRAGMENTS)).map((p) => p.join("")) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE).map((make) => make()) },
  );
}

/** Any hostile value: strings, numbers (non-finite ones included), wrong types, deep nesting, prototype keys. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: hostileString() },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 2, arbitrary: fc.constantFrom(...NON_FINITE) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [""], { "": "" }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(deep(200, "array"), deep(200, "object"), Array.from({ length: 5_000 }, (_, i) => i)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"isAdmin":true,"role":"admin"}}'), { constructor: { prototype: { x: 1 } } }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: true }) },
  );
}

/** Plain JSON for encodeReply's text body: strings starting with "$" are escaped as React does ("$$"), Encoded stays. */
export function replyJson(args: unknown[]): string {
  return JSON.stringify(args, function (this: unknown, _key, value: unknown) {
    if (value instanceof Encoded) return value.text;
    if (typeof value === "string" && value.startsWith("$")) return `$${value}`;
    if (typeof value === "bigint") return `$n${value.toString()}`;
    if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "$NaN" : value > 0 ? "$Infinity" : "$-Infinity";
    if (typeof value === "number" && Object.is(value, -0)) return "$-0";
    if (value === undefined) return "$undefined";
    return value;
  });
}

/** The same value as a form field's text (a form carries strings only), well-formed UTF-8. */
export function asFieldText(value: unknown): string {
  if (value instanceof Encoded) return value.text.slice(1);
  if (typeof value === "string") return value.toWellFormed();
  const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return (json ?? String(value)).toWellFormed();
}

/** A short description of a value for a failure message: huge strings as a repeated unit, the rest as JSON. */
export function describe(value: unknown): string {
  if (value instanceof Encoded) return value.label;
  const json = replyJson([value]).slice(1, -1);
  if (json.length <= 160) return json;
  return `${json.slice(0, 60)}… (${json.length} characters of JSON)`;
}
