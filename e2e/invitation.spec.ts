import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { expirePasswordToken } from "@/db/queries/password-tokens";
import { getUserByEmail } from "@/db/queries/users";
import { inWriteTransaction } from "@/db/transaction";
import { recordDecision } from "@/lib/decisions/record";
import { pdfText } from "@/lib/letters/testing";
import { inviteUser } from "@/lib/users/admin";
import { hashToken } from "@/lib/users/password-links";
import { createUserAccount } from "@/lib/users";
import { ACTOR, createApplication, createOpenRound, uniqueCode, withDb } from "./data";
import { checkAccessibility, expect, test } from "./fixtures";
import { mailTo, passwordLinkPath, type Mail } from "./mailbox";

/*
 * Invitations, links to set a password, and forgot password (issue 13), with mail delivered over SMTP to the run's
 * own server (e2e/mail-server.ts). Every test makes its own accounts and addresses; the demo users stay as they are.
 */

const LINK_INVALID = "Länken gäller inte längre.";
const ANSWER = "Om adressen finns hos oss har vi skickat en länk till den.";

/** An organisation of its own with one approved grant, and another organisation's application. */
function grantedOrganisation() {
  const code = uniqueCode();
  const organisation = `Samverkan ${code}`;
  const { roundId } = createOpenRound();
  const projectTitle = `Jämställd vård ${code}`;
  const grant = createApplication(roundId, { leadOrganisation: { name: organisation, kind: "samverkansorgan" }, projectTitle, requestedAmount: 700_000 });
  withDb((db) =>
    inWriteTransaction(db, (tx) =>
      recordDecision(tx, { applicationId: grant.id, outcome: "approved", grantedAmount: 650_000, motivation: "Beviljas.", decidedOn: "2026-11-20" }, ACTOR),
    ),
  );
  const other = createApplication(roundId, { leadOrganisation: { name: "Lycksele kommun" } });
  return { organisation, projectTitle, grant, other };
}

async function waitForMail(address: string, count = 1): Promise<Mail> {
  await expect.poll(async () => (await mailTo(address)).length, { timeout: 15_000, message: `mail to ${address}` }).toBeGreaterThanOrEqual(count);
  return (await mailTo(address))[count - 1]!;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  return context.newPage();
}

async function setPassword(page: Page, path: string, password: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Välj lösenord" })).toBeVisible();
  await checkAccessibility(page, "the page that sets a password");
  await page.getByRole("textbox", { name: "Nytt lösenord", exact: true }).fill(password);
  await page.getByLabel("Nytt lösenord igen").fill(password);
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(page).toHaveURL(/\/logga-in\?losenord=1$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Lösenordet är sparat. Logga in med din e-postadress och ditt nya lösenord.");
  await checkAccessibility(page, "sign-in after the password was set");
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith("/logga-in")) {
    await page.goto("/logga-in");
    await checkAccessibility(page, "sign-in");
  }
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
}

async function expectDeadLink(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Länken gäller inte längre" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(LINK_INVALID);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Be administratören om en ny länk");
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await checkAccessibility(page, "a dead link");
}

test.describe("invitations", () => {
  test("an admin invites a coordinator, the invitation arrives by SMTP, the coordinator sets a password and reaches their own organisation's grant and nothing else", async ({
    page,
    browser,
    login,
    expectAccessible,
  }) => {
    const { organisation, projectTitle, grant, other } = grantedOrganisation();
    const email = `samordnare-${randomUUID()}@samverkan.example`;

    await login("admin");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Användare" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Användare" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Ny användare" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ny användare" })).toBeVisible();
    await expectAccessible();

    // A coordinator without an organisation is refused at the field.
    await page.getByLabel("Namn").fill("Saga Samordnare");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Roll").selectOption({ label: "Samordnare" });
    await page.getByRole("button", { name: "Skapa och bjud in" }).click();
    const organisationField = page.getByLabel("Organisation");
    await expect(organisationField).toHaveAttribute("aria-invalid", "true");
    await expect(organisationField).toHaveAccessibleDescription(/En samordnare måste höra till en organisation\./);
    await expectAccessible("a coordinator without an organisation");

    await organisationField.selectOption({ label: organisation });
    await page.getByRole("button", { name: "Skapa och bjud in" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Kontot för Saga Samordnare är skapat." })).toBeVisible();
    await expect(page.getByText(`En e-post med länken har skickats till ${email}.`)).toBeVisible();
    const shownLink = await page.getByLabel("Inbjudningslänk").inputValue();
    expect(shownLink).toMatch(/\/losenord\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible("the invitation link");

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Välkommen till Anslag – välj ditt lösenord");
    expect(mail.text).toContain("Hej Saga Samordnare!");
    const path = passwordLinkPath(mail);
    expect(shownLink.endsWith(path)).toBe(true);

    // The coordinator, in a browser of their own.
    const coordinator = await newPage(browser);
    const password = `tre-ord-i-rad-${randomUUID().slice(0, 8)}`;
    await setPassword(coordinator, path, password);
    await signIn(coordinator, email, password);
    await expect(coordinator.getByRole("heading", { level: 1, name: organisation })).toBeVisible();
    const row = coordinator.getByRole("table", { name: "Din organisations ansökningar" }).getByRole("row").filter({ hasText: projectTitle });
    await expect(row).toContainText("Beviljad");
    await expect(row).toContainText("650 000 kronor");
    await expect(coordinator.getByText("Lycksele")).toHaveCount(0);
    await checkAccessibility(coordinator, "the coordinator's start page");

    await row.getByRole("link", { name: grant.registrationNumber }).click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toContainText(grant.registrationNumber);
    await checkAccessibility(coordinator, "the granted application");
    const download = coordinator.waitForEvent("download");
    await coordinator.getByRole("region", { name: "Beslut" }).getByRole("link", { name: "Beslutsbrev (PDF)" }).click();
    const letter = pdfText(new Uint8Array(await readFile(await (await download).path())));
    expect(letter).toContain(organisation);
    expect(letter).toContain("650 000 kronor");

    const contact = coordinator.getByRole("region", { name: "Kontaktperson" });
    await contact.getByLabel("Namn").fill("Saga Samordnare");
    await contact.getByLabel("E-postadress").fill(email);
    await contact.getByRole("button", { name: "Spara kontaktperson" }).click();
    await expect(contact.getByRole("status")).toHaveText("Kontaktpersonen är sparad.");
    await checkAccessibility(coordinator, "the contact person saved");

    const response = await coordinator.goto(`/ansokningar/${other.id}`);
    expect(response?.status()).toBe(404);
    await expect(coordinator.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await checkAccessibility(coordinator, "another organisation's application");

    // The link was used: refused, as any dead link, on any later visit.
    await expectDeadLink(coordinator, path);
    await coordinator.context().close();
  });

  test("an expired invitation and an unknown link get the same message, and nothing is written", async ({ page }) => {
    const email = `inbjuden-${randomUUID()}@anslag.example`;
    const { token } = withDb((db) => {
      const admin = getUserByEmail(db, "admin@anslag.example")!;
      const { link } = inviteUser(db, { name: "Elin Utgången", email, role: "officer", organisationId: "" }, { id: admin.id, label: admin.name });
      expirePasswordToken(db, hashToken(link.token), new Date(Date.now() - 1000));
      return link;
    });
    await expectDeadLink(page, `/losenord/${token}`);
    await expectDeadLink(page, `/losenord/${"x".repeat(43)}`);
    await expectDeadLink(page, "/losenord/abc");
    expect(withDb((db) => getUserByEmail(db, email)!.passwordChangedAt)).toBeNull();
  });
});

test.describe("forgot password", () => {
  test("answers an unknown and a known address alike, and the known one gets a reset link that works", async ({ page, expectAccessible }) => {
    const email = `glomsk-${randomUUID()}@anslag.example`;
    const old = `gammalt-lösenord-${randomUUID().slice(0, 8)}`;
    const db = openDatabase(process.env.E2E_DATABASE_PATH);
    try {
      await createUserAccount(db, { email, name: "Gustav Glömsk", role: "officer", password: old }, { id: null, label: "e2e" });
    } finally {
      db.$client.close();
    }

    await page.goto("/logga-in");
    await expectAccessible();
    await page.getByRole("link", { name: "Glömt lösenordet?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Glömt lösenordet?" })).toBeVisible();
    await expectAccessible();

    const answerFor = async (address: string) => {
      await page.getByLabel("E-postadress").fill(address);
      await page.getByRole("button", { name: "Skicka länken" }).click();
      const status = page.getByRole("status").filter({ hasText: ANSWER });
      await expect(status).toBeVisible();
      return status.innerText();
    };
    const unknown = await answerFor(`ingen-${randomUUID()}@anslag.example`);
    await expectAccessible("the answer");
    const known = await answerFor(email);
    expect(known).toBe(unknown);

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Nytt lösenord till Anslag");
    const password = `nytt-och-långt-${randomUUID().slice(0, 8)}`;
    await setPassword(page, passwordLinkPath(mail), password);
    await signIn(page, email, password);
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    await expectAccessible();
  });
});

test.describe("disabling an account", () => {
  test("a user the admin disables on /anvandare is signed out at their next request", async ({ page, browser, login, expectAccessible }) => {
    const email = `avstangd-${randomUUID()}@anslag.example`;
    const password = `mitt-eget-lösenord-${randomUUID().slice(0, 8)}`;
    const db = openDatabase(process.env.E2E_DATABASE_PATH);
    try {
      await createUserAccount(db, { email, name: "Disa Avstängd", role: "communications", password }, { id: null, label: "e2e" });
    } finally {
      db.$client.close();
    }
    const user = await newPage(browser);
    await signIn(user, email, password);
    await checkAccessibility(user, "the start page");

    await login("admin");
    await page.goto(`/anvandare?sok=${encodeURIComponent(email)}`);
    await expect(page.getByText("1 användare")).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Disa Avstängd" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Disa Avstängd" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Stäng av kontot" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Kontot är avstängt." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Aktivera kontot" })).toBeVisible();
    await expectAccessible("the account disabled");

    await user.goto("/");
    await expect(user).toHaveURL(/\/logga-in\?sessionen-slut=1$/);
    await expect(user.getByRole("main").getByRole("status")).toHaveText("Du har loggats ut. Logga in igen för att fortsätta.");
    await checkAccessibility(user, "signed out");
    await user.context().close();
  });
});
