import { Liquid } from "liquidjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { findTestApplicationId, findTestRoundId } from "@/db/testing/press";
import { loadPressContext, PRESS_VARIABLES, type PressTarget } from "./context";
import { PRESS_FILTERS } from "./filters";
import { renderTemplate, stopRenderWorker } from "./render";
import { PRESS_TEMPLATE_KEYS, shippedTemplateSource, type PressTemplateKey } from "./templates";
import { validateTemplate } from "./validate";

/*
 * The two halves meet: the shipped templates pass the check made on save against the variables the editor lists,
 * and the sandboxed renderer (a worker thread) gives exactly what a plain liquidjs gives in process.
 */

const ALL = { kind: "all" } as const;
let db: Db;

beforeAll(async () => {
  db = freshTestDb().db;
  await seedDemo(db);
});
afterAll(async () => {
  await stopRenderWorker();
});

function targetFor(key: PressTemplateKey): PressTarget {
  const fifth = findTestRoundId(db, "HJ", 5);
  if (key === "round") return { kind: "round", roundId: fifth };
  if (key === "county") return { kind: "county", roundId: fifth, countyCode: "14" };
  return { kind: "recipient", applicationId: findTestApplicationId(db, fifth, "Borås Stad") };
}

describe("the shipped templates", () => {
  for (const key of PRESS_TEMPLATE_KEYS) {
    it(`${key}: passes the check on save against the listed variables`, () => {
      expect(validateTemplate(shippedTemplateSource(key), PRESS_VARIABLES.map((v) => v.path))).toEqual({ ok: true });
    });

    it(`${key}: renders in the worker exactly as in process`, async () => {
      const context = loadPressContext(db, targetFor(key), ALL);
      expect(context).not.toBeNull();
      const liquid = new Liquid({ strictFilters: true, strictVariables: true });
      for (const f of PRESS_FILTERS) liquid.registerFilter(f.name, f.apply);
      const expected = liquid.parseAndRenderSync(shippedTemplateSource(key), context!);
      const result = await renderTemplate(shippedTemplateSource(key), context!, { escape: "none" });
      expect(result).toEqual({ ok: true, text: expected });
      expect(expected.length).toBeGreaterThan(500);
    });
  }
});
