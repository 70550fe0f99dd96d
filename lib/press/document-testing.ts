import { Liquid } from "liquidjs";
import type { Db } from "@/db/client";
import { findTestApplicationId, findTestRoundId } from "@/db/testing/press";
import { loadPressContext, type PressContext, type PressTarget } from "./context";
import { PRESS_FILTERS } from "./filters";
import { PRESS_TEMPLATE_KEYS, shippedTemplateSource, type PressTemplateKey } from "./templates";

/*
 * For tests: the three shipped templates rendered in process (a plain strict liquidjs, as templates.test.ts does)
 * against a demo database: the fifth round, Västerbotten in the fourth (two or more recipients), Borås Stad alone.
 */

export type RenderedShipped = Record<PressTemplateKey, { context: PressContext; text: string }>;

export function renderShippedForTest(db: Db): RenderedShipped {
  const fifth = findTestRoundId(db, "HJ", 5);
  const targets: Record<PressTemplateKey, PressTarget> = {
    round: { kind: "round", roundId: fifth },
    county: { kind: "county", roundId: findTestRoundId(db, "HJ", 4), countyCode: "24" },
    recipient: { kind: "recipient", applicationId: findTestApplicationId(db, fifth, "Borås Stad") },
  };
  const liquid = new Liquid({ strictFilters: true, strictVariables: true });
  for (const f of PRESS_FILTERS) liquid.registerFilter(f.name, f.apply);
  const out = {} as RenderedShipped;
  for (const key of PRESS_TEMPLATE_KEYS) {
    const context = loadPressContext(db, targets[key], { kind: "all" });
    if (!context) throw new Error(`no context for ${key}`);
    out[key] = { context, text: liquid.parseAndRenderSync(shippedTemplateSource(key), context) };
  }
  return out;
}
