import { afterAll, describe, expect, it } from "vitest";
import { probeRenderWorker, renderTemplate, stopRenderWorker } from "./render";

/*
 * The render thread starts once per file (tsx inside the thread from source, seconds on a busy machine); the timeout
 * of a render counts only from when the thread is ready, so these tests allow for a slow start.
 */
const SLOW_START = { timeout: 60_000 };

afterAll(async () => {
  await stopRenderWorker();
});

describe("renderTemplate", () => {
  it("renders a template with a press filter, a loop and assign", SLOW_START, async () => {
    const result = await renderTemplate(
      "{% assign total = round.granted %}{{ total | kronor }}: {% for r in recipients %}{{ r.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}",
      { round: { granted: 750000 }, recipients: [{ name: "Umeå kommun" }, { name: "Borås Stad" }] },
      { escape: "none" },
    );
    expect(result).toEqual({ ok: true, text: "750\u00a0000 kronor: Umeå kommun, Borås Stad" });
  });

  it("escapes values in HTML mode: a literal script and an organisation's name with HTML", SLOW_START, async () => {
    const context = { organisation: { name: `<img src=x onerror="alert(1)"> & Co` } };
    const html = await renderTemplate(`<p>{{ "<script>" }} {{ organisation.name }}</p>`, context, { escape: "html" });
    expect(html).toEqual({ ok: true, text: "<p>&lt;script&gt; &lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; Co</p>" });
    // Without escaping for plain text and Markdown.
    const text = await renderTemplate(`{{ organisation.name }}`, context, { escape: "none" });
    expect(text).toEqual({ ok: true, text: context.organisation.name });
  });

  it("has no raw filter to write a value past the escaping", SLOW_START, async () => {
    const result = await renderTemplate(`{{ organisation.name | raw }}`, { organisation: { name: "<b>x</b>" } }, { escape: "html" });
    expect(result).toMatchObject({ ok: false, error: { kind: "unknown-filter", line: 1 } });
  });

  it("stops an endless loop within the limit by terminating the thread, and the next render works", SLOW_START, async () => {
    const before = await probeRenderWorker(); // a ready thread, so the limit measures the render alone
    const rows = Array.from({ length: 3000 }, (_, i) => i);
    // 27 billion iterations over data (no range for liquidjs to count); a hard limit below liquidjs's own render
    // limit (800 ms), so only terminating the thread can stop it in time.
    const started = Date.now();
    const endless = await renderTemplate("{% for a in rows %}{% for b in rows %}{% for c in rows %}{% endfor %}{% endfor %}{% endfor %}", { rows }, { timeoutMs: 300 });
    const elapsed = Date.now() - started;
    expect(endless).toEqual({ ok: false, error: { kind: "timeout", message: "Mallen tar för lång tid att fylla i och stoppades. Kontrollera slingorna i mallen." } });
    expect(elapsed).toBeLessThan(5_000); // generous for a shared machine; no render would end by itself in hours
    expect(await renderTemplate("{{ a }}", { a: "igen" })).toEqual({ ok: true, text: "igen" });
    expect((await probeRenderWorker()).threadId).not.toBe(before.threadId);
  });

  it("stops a loop at liquidjs's own limits first: a huge range and nested loops", SLOW_START, async () => {
    const range = await renderTemplate("{% for i in (1..100000000) %}{% endfor %}", {});
    expect(range).toMatchObject({ ok: false, error: { kind: "too-long" } });
    const nested = await renderTemplate("{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}", {});
    expect(nested.ok).toBe(false);
    const thread = await probeRenderWorker();
    // Over data, liquidjs's render limit (800 ms) stops it cooperatively under a far hard limit: the thread is kept.
    const rows = Array.from({ length: 3000 }, (_, i) => i);
    const slow = await renderTemplate("{% for a in rows %}{% for b in rows %}{% for c in rows %}{% endfor %}{% endfor %}{% endfor %}", { rows }, { timeoutMs: 30_000 });
    expect(slow).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(await renderTemplate("{{ 2 | plus: 2 }}", {})).toEqual({ ok: true, text: "4" });
    expect((await probeRenderWorker()).threadId).toBe(thread.threadId);
  });

  it("refuses an output longer than the cap, a megabyte", SLOW_START, async () => {
    const megabyte = "{% for i in (1..1000) %}" + "x".repeat(1000) + "{% endfor %}";
    const result = await renderTemplate(megabyte, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "too-long" } });
    if (!result.ok) expect(result.error.message).toContain("högst 200");
    expect(await renderTemplate("{% for i in (1..3) %}x{% endfor %}", {}, { maxOutput: 3 })).toEqual({ ok: true, text: "xxx" });
    expect(await renderTemplate("{% for i in (1..4) %}x{% endfor %}", {}, { maxOutput: 3 })).toMatchObject({ ok: false, error: { kind: "too-long" } });
  });

  it("gives the thread no environment: process.env is empty there and unreachable from a template", SLOW_START, async () => {
    process.env.ANSLAG_RENDER_TEST_SECRET = "hemligt";
    await stopRenderWorker(); // a fresh thread, started after the secret was set
    try {
      expect((await probeRenderWorker()).envKeys).toEqual([]);
      const result = await renderTemplate("[{{ process.env.ANSLAG_RENDER_TEST_SECRET }}{{ env.ANSLAG_RENDER_TEST_SECRET }}{{ global.process }}]", {});
      expect(result).toEqual({ ok: true, text: "[]" });
    } finally {
      delete process.env.ANSLAG_RENDER_TEST_SECRET;
    }
  });

  it("refuses include and render of a file", SLOW_START, async () => {
    for (const source of ["{% include 'package.json' %}", "{% render '/etc/passwd' %}", "rad 1\n{% layout 'x' %}"]) {
      const result = await renderTemplate(source, {});
      expect(result).toMatchObject({ ok: false, error: { kind: "parse" } });
      if (!result.ok) expect(result.error.message).toMatch(/^Taggen (include|render|layout) är inte tillåten/);
    }
  });

  it("answers a template that does not parse with the line and the column", SLOW_START, async () => {
    const result = await renderTemplate("Rad ett\nRad två {% if round.last %}", {});
    expect(result).toEqual({
      ok: false,
      error: { kind: "parse", message: "Taggen {% if round.last %} avslutas aldrig på rad 2, kolumn 9.", line: 2, column: 9 },
    });
  });

  it("answers renders sent together in turn: one that overruns does not take the others with it", SLOW_START, async () => {
    await probeRenderWorker();
    const rows = Array.from({ length: 3000 }, (_, i) => i);
    const endless = "{% for a in rows %}{% for b in rows %}{% for c in rows %}{% endfor %}{% endfor %}{% endfor %}";
    const results = await Promise.all([
      renderTemplate("{{ n }}", { n: "först" }),
      renderTemplate(endless, { rows }, { timeoutMs: 300 }),
      renderTemplate("{{ n }}", { n: "sist" }),
    ]);
    expect(results.map((r) => (r.ok ? r.text : r.error.kind))).toEqual(["först", "timeout", "sist"]);
  });

  it("reads own data only: no prototype properties through the context", SLOW_START, async () => {
    const result = await renderTemplate("[{{ round.constructor.name }}{{ round.__proto__ }}{{ list.constructor }}]", { round: { a: 1 }, list: [1] });
    expect(result).toEqual({ ok: true, text: "[]" });
  });

  it("answers a value a filter cannot take with the place, in Swedish", SLOW_START, async () => {
    expect(await renderTemplate("Belopp:\n{{ x | kronor }}", { x: 1.5 })).toEqual({
      ok: false,
      error: { kind: "render", message: "Mallen kunde inte fyllas i på rad 2, kolumn 1: värdet i {{ x | kronor }} passar inte.", line: 2, column: 1 },
    });
  });

  it("copies the context as plain data: functions do not reach the thread", SLOW_START, async () => {
    const result = await renderTemplate("[{{ f }}]{{ n }}", { f: () => "körd", n: 3 });
    expect(result).toEqual({ ok: true, text: "[]3" });
  });
});
