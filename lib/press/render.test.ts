import { afterAll, describe, expect, it, vi } from "vitest";
import { probeRenderWorker, renderTemplate, stopRenderWorker } from "./render";

afterAll(async () => {
  await stopRenderWorker();
});

describe("renderTemplate", () => {
  it("renders a template with a press filter", async () => {
    const result = await renderTemplate("{{ round.granted | kronor }} till {{ recipients.size }}", { round: { granted: 750000 }, recipients: [1, 2] }, { escape: "none" });
    expect(result).toEqual({ ok: true, text: "750\u00a0000 kronor till 2" });
  });
});
