import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { readSheet } from "read-excel-file/node";
import { APPLICATION_TEMPLATE_COLUMNS, COLUMN_LABELS, COLUMN_NAMES, type ColumnName } from "@/lib/import/columns";
import { signInWith, test, expect } from "./fixtures";
import { createApplication, createOpenRound, createUser, uniqueCode } from "./data";

/** The template's columns without the decision's (the rows below register applications only). */
const HEADINGS = APPLICATION_TEMPLATE_COLUMNS.slice(0, APPLICATION_TEMPLATE_COLUMNS.indexOf("decision"));
/** The export's column index of a column. */
const exported = (name: ColumnName) => COLUMN_NAMES.indexOf(name);

/** Rows 2 and 4 are good; row 3 asks for a negative amount. */
const ROWS = [
  'Umeå kommun;;2480;24;;Jämställd förskola i Umeå;Pedagoger utbildas.;"Förskola; Ledarskap";1 200 000;Anna Berg;Projektledare;090-16 10 00;anna.berg@umea.se',
  "Borås Stad;Kommun;1490;14;;Trygga stråk;;Stadsplanering;-50 000;Erik Lund;;;",
  "Linköpings kommun;;0580;05;;Lika villkor i idrotten;;Idrott;600 000;Karl Ek;Strateg;013-20 60 00;karl.ek@linkoping.se",
];

/**
 * The file as Swedish Excel saves "CSV UTF-8 (semikolonavgränsad)": a byte order mark, ";" and CRLF. It is written
 * into the test's own output directory, which Playwright manages (and empties before each run).
 */
function writeImportFile(): string {
  const path = test.info().outputPath("ansokningar.csv");
  writeFileSync(path, `\uFEFF${[HEADINGS.join(";"), ...ROWS].join("\r\n")}\r\n`, "utf8");
  return path;
}

async function previewFile(page: Page, path: string, allOrNothing: boolean) {
  await page.getByLabel("Fil (CSV eller XLSX)").setInputFiles(path);
  if (allOrNothing) await page.getByLabel("Allt eller inget: läs inte in något om någon rad har fel").check();
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Förhandsgranskning" })).toBeVisible();
}

/**
 * Signs in an officer of the test's own: imports are one at a time per user and a few a minute
 * (lib/import/limits.ts), so tests that import in parallel must not share the demo officer.
 */
async function signInOwnOfficer(page: Page): Promise<void> {
  const account = await createUser("officer");
  await signInWith(page, account);
}

async function download(page: Page, linkName: string): Promise<{ file: Download; bytes: Buffer }> {
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName, exact: true }).click();
  const file = await event;
  return { file, bytes: await readFile(await file.path()) };
}

test.describe("importing applications from a file", () => {
  test("an officer previews a file with a bad row, imports the good rows and finds them in the round", async ({ page, expectAccessible }) => {
    const { roundId, code } = createOpenRound();
    const path = writeImportFile();
    await signInOwnOfficer(page);
    await page.goto(`/omgangar/${roundId}`);
    await expectAccessible();
    await page.getByRole("link", { name: "Läs in från fil" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Läs in ansökningar från fil" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Kolumner i filen" })).toContainText("requested_amount");
    await expectAccessible();

    // Step 1: the preview shows the bad row's number, column and message, and writes nothing.
    await previewFile(page, path, false);
    await expect(page.getByText("2 rader av 3 kan läsas in.")).toBeVisible();
    await expect(page.getByText("1 rad har fel och läses inte in.")).toBeVisible();
    const refused = page.getByRole("table", { name: "Rader med fel" });
    await expect(refused.getByRole("row")).toHaveCount(2);
    await expect(refused.getByRole("row").nth(1).getByRole("cell")).toHaveText(["3", "requested_amount", "Beloppet kan inte vara negativt."]);
    const valid = page.getByRole("table", { name: "Rader som kan läsas in" });
    await expect(valid.getByRole("row")).toHaveCount(3);
    await expect(valid.getByRole("row").nth(1).getByRole("cell")).toHaveText(["2", "Umeå kommun", "Jämställd förskola i Umeå", "1 200 000 kronor", "Inget beslut"]);
    await expectAccessible("the preview with a refused row");

    // Step 2: the same file is sent again, checked again, and the good rows are registered.
    await page.getByRole("button", { name: "Läs in", exact: true }).click();
    const result = page.getByRole("region", { name: "Resultat" });
    await expect(result.getByText("2 ansökningar lästes in.")).toBeVisible();
    await expect(result.getByText("1 rad lästes inte in.")).toBeVisible();
    const imported = result.getByRole("table", { name: "Inlästa ansökningar" });
    await expect(imported.getByRole("link", { name: `${code}-2026-0001` })).toBeVisible();
    await expect(imported.getByRole("link", { name: `${code}-2026-0002` })).toBeVisible();
    await expect(result.getByRole("table", { name: "Rader som inte lästes in" }).getByRole("cell")).toHaveText([
      "3",
      "requested_amount",
      "Beloppet kan inte vara negativt.",
    ]);
    await expect(page.getByRole("heading", { level: 2, name: "Förhandsgranskning" })).toHaveCount(0);
    await expectAccessible("the import report");

    await result.getByRole("link", { name: "Tillbaka till omgången" }).click();
    await expect(page).toHaveURL(new RegExp(`/omgangar/${roundId}$`));
    const table = page.getByRole("table", { name: "Ansökningar i omgången" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table).toContainText("Jämställd förskola i Umeå");
    await expect(table).toContainText("Lika villkor i idrotten");
    await expect(table).not.toContainText("Trygga stråk");
    await expectAccessible();

    // The report's registration number leads to the application.
    await page.getByRole("link", { name: `${code}-2026-0002` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${code}-2026-0002: Lika villkor i idrotten`);
    await expectAccessible();
  });

  test("with all or nothing, a file with a bad row cannot be imported, in the page or by posting it directly", async ({
    page,
    expectAccessible,
  }) => {
    const { roundId } = createOpenRound();
    const path = writeImportFile();
    await signInOwnOfficer(page);
    await page.goto(`/omgangar/${roundId}/import`);
    await expectAccessible();

    await previewFile(page, path, true);
    const importButton = page.getByRole("button", { name: "Läs in", exact: true });
    await expect(importButton).toBeDisabled();
    await expect(page.getByText(/Filen kan inte läsas in: den har rader med fel och Allt eller inget är valt/)).toBeVisible();
    await expectAccessible("the preview of a file that cannot be imported all or nothing");
    // Unticked, the good rows could be imported: the button follows the choice.
    await page.getByLabel("Allt eller inget: läs inte in något om någon rad har fel").uncheck();
    await expect(importButton).toBeEnabled();
    await page.getByLabel("Allt eller inget: läs inte in något om någon rad har fel").check();
    await expect(importButton).toBeDisabled();

    // The server decides, whatever the page lets through.
    const response = await page.request.post(`/omgangar/${roundId}/import/run`, {
      multipart: {
        file: { name: "ansokningar.csv", mimeType: "text/csv", buffer: readFileSync(path) },
        mode: "import",
        allOrNothing: "true",
      },
    });
    expect(response.status()).toBe(200);
    const events = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { phase: string });
    expect(events.at(-1)).toMatchObject({ phase: "done", report: { allOrNothing: true, imported: 0, refused: 1, skipped: 2 } });

    await page.goto(`/omgangar/${roundId}`);
    await expect(page.getByText("Inga ansökningar har registrerats i omgången än.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Ansökningar i omgången" })).toHaveCount(0);
    await expectAccessible();
  });

  test("an officer who has checked six files in a minute is asked to wait, in Swedish", async ({ page, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const path = writeImportFile();
    await signInOwnOfficer(page);
    const preview = () =>
      page.request.post(`/omgangar/${roundId}/import/run`, {
        multipart: { file: { name: "ansokningar.csv", mimeType: "text/csv", buffer: readFileSync(path) }, mode: "preview", allOrNothing: "false" },
      });
    for (let i = 0; i < 6; i++) expect((await preview()).status()).toBe(200);
    await page.goto(`/omgangar/${roundId}/import`);
    await expectAccessible();
    await page.getByLabel("Fil (CSV eller XLSX)").setInputFiles(path);
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByText("Du har läst in eller förhandsgranskat sex filer den senaste minuten, och fler går inte. Vänta en minut och försök igen.")).toBeVisible();
    await expectAccessible("the import refused for now");
    const refused = await preview();
    expect(refused.status()).toBe(429);
  });

  test("the import refuses a file over 10 MB before sending it, and the server refuses it too", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    await login("officer");
    await page.goto(`/omgangar/${roundId}/import`);
    await expectAccessible();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    await page.getByLabel("Fil (CSV eller XLSX)").setInputFiles({ name: "stor.csv", mimeType: "text/csv", buffer: big });
    await expect(page.getByText("Filen är för stor (högst 10 MB).")).toBeVisible();
    await expect(page.getByLabel("Fil (CSV eller XLSX)")).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Förhandsgranskning" })).toHaveCount(0);
    await expectAccessible("the import page with a file that is too large");

    const response = await page.request.post(`/omgangar/${roundId}/import/run`, {
      multipart: { file: { name: "stor.csv", mimeType: "text/csv", buffer: big }, mode: "preview", allOrNothing: "false" },
    });
    expect(response.status()).toBe(413);
    expect(JSON.parse(await response.text())).toEqual({ phase: "error", message: "Filen är för stor (högst 10 MB)." });
  });

  test("the import is for those who register applications: communications gets 403 for the page and the upload", async ({
    page,
    login,
    expectAccessible,
  }) => {
    const { roundId } = createOpenRound();
    await login("communications");
    const forbidden = await page.goto(`/omgangar/${roundId}/import`);
    expect(forbidden?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
    await expectAccessible();
    const post = await page.request.post(`/omgangar/${roundId}/import/run`, {
      multipart: { file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from(HEADINGS.join(";")) }, mode: "import", allOrNothing: "false" },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
  });

  test("an upload posted from another origin is refused with 403 and writes nothing", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const path = writeImportFile();
    await login("officer");
    const multipart = {
      file: { name: "ansokningar.csv", mimeType: "text/csv", buffer: readFileSync(path) },
      mode: "import",
      allOrNothing: "false",
    };
    // A page on another origin of the same site (another subdomain or port) posting with the officer's cookies.
    for (const origin of [`http://evil.localhost:${new URL(page.url()).port}`, "http://localhost:1", "null"]) {
      const forged = await page.request.post(`/omgangar/${roundId}/import/run`, { multipart, headers: { Origin: origin } });
      expect(forged.status(), origin).toBe(403);
      expect(JSON.parse(await forged.text())).toEqual({
        phase: "error",
        message: "Begäran kom från en annan webbplats och avvisades. Ladda om sidan i Anslag och försök igen.",
      });
    }
    await page.goto(`/omgangar/${roundId}`);
    await expect(page.getByRole("table", { name: "Ansökningar i omgången" })).toHaveCount(0);
    await expectAccessible();

    // The same post from the app's own origin goes through.
    const own = await page.request.post(`/omgangar/${roundId}/import/run`, { multipart, headers: { Origin: new URL(page.url()).origin } });
    expect(own.status()).toBe(200);
    expect((await own.text()).trim().split("\n").at(-1)).toContain('"phase":"done"');
  });

  test("the help says what is required, gives the Swedish headings and warns before importing into a decided round", async ({
    page,
    login,
    expectAccessible,
  }) => {
    await login("officer");
    await page.getByRole("link", { name: "Femte omgången 2013" }).click();
    // The round's page first, then its check (a check of the start page would leave the round's page unchecked).
    await expect(page.getByRole("heading", { level: 1, name: "Femte omgången 2013" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Läs in från fil" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Läs in ansökningar från fil" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Omgången är avgjord" })).toContainText("tidigare omgång med dess beslut");
    const columns = page.getByRole("table", { name: "Kolumner i filen" });
    await expect(columns.getByRole("row", { name: /project_title/ }).getByRole("cell")).toHaveText([
      "project_title",
      "Projekttitel",
      "Ja",
      /Projektets titel/,
    ]);
    await expect(columns.getByRole("row", { name: /^contact_phone/ }).getByRole("cell").nth(2)).toHaveText("Nej");
    await expect(columns.getByRole("row", { name: /^organisation_kind/ }).getByRole("cell").nth(2)).toHaveText(
      "För en ny organisation som inte är en kommun",
    );
    await expectAccessible();
  });

  test("an unknown round has no import page", async ({ page, login, expectAccessible }) => {
    await login("officer");
    const missing = await page.goto("/omgangar/999999/import");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expectAccessible();
  });
});

test.describe("exporting a round's applications", () => {
  test("an officer downloads the fifth round as CSV and XLSX with Swedish headings", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await page.getByRole("link", { name: "Femte omgången 2013" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Femte omgången 2013" })).toBeVisible();
    await expectAccessible();

    const csv = await download(page, "Exportera CSV");
    expect(csv.file.suggestedFilename()).toBe("ansokningar-HJ-2013-omgang-5.csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString("utf8").replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    // The column table's Swedish headings, in its order (lib/export/applications.test.ts spells them out).
    expect(lines[0]).toBe(COLUMN_NAMES.map((name) => COLUMN_LABELS[name]).join(";"));
    expect(lines[0]).toMatch(/^Diarienummer;Organisation;Organisationstyp;/);
    expect(lines).toHaveLength(46);
    expect(lines[1]).toMatch(/^HJ-2013-\d{4};/);

    const xlsx = await download(page, "Exportera XLSX");
    expect(xlsx.file.suggestedFilename()).toBe("ansokningar-HJ-2013-omgang-5.xlsx");
    const sheet = await readSheet(xlsx.bytes);
    expect(sheet[0]?.slice(0, 3)).toEqual(["Diarienummer", "Organisation", "Organisationstyp"]);
    expect(sheet).toHaveLength(46);
    expect(String(sheet[1]?.[0])).toMatch(/^HJ-2013-\d{4}$/);
  });

  test("the export follows the list on screen, and the file imports whole into another round", async ({ page, expectAccessible }) => {
    const source = createOpenRound();
    const target = createOpenRound({ year: 2027 });
    const tag = uniqueCode();
    createApplication(source.roundId, {
      leadOrganisation: { name: "Umeå kommun" },
      coApplicants: "Lycksele kommun",
      projectTitle: `Förskola ${tag}`,
      description: "Pedagoger utbildas.\nTvå år.",
      focusAreas: "Förskola; Ledarskap",
      requestedAmount: 1_200_000,
      contactName: "Anna Berg",
      contactPhone: "+46 90 16 10 00",
      contactEmail: "anna.berg@umea.se",
    });
    createApplication(source.roundId, { projectTitle: `Idrott ${tag}`, requestedAmount: 400_000 });
    createApplication(source.roundId, { projectTitle: `Annat projekt ${uniqueCode()}`, requestedAmount: 300_000 });

    await signInOwnOfficer(page);
    await page.goto(`/omgangar/${source.roundId}?sok=${encodeURIComponent(tag)}&sortera=belopp&ordning=desc`);
    await expectAccessible();
    await expect(page.getByRole("table", { name: "Ansökningar i omgången" }).getByRole("row")).toHaveCount(3);

    const csv = await download(page, "Exportera CSV");
    const lines = csv.bytes.toString("utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    // The two applications the search finds, largest first, as on screen; the description's line break is quoted.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`;Förskola ${tag};"Pedagoger utbildas.\nTvå år.";Förskola; Ledarskap;1200000;`.replace("Förskola; Ledarskap", '"Förskola; Ledarskap"'));
    expect(lines[1]).toContain(";'+46 90 16 10 00;anna.berg@umea.se");
    expect(lines[2]).toContain(`;Idrott ${tag};`);

    const xlsx = await download(page, "Exportera XLSX");
    const sheet = await readSheet(xlsx.bytes);
    expect(sheet.map((row) => row[exported("project_title")])).toEqual(["Projekttitel", `Förskola ${tag}`, `Idrott ${tag}`]);
    expect(sheet[1]?.[exported("contact_phone")]).toBe("+46 90 16 10 00");

    // Into another round, as it was downloaded.
    const path = test.info().outputPath(csv.file.suggestedFilename());
    writeFileSync(path, csv.bytes);
    await page.goto(`/omgangar/${target.roundId}/import`);
    await expectAccessible();
    await previewFile(page, path, true);
    await expect(page.getByText("2 rader av 2 kan läsas in.")).toBeVisible();
    await page.getByRole("button", { name: "Läs in", exact: true }).click();
    await expect(page.getByRole("region", { name: "Resultat" }).getByText("2 ansökningar lästes in.")).toBeVisible();
    await expectAccessible("the report of the re-imported export");

    await page.goto(`/omgangar/${target.roundId}?sok=${encodeURIComponent(`Förskola ${tag}`)}`);
    await expectAccessible();
    await page.getByRole("link", { name: `${target.code}-2027-0001` }).click();
    const main = page.getByRole("main");
    await expect(main).toContainText("Lycksele kommun");
    await expect(main).toContainText("Pedagoger utbildas.");
    await expect(main).toContainText("Ledarskap");
    await expect(main).toContainText("+46 90 16 10 00");
    await expect(main).toContainText("anna.berg@umea.se");
    await expectAccessible();
  });

  test("an unknown format or round is refused", async ({ page, login }) => {
    const { roundId } = createOpenRound();
    await login("officer");
    const unknown = await page.request.get(`/omgangar/${roundId}/export?format=pdf`);
    expect(unknown.status()).toBe(400);
    expect(await unknown.text()).toBe("Ange format=csv eller format=xlsx.");
    const missing = await page.request.get("/omgangar/999999/export?format=csv");
    expect(missing.status()).toBe(404);
  });

  test("a coordinator may not export a round", async ({ page, login }) => {
    const { roundId } = createOpenRound();
    await login("coordinator");
    const refused = await page.request.get(`/omgangar/${roundId}/export?format=csv`, { maxRedirects: 0 });
    expect(refused.status()).toBe(403);
  });
});
