/*
 * What can go wrong with a press template, for the editor (save) and for rendering. Messages are Swedish and name the
 * line and the column where there is one, so the editor can show them at the line.
 */

export type TemplateErrorKind = "parse" | "unknown-variable" | "unknown-filter" | "timeout" | "too-long" | "render";

export type TemplateError = {
  kind: TemplateErrorKind;
  /** Swedish, complete sentence(s), ready to show. */
  message: string;
  /** 1-based, where the template has a position for the error. */
  line?: number;
  column?: number;
  /** The nearest known name (a variable path or a filter), as the author would write it. */
  suggestion?: string;
};

export type RenderResult = { ok: true; text: string } | { ok: false; error: TemplateError };

export function at(line: number | undefined, column: number | undefined): string {
  return line === undefined ? "" : column === undefined ? ` på rad ${line}` : ` på rad ${line}, kolumn ${column}`;
}

export function tooLong(max: number): TemplateError {
  return {
    kind: "too-long",
    message: `Texten blir för lång: högst ${max.toLocaleString("sv-SE")} tecken. Kontrollera slingorna i mallen.`,
  };
}

export function timedOut(): TemplateError {
  return {
    kind: "timeout",
    message: "Mallen tar för lång tid att fylla i och stoppades. Kontrollera slingorna i mallen.",
  };
}

/** liquidjs's allocation count ran out: a range or a list too long for a press release. */
export function tooMuchData(): TemplateError {
  return {
    kind: "too-long",
    message: "Mallen skapar för mycket data att fylla i (en slinga med för många varv eller en för lång lista). Kontrollera slingorna i mallen.",
  };
}
