import { formatKronor } from "@/lib/format";

/*
 * The filters a press template may use ({{ round.granted | miljoner }}), each with what the template editor shows:
 * a Swedish description and an example. Built on lib/format/, the same Swedish as the rest of Anslag. The renderer
 * registers exactly these; any other filter name is refused when a template is saved.
 */

export type PressFilter = {
  /** The name in a template: `{{ x | name: arg }}`. */
  name: string;
  apply: (value: unknown, ...args: unknown[]) => string | number;
  /** What it does, in Swedish, for the editor. */
  description: string;
  /** An example, in Swedish, for the editor: `{{ 1200000 | kronor }}` -> "1 200 000 kronor". */
  example: string;
};

export const PRESS_FILTERS: readonly PressFilter[] = [
  {
    name: "kronor",
    apply: (value) => formatKronor(Number(value)),
    description: "Ett belopp i hela kronor.",
    example: "{{ 750000 | kronor }} → 750 000 kronor",
  },
];
