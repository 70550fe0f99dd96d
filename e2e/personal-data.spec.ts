import { test, expect } from "./fixtures";
import { createApplication, createOpenRound, uniqueCode } from "./data";

/*
 * What is stored about a person: found, exported and erased by an admin. Each test makes its own contact persons
 * (names and addresses with the test's code), so parallel tests never find each other's.
 */

test.describe("personal data", () => {
  test("an admin finds a contact person, exports exactly their data as JSON, erases it, and the search then finds nothing", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    const person = { contactName: `Anna Test${code}`, contactTitle: "jämställdhetsstrateg", contactPhone: "090-12 34 56", contactEmail: `anna.${code.toLowerCase()}@umea.example` };
    const other = { contactName: `Bo Test${code}`, contactTitle: "chef", contactPhone: "070-111 22 33", contactEmail: `bo.${code.toLowerCase()}@vannas.example` };
    const { roundId } = createOpenRound();
    const application = createApplication(roundId, { ...person, leadOrganisation: { name: "Umeå kommun" } });
    createApplication(roundId, { ...other, leadOrganisation: { name: "Vännäs kommun" } });

    await login("admin");
    await page.getByRole("link", { name: "Personuppgifter" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Personuppgifter" })).toBeVisible();
    await expectAccessible();

    await page.getByRole("searchbox", { name: "E-postadress eller namn" }).fill(person.contactEmail.toUpperCase());
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    const contacts = page.getByRole("table", { name: "Ansökningar där personen är kontaktperson" });
    const row = contacts.getByRole("row", { name: new RegExp(application.registrationNumber) });
    await expect(row).toContainText(person.contactName);
    await expect(row).toContainText(person.contactPhone);
    await expect(contacts.getByRole("row")).toHaveCount(2);
    await expect(page.getByText(other.contactName)).toHaveCount(0);
    await expectAccessible("the person's data");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exportera (JSON)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^personuppgifter-\d{4}-\d{2}-\d{2}\.json$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const exported = JSON.parse(text) as { contactPerson: { name: string; email: string; phone: string; application: { registrationNumber: string } }[]; userAccounts: unknown[] };
    expect(exported.userAccounts).toEqual([]);
    expect(exported.contactPerson).toEqual([
      expect.objectContaining({ name: person.contactName, email: person.contactEmail, phone: person.contactPhone, application: expect.objectContaining({ registrationNumber: application.registrationNumber }) }),
    ]);
    for (const value of Object.values(other)) expect(text).not.toContain(value);

    const erase = page.getByRole("button", { name: "Radera uppgifterna" });
    await expect(erase).toBeDisabled();
    await page.getByRole("checkbox", { name: /Jag har kontrollerat att uppgifterna ovan gäller samma person/ }).check();
    await erase.click();
    await expect(page.getByRole("status").filter({ hasText: "Uppgifterna är raderade: inget användarkonto, en kontaktperson" })).toBeVisible();
    await expect(page.getByText(`Anslag lagrar inga uppgifter om ”${person.contactEmail.toUpperCase()}”`)).toBeVisible();
    await expectAccessible("after the erasure");

    // The name finds nothing either, and the application names its contact person "Raderad".
    await page.getByRole("searchbox", { name: "E-postadress eller namn" }).fill(person.contactName);
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page.getByText(`Anslag lagrar inga uppgifter om ”${person.contactName}”`)).toBeVisible();
    await expectAccessible();
    await page.goto(`/ansokningar/${application.id}`);
    await expect(page.getByRole("definition").filter({ hasText: /^Raderad$/ })).toBeVisible();
    await expect(page.getByText(person.contactEmail)).toHaveCount(0);
    await expectAccessible();
  });

  test("an officer has no personal data page in the menu and gets 403 for the page and its export", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expect(page.getByRole("link", { name: "Personuppgifter" })).toHaveCount(0);
    const response = await page.goto("/personuppgifter?sok=admin%40anslag.example");
    expect(response?.status()).toBe(403);
    await expectAccessible();
    const exported = await page.request.get("/personuppgifter/export?sok=admin%40anslag.example");
    expect(exported.status()).toBe(403);
    expect(await exported.text()).not.toContain("admin@anslag.example");
  });
});
