import type { APIRequestContext, Page } from "@playwright/test";
import { createGrantedRound, insertRelease, releaseAuditEvents, releaseStatus } from "./data";
import { expect, test } from "./fixtures";

/*
 * The public newsroom as a visitor sees it (no sign-in), and the embargo walk: a scheduled and an embargoed release
 * are in no public channel before their time, and then appear in every one by themselves, published by the server's
 * own scheduler with no request to trigger it.
 */

async function text(request: APIRequestContext, path: string): Promise<{ status: number; body: string }> {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

async function jsonLdOf(page: Page): Promise<Record<string, unknown>[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((s) => JSON.parse(s) as Record<string, unknown>);
}

test.describe("the public newsroom", () => {
  test("a visitor browses the list, filters by topic and region, reads a release and its round's grants list, and sorts it", async ({ page, expectAccessible, request }, testInfo) => {
    // Other tests publish releases of their own, newer than the demo's: the demo's may be on a later page of the
    // whole list, so the list is checked for its order and the demo's releases where their filters put them.
    await page.goto("/nyheter");
    await expect(page.getByRole("heading", { level: 1, name: "Nyheter" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("listitem").first()).toBeVisible();
    await expectAccessible();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: testInfo.outputPath("nyheter-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("nyheter-390.png"), fullPage: true });
    await expectAccessible("the newsroom on a phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    const filters = page.getByRole("navigation", { name: "Välj ämne eller region" });
    await filters.getByRole("link", { name: "Utbildning" }).click();
    await expect(page).toHaveURL(/\/nyheter\/amne\/utbildning$/);
    await expect(page.getByRole("heading", { level: 1, name: "Nyheter: Utbildning" })).toBeVisible();
    await expect(page.getByRole("link", { name: "1,2 miljoner till jämställdhetsarbete för medborgarna" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mer pengar till jämställdhet i Västerbotten" })).toHaveCount(0);
    await expectAccessible();

    await filters.getByRole("link", { name: "Alla ämnen" }).click();
    await expect(page).toHaveURL(/\/nyheter$/);
    await filters.getByRole("link", { name: "Västerbotten" }).click();
    await expect(page).toHaveURL(/\/nyheter\/region\/24$/);
    await expect(page.getByRole("link", { name: "Mer pengar till jämställdhet i Västerbotten" })).toBeVisible();
    await expect(page.getByRole("link", { name: "27,5 miljoner till jämställdhet" })).toHaveCount(0);
    await expectAccessible();

    await page.goto("/nyheter/amne/vard-och-omsorg");
    await expect(page.getByRole("link", { name: "27,5 miljoner till jämställdhet" })).toBeVisible();
    await expectAccessible();
    await page.goto("/nyheter/amne/utbildning");
    await expectAccessible();
    await page.getByRole("link", { name: "1,2 miljoner till jämställdhetsarbete för medborgarna" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "1,2 miljoner till jämställdhetsarbete för medborgarna" })).toBeVisible();
    await expect(page.getByRole("blockquote").first()).toHaveText(
      "– I Borås Stad lägger vi redan i dag stor vikt vid arbetet för jämställdhet mellan medborgarna. Det här ger oss goda förutsättningar att stärka arbetet för en hållbar jämställd medborgarservice, säger Ulf Olsson, kommunstyrelsens ordförande, (S).",
    );
    await expect(page.getByRole("heading", { name: "Kontakter" })).toBeVisible();
    const [article] = await jsonLdOf(page);
    expect(article).toMatchObject({ "@type": "NewsArticle", headline: "1,2 miljoner till jämställdhetsarbete för medborgarna", inLanguage: "sv" });
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "1,2 miljoner till jämställdhetsarbete för medborgarna");
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expectAccessible();
    await page.screenshot({ path: testInfo.outputPath("release-1280.png"), fullPage: true });

    await page.getByRole("link", { name: "Hela listan på projekt som fått pengar i femte omgången 2013", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hela listan på projekt som fått pengar" })).toBeVisible();
    const table = page.getByRole("table", { name: "Beviljade projekt i femte omgången 2013", exact: true });
    await expect(table.getByRole("row")).toHaveCount(22); // the header and 21 grants
    await expect(table.getByRole("columnheader", { name: "Organisation" })).toHaveAttribute("aria-sort", "ascending");
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await expectAccessible();

    await table.getByRole("link", { name: "Sortera efter Belopp" }).click();
    await expect(page).toHaveURL(/\/beviljade\/\d+\/sortera\/belopp\/fallande$/);
    const sorted = page.getByRole("table", { name: "Beviljade projekt i femte omgången 2013", exact: true });
    await expect(sorted.getByRole("columnheader", { name: "Belopp" })).toHaveAttribute("aria-sort", "descending");
    const amounts = (await sorted.getByRole("cell").filter({ hasText: /kronor$/ }).allTextContents()).map((a) => Number(a.replace(/\D/g, "")));
    expect(amounts).toHaveLength(21);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    await expectAccessible();
    await page.screenshot({ path: testInfo.outputPath("grants-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("grants-390.png"), fullPage: true });
    await expectAccessible("the grants list on a phone");

    const roundPath = new URL(page.url()).pathname.replace(/\/sortera\/.*$/, "");
    const csv = await request.get(`${roundPath}.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)], "UTF-8 with BOM").toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(bytes);
    expect(csvText).toContain("Identifier;Title;Description;Currency;Amount Awarded;Award Date;Recipient Org:Name");
    expect(csvText).toContain("Borås Stad");
    const json = (await (await request.get(`${roundPath}.json`)).json()) as { grants: { currency: string; recipientOrganization: { name: string }[] }[] };
    expect(json.grants).toHaveLength(21);
    expect(json.grants.every((g) => g.currency === "SEK")).toBe(true);
    expect(json.grants.flatMap((g) => g.recipientOrganization.map((o) => o.name))).toContain("Linköpings kommun");
  });

  test("English labels at /en/nyheter, the releases in Swedish", async ({ page, expectAccessible }) => {
    await page.goto("/en/nyheter");
    await expect(page.getByRole("heading", { level: 1, name: "News" })).toBeVisible();
    await expect(page.getByRole("link", { name: "27,5 miljoner till jämställdhet" })).toBeVisible();
    await expectAccessible();
  });

  test("the embargo walk: before its time a release is in no public channel; then it appears everywhere by itself", async ({ page, request, expectAccessible }) => {
    test.setTimeout(150_000);
    const { roundId, code } = createGrantedRound();
    const scheduledHeadline = `Schemalagd nyhet ${code}`;
    const embargoedHeadline = `Nyhet under embargo ${code}`;
    const publishAt = new Date(Date.now() + 15_000);
    // Norrbotten (25): no other release names it, so its filter page is new with these releases.
    const scheduled = insertRelease(roundId, { status: "scheduled", publishAt, headline: scheduledHeadline, topics: ["utbildning"], regionCode: "25" });
    const embargoed = insertRelease(roundId, { status: "embargoed", publishAt, headline: embargoedHeadline, topics: ["utbildning"], regionCode: "25" });
    const secrets = [scheduledHeadline, embargoedHeadline, scheduled.slug, embargoed.slug, code];
    const listPages = ["/nyheter", "/nyheter/amne/utbildning", "/nyheter/amne/utbildning/region/25", "/nyheter/region/25", "/en/nyheter", "/nyheter/sida/2"];
    const feeds = ["/nyheter/feed.xml", "/nyheter/atom.xml", "/nyheter/feed/amne/utbildning.xml", "/nyheter/feed/region/25.xml", "/nyheter/feed/amne/utbildning/region/25.xml"];
    const channels = [...feeds, "/sitemap.xml", "/robots.txt"];

    // Before the time: nothing of either release anywhere, in any public channel.
    for (const path of [...listPages, ...channels]) {
      const { body } = await text(request, path);
      for (const secret of secrets) expect(body, `${path} before the time`).not.toContain(secret);
    }
    for (const release of [scheduled, embargoed]) {
      const { status, body } = await text(request, `/nyheter/${release.slug}`);
      expect(status).toBe(404);
      // Its 404 names only the address asked for (Next echoes the path); nothing of the release itself.
      for (const secret of [scheduledHeadline, embargoedHeadline, "Ingress till", "Anna Andersson"]) expect(body, "its own address before the time").not.toContain(secret);
    }
    for (const path of [`/beviljade/${roundId}`, `/beviljade/${roundId}.csv`, `/beviljade/${roundId}.json`, `/beviljade/${roundId}/sortera/belopp/fallande`]) {
      const { status, body } = await text(request, path);
      expect(status, `${path} before the time`).toBe(404);
      expect(body).not.toContain(code);
    }
    await page.goto("/nyheter");
    await expect(page.getByRole("heading", { level: 1, name: "Nyheter" })).toBeVisible();
    await expect(page.getByText(scheduledHeadline)).toHaveCount(0);
    expect(JSON.stringify(await jsonLdOf(page))).not.toContain(code);
    await expectAccessible();
    expect(Date.now(), "the checks before the time ran before it").toBeLessThan(publishAt.getTime());

    // No request now: the server's own timer publishes both, within a minute of their time.
    await expect
      .poll(() => [releaseStatus(scheduled.id), releaseStatus(embargoed.id)], { timeout: 75_000, intervals: [1_000] })
      .toEqual(["published", "published"]);
    expect(Date.now() - publishAt.getTime()).toBeLessThan(60_000);
    for (const release of [scheduled, embargoed]) {
      expect(releaseAuditEvents(release.id).filter((e) => e.action === "release.publish")).toEqual([
        { action: "release.publish", actorId: null, actorLabel: "Anslag (schemalagd publicering)" },
      ]);
    }

    // And every channel has them, the cached ones included (the scheduler revalidated them).
    await expect(async () => {
      for (const path of ["/nyheter", "/nyheter/amne/utbildning", "/nyheter/region/25", "/nyheter/amne/utbildning/region/25", ...feeds]) {
        const { status, body } = await text(request, path);
        expect(status, path).toBe(200);
        expect(body, path).toContain(scheduledHeadline);
        expect(body, path).toContain(embargoedHeadline);
      }
      const sitemap = await text(request, "/sitemap.xml");
      expect(sitemap.body).toContain(scheduled.slug);
      expect(sitemap.body).toContain(embargoed.slug);
      expect(sitemap.body).toContain(`/beviljade/${roundId}<`);
      for (const path of [`/beviljade/${roundId}`, `/beviljade/${roundId}.csv`, `/beviljade/${roundId}.json`]) {
        const { status, body } = await text(request, path);
        expect(status, path).toBe(200);
        expect(body, path).toContain(`Jämställd service ${code}`);
      }
    }).toPass({ timeout: 30_000, intervals: [1_000] });

    await page.goto(`/nyheter/${scheduled.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: scheduledHeadline })).toBeVisible();
    expect((await jsonLdOf(page))[0]).toMatchObject({ "@type": "NewsArticle", headline: scheduledHeadline });
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", scheduledHeadline);
    await expect(page.getByRole("blockquote")).toHaveText("– Det här betyder mycket för oss, säger Anna Andersson, kommunstyrelsens ordförande.");
    await expectAccessible();
    await page.getByRole("link", { name: /Hela listan på projekt som fått pengar/ }).click();
    await expect(page.getByRole("cell", { name: `Jämställd service ${code}` })).toBeVisible();
    await expectAccessible();
  });

  test("HTML and script in a release are shown as text, and its JSON-LD stays one element", async ({ page, expectAccessible }) => {
    const { roundId, code } = createGrantedRound();
    const headline = `<script>window.pwned = 1</script> Rubrik ${code} </script><b>fet</b>`;
    const release = insertRelease(roundId, { status: "published", publishAt: new Date(Date.now() - 60_000), headline, ingress: "<img src=x onerror=alert(1)> Ingress." });
    await page.goto(`/nyheter/${release.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(page.getByText("<img src=x onerror=alert(1)> Ingress.").first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const ld = page.locator('script[type="application/ld+json"]');
    await expect(ld).toHaveCount(1);
    expect(JSON.parse((await ld.textContent()) ?? "")).toMatchObject({ headline });
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", headline);
    await expectAccessible();
  });

  test("robots.txt keeps crawlers to the public pages and names the sitemap", async ({ request }) => {
    const { status, body } = await text(request, "/robots.txt");
    expect(status).toBe(200);
    expect(body).toMatch(/Allow: \/nyheter/);
    expect(body).toMatch(/Disallow: \/forhandsvisning\//);
    expect(body).toMatch(/Sitemap: .*\/sitemap\.xml/);
  });

  test("the scheduler's revalidation answers nobody without its secret", async ({ request }) => {
    expect((await request.post("/api/newsroom/revalidate", { headers: { "x-anslag-revalidate": "guess" } })).status()).toBe(404);
  });
});
