import { beforeEach, describe, expect, it } from "vitest";
import {
  IMPORT_ALREADY_RUNNING,
  IMPORT_TOO_OFTEN,
  IMPORTS_AT_ONCE,
  IMPORTS_BUSY,
  IMPORTS_PER_USER_PER_MINUTE,
  resetImportLimits,
  takeImportSlot,
  type ImportSlot,
  type SlotRefusal,
} from "./limits";

const slot = (taken: ImportSlot | SlotRefusal): ImportSlot => {
  if ("refused" in taken) throw new Error(taken.refused);
  return taken;
};

beforeEach(() => resetImportLimits());

describe("takeImportSlot", () => {
  it("lets a user run one import at a time, and another user meanwhile", () => {
    const first = slot(takeImportSlot(1, 0));
    expect(takeImportSlot(1, 1)).toEqual({ refused: IMPORT_ALREADY_RUNNING });
    const other = slot(takeImportSlot(2, 1));
    first.release();
    first.release(); // twice is harmless
    slot(takeImportSlot(1, 2)).release();
    other.release();
  });

  it("allows a few a minute per user, then says to wait a minute", () => {
    for (let i = 0; i < IMPORTS_PER_USER_PER_MINUTE; i++) slot(takeImportSlot(1, i * 1000)).release();
    expect(takeImportSlot(1, 10_000)).toEqual({ refused: IMPORT_TOO_OFTEN });
    expect(IMPORT_TOO_OFTEN).toContain("sex filer");
    expect(IMPORTS_PER_USER_PER_MINUTE).toBe(6);
    // A minute after the first one, one more may start.
    slot(takeImportSlot(1, 60_000)).release();
  });

  it("runs a few on the server at once", () => {
    const running = Array.from({ length: IMPORTS_AT_ONCE }, (_, i) => slot(takeImportSlot(10 + i, 0)));
    expect(takeImportSlot(99, 0)).toEqual({ refused: IMPORTS_BUSY });
    running[0]?.release();
    slot(takeImportSlot(99, 0));
  });
});
