import { insertProgramme } from "@/db/queries/programmes";
import { getOrganisationByName } from "@/db/queries/organisations";
import { insertRound } from "@/db/queries/rounds";
import { inWriteTransaction } from "@/db/transaction";
import { test, expect, signInWith } from "./fixtures";
import { registerApplication } from "@/lib/applications/register";
import { applicationFieldsSchema } from "@/lib/applications/schema";
import { ACTOR, createOpenRound, createUser, uniqueCode, withDb } from "./data";

/*
 * The start page and the portal show a page at a time (issue 14: a page's cost must not grow with the database), and
 * the pages are reached by links a keyboard user follows like any other.
 */

/** A programme of its own with more rounds than one page of the start page holds. */
function createManyRounds(count: number): string {
  const code = uniqueCode();
  const name = `Testprogram ${code}`;
  withDb((db) =>
    inWriteTransaction(db, (tx) => {
      const programme = insertProgramme(tx, { name, nameEn: null, code, funder: "regeringen", allocation: 50_000_000 }, ACTOR);
      for (let ordinal = 1; ordinal <= count; ordinal++) {
        insertRound(
          tx,
          { programmeId: programme.id, ordinal, year: 2030, budget: 1_000_000, opensOn: null, closesOn: null, decisionOn: null, criteria: "", isLast: false },
          "planned",
          ACTOR,
        );
      }
    }),
  );
  return name;
}

test("the start page shows the rounds a page at a time, reached by keyboard", async ({ page, login, expectAccessible }) => {
  createManyRounds(26);
  await login("officer");
  const table = page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" });
  const nav = page.getByRole("navigation", { name: "Sidor med omgångar" });
  await expect(nav).toContainText(/Sida 1 av \d+/);
  // A page is bounded: 25 rounds and the header row.
  await expect(table.getByRole("row")).toHaveCount(26);
  // The demo's programme sorts first, so its rounds are on the first page whatever else there is.
  await expect(table.getByRole("row", { name: /Femte omgången 2013/ })).toHaveCount(1);
  const first = await table.getByRole("row").nth(1).textContent();
  await expectAccessible();

  await nav.getByRole("link", { name: "Nästa sida" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?sida=2$/);
  await expect(nav).toContainText(/Sida 2 av \d+/);
  await expect(page.getByText(/^Visar omgång 26–\d+ av [\d\s]+\.$/)).toBeVisible();
  await expect(table.getByRole("row").nth(1)).not.toHaveText(first ?? "");
  await expectAccessible();

  await nav.getByRole("link", { name: "Föregående sida" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(nav).toContainText(/Sida 1 av \d+/);
  // A page past the end shows the last one.
  await page.goto("/?sida=9999");
  await expect(nav.getByRole("link", { name: "Nästa sida" })).toHaveCount(0);
  await expectAccessible();
});

test("the portal shows an organisation's applications 50 at a time", async ({ page, expectAccessible }) => {
  const organisation = `Föreningen Sidvis ${uniqueCode()}`;
  const { roundId } = createOpenRound({ year: 2029 });
  // One transaction for all of them: a connection per application made this test slow.
  const created = withDb((db) =>
    inWriteTransaction(db, (tx) =>
      Array.from({ length: 51 }, (_, i) =>
        registerApplication(tx, roundId, applicationFieldsSchema.parse({ leadOrganisation: { name: organisation, kind: "annan" }, projectTitle: `Sidvis ${i}`, requestedAmount: 500_000 }), ACTOR),
      ),
    ),
  );
  const organisationId = withDb((db) => getOrganisationByName(db, organisation)?.id);
  if (organisationId === undefined) throw new Error("no organisation");
  const coordinator = await createUser("coordinator", { organisationId });

  await page.goto("/logga-in");
  await expectAccessible();
  await page.getByLabel("E-postadress").fill(coordinator.email);
  await page.getByLabel("Lösenord").fill(coordinator.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: organisation })).toBeVisible();

  const table = page.getByRole("table", { name: "Din organisations ansökningar" });
  const nav = page.getByRole("navigation", { name: "Sidor med ansökningar" });
  await expect(table.getByRole("row")).toHaveCount(51);
  await expect(page.getByText("Visar ansökan 1–50 av 51.")).toBeVisible();
  await expect(nav).toContainText("Sida 1 av 2");
  await expectAccessible();

  await nav.getByRole("link", { name: "Nästa sida" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?sida=2#ansokningar$/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(page.getByText("Visar ansökan 51–51 av 51.")).toBeVisible();
  // Every application is on one page or the other: the last registered is the last in registration order.
  const numbers = created.map((c) => c.registrationNumber).sort();
  await expect(table.getByRole("link", { name: numbers.at(-1)! })).toBeVisible();
  await expectAccessible();
});

test("the portal shows the totals per round 25 rounds at a time, and each list keeps the other's page", async ({ page, expectAccessible }) => {
  const organisation = `Föreningen Omgångsvis ${uniqueCode()}`;
  const code = uniqueCode();
  // 26 rounds of a programme of its own, two applications in each: two pages of totals and two of applications.
  withDb((db) =>
    inWriteTransaction(db, (tx) => {
      const programme = insertProgramme(tx, { name: `Testprogram ${code}`, nameEn: null, code, funder: "regeringen", allocation: 50_000_000 }, ACTOR);
      for (let ordinal = 1; ordinal <= 26; ordinal++) {
        const round = insertRound(
          tx,
          { programmeId: programme.id, ordinal, year: 2028, budget: 1_000_000, opensOn: null, closesOn: null, decisionOn: null, criteria: "", isLast: false },
          "open",
          ACTOR,
        );
        for (const n of [1, 2]) {
          registerApplication(tx, round.id, applicationFieldsSchema.parse({ leadOrganisation: { name: organisation, kind: "annan" }, projectTitle: `Omgång ${ordinal}:${n}`, requestedAmount: 100_000 }), ACTOR);
        }
      }
    }),
  );
  const organisationId = withDb((db) => getOrganisationByName(db, organisation)?.id);
  if (organisationId === undefined) throw new Error("no organisation");
  const coordinator = await createUser("coordinator", { organisationId });

  await signInWith(page, coordinator);
  await expect(page.getByRole("heading", { level: 1, name: organisation })).toBeVisible();

  const totals = page.getByRole("table", { name: "Beviljade medel per omgång" });
  const totalsNav = page.getByRole("navigation", { name: "Sidor med beviljat per omgång" });
  const applicationsNav = page.getByRole("navigation", { name: "Sidor med ansökningar" });
  // 25 rounds and the header row; the newest (the 26th) first.
  await expect(totals.getByRole("row")).toHaveCount(26);
  await expect(totals.getByRole("row").nth(1)).toContainText("26:e omgången 2028");
  await expect(page.getByText("Visar omgång 1–25 av 26.")).toBeVisible();
  await expect(totalsNav).toContainText("Sida 1 av 2");
  await expectAccessible();

  // The second page of applications, then the second page of totals: the applications stay on their page.
  await applicationsNav.getByRole("link", { name: "Nästa sida" }).click();
  await expect(page).toHaveURL(/\/\?sida=2#ansokningar$/);
  await totalsNav.getByRole("link", { name: "Nästa sida" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?sida=2&omgangar=2#per-omgang$/);
  await expect(totals.getByRole("row")).toHaveCount(2);
  await expect(totals.getByRole("row").nth(1)).toContainText("Första omgången 2028");
  await expect(page.getByText("Visar omgång 26–26 av 26.")).toBeVisible();
  await expect(applicationsNav).toContainText("Sida 2 av 2");
  await expect(page.getByRole("table", { name: "Din organisations ansökningar" }).getByRole("row")).toHaveCount(3);
  await expectAccessible();

  // Back to the first page of applications: the totals stay on theirs.
  await applicationsNav.getByRole("link", { name: "Föregående sida" }).click();
  await expect(page).toHaveURL(/\/\?omgangar=2#ansokningar$/);
  await expect(totalsNav).toContainText("Sida 2 av 2");
  await expectAccessible();
});
