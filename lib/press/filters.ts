import {
  capitalizeFirst,
  countInWords,
  countyShortName,
  formatAmountInPress,
  formatAmountsRespektive,
  formatDateLong,
  formatKronor,
  formatList,
  formatShareOf,
  ordinalInWords,
  type Gender,
} from "@/lib/format";

/*
 * The filters a press template may use ({{ round.granted | miljoner }}), each with what the template editor shows:
 * a Swedish description and an example. Built on lib/format/, the same Swedish as the rest of Anslag. The renderer
 * registers exactly these; any other filter name is refused when a template is saved.
 *
 * A filter given a value it cannot use (text where an amount belongs, a negative count) throws PressFilterError
 * with a Swedish message naming the filter, so the editor can say what is wrong instead of printing "NaN kronor".
 */

export class PressFilterError extends Error {
  constructor(filter: string, message: string) {
    super(`Filtret ${filter}: ${message}`);
    this.name = "PressFilterError";
  }
}

export type PressFilter = {
  /** The name in a template: `{{ x | name: arg }}`. */
  name: string;
  apply: (value: unknown, ...args: unknown[]) => string | number;
  /** What it does, in Swedish, for the editor. */
  description: string;
  /** An example, in Swedish, for the editor: `{{ 1200000 | kronor }}` -> "1 200 000 kronor". */
  example: string;
};

/**
 * Digit groups joined by U+00A0 ("750 000 kronor" never breaks across lines): lib/format's press forms use ordinary
 * spaces for plain-text exports, but a release is published text, and the release checks ask for no-break spaces
 * in grouped numbers. Only a space between a digit and a group of exactly three digits is a group separator.
 */
function keepGroupsTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}(?!\d))/g, "$1\u00a0");
}

/** A whole number from a template value: numbers, and digit strings as a CSV or a form might give them. */
function wholeNumber(filter: string, value: unknown, what: string): number {
  const n = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new PressFilterError(filter, `väntar sig ${what} (ett heltal, 0 eller mer), fick ${describe(value)}.`);
  }
  return n;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return "inget värde";
  if (typeof value === "string") return `texten "${value.slice(0, 40)}"`;
  if (Array.isArray(value)) return "en lista";
  if (typeof value === "object") return "ett objekt";
  return String(value);
}

function list(filter: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new PressFilterError(filter, `väntar sig en lista, fick ${describe(value)}.`);
  return value;
}

function texts(filter: string, value: unknown): string[] {
  return list(filter, value).map((item) => {
    if (typeof item === "string") return item;
    if (typeof item === "number") return String(item);
    throw new PressFilterError(filter, `väntar sig en lista med texter, fick ${describe(item)} i listan.`);
  });
}

function gender(filter: string, value: unknown): Gender {
  if (value === undefined || value === null || value === "en") return "common";
  if (value === "ett") return "neuter";
  throw new PressFilterError(filter, `genus skrivs "en" eller "ett", fick ${describe(value)}.`);
}

/** The option that drops the unit: "27,5 miljoner" rather than "27,5 miljoner kronor", as in headlines. */
const WITHOUT_UNIT = "utan_kronor";

function unitOption(filter: string, value: unknown): { unit: boolean } {
  if (value === undefined || value === null) return { unit: true };
  if (value === WITHOUT_UNIT) return { unit: false };
  throw new PressFilterError(filter, `tillåter bara "${WITHOUT_UNIT}", fick ${describe(value)}.`);
}

export const PRESS_FILTERS: readonly PressFilter[] = [
  {
    name: "kronor",
    apply: (value) => formatKronor(wholeNumber("kronor", value, "ett belopp i kronor")),
    description: "Ett belopp i hela kronor, med hårda mellanslag mellan siffergrupperna.",
    example: "{{ 750000 | kronor }} → 750 000 kronor",
  },
  {
    name: "belopp",
    apply: (value) => keepGroupsTogether(formatAmountInPress(wholeNumber("belopp", value, "ett belopp i kronor"))),
    description:
      "Ett belopp som pressmeddelanden skriver det: miljoner med en decimal från en miljon, annars kronor (med hårda mellanslag).",
    example: "{{ 1800000 | belopp }} → 1,8 miljoner kronor; {{ 750000 | belopp }} → 750 000 kronor",
  },
  {
    name: "miljoner",
    apply: (value) =>
      keepGroupsTogether(formatAmountInPress(wholeNumber("miljoner", value, "ett belopp i kronor"), { unit: false })),
    description: "Ett belopp utan ordet kronor, som i en rubrik.",
    example: "{{ 27500000 | miljoner }} → 27,5 miljoner",
  },
  {
    name: "respektive",
    apply: (value, option) =>
      keepGroupsTogether(
        formatAmountsRespektive(
          list("respektive", value).map((a) => wholeNumber("respektive", a, "en lista med belopp i kronor")),
          unitOption("respektive", option),
        ),
      ),
    description:
      "En lista med belopp, i samma ordning som namnen de hör till, med \"respektive\" före det sista. Med \"utan_kronor\" utan enhet.",
    example: '{{ recipients | map: "amount" | respektive }} → 1,7 respektive 1,2 miljoner kronor',
  },
  {
    name: "lista",
    apply: (value) => formatList(texts("lista", value)),
    description: "En lista med namn eller ord: kommatecken emellan och \"och\" före det sista.",
    example: '{{ recipients | map: "name" | lista }} → Umeå kommun och Lycksele kommun',
  },
  {
    name: "i_ord",
    apply: (value, genus) =>
      keepGroupsTogether(countInWords(wholeNumber("i_ord", value, "ett antal"), gender("i_ord", genus))),
    description:
      "Ett antal i ord upp till tolv, därefter med siffror. Skriv \"ett\" efter filtret för ord som heter ett (ett landsting).",
    example: '{{ 2 | i_ord }} → två; {{ 1 | i_ord: "ett" }} → ett; {{ 17 | i_ord }} → 17',
  },
  {
    name: "andel_av",
    apply: (value, whole, noun, genus) => {
      const part = wholeNumber("andel_av", value, "ett antal");
      const total = wholeNumber("andel_av", whole, "ett antal att jämföra med");
      if (part > total) throw new PressFilterError("andel_av", `${part} är fler än de ${total} det är en del av.`);
      const nouns = Array.isArray(noun) ? formatList(texts("andel_av", noun)) : typeof noun === "string" ? noun : "";
      return keepGroupsTogether(formatShareOf(part, total, nouns, { gender: gender("andel_av", genus) }).trimEnd());
    },
    description:
      "\"två av de 17 kommuner\": antalet i ord, helheten med siffror, sedan ordet (eller en lista med ord). Skriv \"ett\" sist för ord som heter ett.",
    example:
      '{{ 2 | andel_av: 17, "kommuner" }} → två av de 17 kommuner; {{ 1 | andel_av: 12, "landsting", "ett" }} → ett av de 12 landsting',
  },
  {
    name: "ordningstal",
    apply: (value) => {
      const n = wholeNumber("ordningstal", value, "ett ordningsnummer");
      if (n === 0) throw new PressFilterError("ordningstal", "väntar sig 1 eller mer, fick 0.");
      return ordinalInWords(n);
    },
    description: "Ett ordningstal i ord: första, andra … tolfte, därefter 13:e, 21:a.",
    example: "{{ round.ordinal | ordningstal }} → femte",
  },
  {
    name: "datum",
    apply: (value) => {
      if (typeof value !== "string" && !(value instanceof Date)) {
        throw new PressFilterError("datum", `väntar sig ett datum (2026-11-23), fick ${describe(value)}.`);
      }
      return formatDateLong(value);
    },
    description: "Ett datum utskrivet: dag, månad i ord och år.",
    example: '{{ "2026-11-23" | datum }} → 23 november 2026',
  },
  {
    name: "lan_kort",
    apply: (value) => {
      if (typeof value === "string") return countyShortName(value);
      if (value && typeof value === "object" && !Array.isArray(value)) {
        const county = value as { short_name?: unknown; name?: unknown };
        if (typeof county.short_name === "string") return county.short_name;
        if (typeof county.name === "string") return countyShortName(county.name);
      }
      throw new PressFilterError("lan_kort", `väntar sig ett län eller länets namn, fick ${describe(value)}.`);
    },
    description: "Länets korta namn, som efter \"i\": Västerbottens län blir Västerbotten.",
    example: 'i {{ "Västerbottens län" | lan_kort }} → i Västerbotten',
  },
  {
    name: "versal",
    apply: (value) => {
      if (typeof value !== "string") throw new PressFilterError("versal", `väntar sig en text, fick ${describe(value)}.`);
      return capitalizeFirst(value);
    },
    description: "Stor bokstav först (resten som det är), för en mening som börjar med ett ord ur datat.",
    example: '{{ 2 | andel_av: 17, "kommuner" | versal }} → Två av de 17 kommuner',
  },
];
