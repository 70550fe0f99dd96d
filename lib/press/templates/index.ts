import { readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * The three templates Anslag ships, as Liquid source in this folder. A later step installs them into the database
 * by a migration; until then this is how code and tests get their source.
 */

export const PRESS_TEMPLATE_KEYS = ["round", "county", "recipient"] as const;
export type PressTemplateKey = (typeof PRESS_TEMPLATE_KEYS)[number];

export const PRESS_TEMPLATE_NAMES: Record<PressTemplateKey, string> = {
  round: "Omgången, hela landet",
  county: "Mottagarna i ett län",
  recipient: "En mottagare, med plats för citat",
};

/** The source of a shipped template (read from the repository, relative to the working directory). */
export function shippedTemplateSource(key: PressTemplateKey): string {
  return readFileSync(join(process.cwd(), "lib/press/templates", `${key}.liquid`), "utf8");
}
