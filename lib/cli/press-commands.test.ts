import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb, tempDir } from "@/db/testing";
import { stopRenderWorker } from "@/lib/press/render";
import { main } from "./main";

vi.setConfig({ testTimeout: 30_000 });

let log: MockInstance<typeof console.log>;
let error: MockInstance<typeof console.error>;
let stdout: MockInstance<typeof process.stdout.write>;

beforeEach(async () => {
  await seedDemo(freshTestDb().db);
  log = vi.spyOn(console, "log").mockImplementation(() => {});
  error = vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => stopRenderWorker());

const written = () => stdout.mock.calls.map((args) => String(args[0])).join("");
const messages = () => [...log.mock.calls, ...error.mock.calls].map((args) => args.join(" ")).join("\n");

describe("press", () => {
  it("lists the templates' keys", async () => {
    expect(await main(["press", "templates"])).toBe(0);
    expect(log.mock.calls.map((args) => String(args[0]).split("\t")[0])).toEqual(["round", "county", "recipient"]);
  });

  it("renders the county release of Västerbotten in the fourth round as Markdown to standard output", async () => {
    expect(await main(["press", "render", "--template", "county", "--round", "4", "--county", "24", "--format", "md"])).toBe(0);
    const text = written();
    expect(text.startsWith("# Mer pengar till jämställdhet i Västerbotten\n")).toBe(true);
    expect(text).toContain("miljoner kronor till Västerbottens läns landsting, Umeå kommun, Skellefteå kommun och Lycksele kommun");
  });

  it("renders one recipient's release as plain text into a file", async () => {
    const out = join(tempDir("anslag-press-"), "boras.txt");
    expect(await main(["press", "render", "--template", "recipient", "--round", "5", "--organisation", "Borås Stad", "--format", "txt", "--out", out])).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toBe("1,2 miljoner till jämställdhetsarbete i Borås");
    expect(text).toContain("21 av de 45 projektansökningar");
  });

  it("refuses a format it does not have yet, an unknown template and a recipient without a grant, with exit codes 2 and 1", async () => {
    expect(await main(["press", "render", "--template", "round", "--round", "5", "--format", "docx"])).toBe(2);
    expect(messages()).toContain("Formatet docx finns inte än. Välj md eller txt.");
    expect(await main(["press", "render", "--template", "nyhet", "--round", "5", "--format", "md"])).toBe(2);
    expect(messages()).toContain("Mallen nyhet finns inte.");
    expect(await main(["press", "render", "--template", "recipient", "--round", "5", "--organisation", "Finns inte kommun", "--format", "md"])).toBe(1);
    expect(messages()).toContain("Organisationen Finns inte kommun finns inte.");
    expect(written()).toBe("");
  });
});
