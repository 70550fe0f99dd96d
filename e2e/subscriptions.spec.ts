import { createGrantedRound, insertRelease, subscriptionCount, uniqueCode } from "./data";
import { mailTo, type Mail } from "./mailbox";
import { expect, test } from "./fixtures";

/*
 * A journalist subscribes to the newsroom by mail: the form, the confirmation link (a click on the page, not the
 * link alone), one mail when a release of their choice is first published, and unsubscribing from the mail, by the
 * page's button or by the one-click POST a mail program makes (RFC 8058). The mail is read from the run's own SMTP
 * server (e2e/mail-server.ts), as it was delivered.
 */

const CONFIRM_SUBJECTS = ["Bekräfta din prenumeration på pressmeddelanden", "Confirm your subscription to press releases"];

/** The mail delivered to an address once `count` of them have arrived (the outbox delivers within seconds). */
async function delivered(email: string, count: number, filter: (m: Mail) => boolean = () => true): Promise<Mail[]> {
  await expect.poll(async () => (await mailTo(email)).filter(filter).length, { timeout: 20_000 }).toBe(count);
  return (await mailTo(email)).filter(filter);
}
const isConfirmation = (m: Mail) => CONFIRM_SUBJECTS.includes(m.subject);
const isRelease = (m: Mail) => !isConfirmation(m);
const header = (m: Mail | undefined, name: string) => m?.headers[name]?.replace(/\s+/g, "") ?? "";

function linkIn(text: string, path: RegExp): string {
  const match = new RegExp(`https?://[^\\s]+${path.source}`).exec(text);
  if (!match) throw new Error(`no link ${String(path)} in: ${text}`);
  return new URL(match[0]).pathname;
}

test.describe("newsroom subscriptions", () => {
  test("a journalist subscribes to a county, confirms, gets the release once it is published, and unsubscribes", async ({ page, expectAccessible, login }) => {
    const email = `redaktion-${uniqueCode().toLowerCase()}@tidning.example`;
    await page.goto("/nyheter");
    await expectAccessible("the newsroom");
    await page.getByRole("link", { name: "Prenumerera med e-post" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Prenumerera på pressmeddelanden" })).toBeVisible();
    await expectAccessible("the subscription form");

    await page.getByRole("button", { name: "Prenumerera" }).click();
    await expect(page.getByText("Ange en e-postadress.")).toBeVisible();
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Län").selectOption({ label: "Västerbottens län" });
    await page.getByRole("button", { name: "Prenumerera" }).click();
    await expect(page.getByText(/^Tack! Om adressen inte redan prenumererar/)).toBeVisible();
    await expectAccessible("subscribed, waiting for confirmation");

    // Unconfirmed, it gets nothing but the confirmation.
    const [confirmation] = await delivered(email, 1);
    expect(confirmation?.subject).toBe("Bekräfta din prenumeration på pressmeddelanden");
    expect(confirmation?.text).toContain("Västerbottens län");
    const confirmPath = linkIn(confirmation!.text, /\/nyheter\/prenumerera\/bekrafta\/[A-Za-z0-9_-]+/);
    await page.goto(confirmPath);
    await expect(page.getByText("Du är på väg att prenumerera på Västerbottens län.")).toBeVisible();
    await expectAccessible("the confirmation page");
    await page.getByRole("button", { name: "Bekräfta prenumerationen" }).click();
    await expect(page.getByText("Klart! Du prenumererar nu på Västerbottens län.", { exact: false })).toBeVisible();
    // The link is used up.
    await page.goto(confirmPath);
    await expect(page.getByText(/^Länken gäller inte längre/)).toBeVisible();
    await expectAccessible("a used confirmation link");

    // Communications publish a release about Västerbotten: it goes out once, and the release page says to how many.
    const { roundId } = createGrantedRound();
    const headline = `Västerbotten satsar ${uniqueCode()}`;
    const release = insertRelease(roundId, { status: "approved", publishAt: null, headline, regionCode: "24", topics: ["beviljade-medel"] });
    await login("communications");
    await page.goto(`/press/${release.id}`);
    await expect(page.getByText(/^Skickas till prenumeranterna när det blir publikt/)).toBeVisible();
    await expectAccessible("an approved release, before its mailing");
    await page.getByRole("button", { name: "Publicera nu" }).click();
    await expect(page.getByText(/^Publicerat /)).toBeVisible();
    await expect(page.getByText(/^Skickat till \d+ prenumerant/)).toBeVisible();
    await expectAccessible("a published release, mailed");

    const [mail] = await delivered(email, 1, isRelease);
    expect(mail?.subject).toBe(headline);
    expect(mail?.text).toContain(`/nyheter/${release.slug}`);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    // Unsubscribing from the mail's link: a page with a button, and then nothing more.
    const unsubscribePath = linkIn(mail!.text, /\/nyheter\/prenumerera\/avsluta\/[A-Za-z0-9_-]+/);
    await page.goto(unsubscribePath);
    await expect(page.getByText("Du prenumererar på Västerbottens län.")).toBeVisible();
    await expectAccessible("the unsubscribe page");
    await page.getByRole("button", { name: "Avsluta prenumerationen" }).click();
    await expect(page.getByText(/^Prenumerationen är avslutad/)).toBeVisible();
    await page.goto(unsubscribePath);
    await expect(page.getByText(/^Den här prenumerationen finns inte längre/)).toBeVisible();
    await expectAccessible("an unsubscribe link used");
  });

  test("a mail program unsubscribes with one click, and the English form speaks English", async ({ page, request, expectAccessible, login }) => {
    const email = `news-${uniqueCode().toLowerCase()}@paper.example`;
    await page.goto("/en/nyheter/prenumerera?amne=utbildning");
    await expect(page.getByRole("heading", { level: 1, name: "Subscribe to press releases" })).toBeVisible();
    await expect(page.getByLabel("Topic")).toHaveValue("utbildning");
    await expectAccessible("the English form");
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByText("Enter a valid email address, for example name@kommun.se.")).toBeVisible();
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByText(/^Thank you!/)).toBeVisible();

    const [confirmation] = await delivered(email, 1);
    expect(confirmation?.subject).toBe("Confirm your subscription to press releases");
    await page.goto(linkIn(confirmation!.text, /\/en\/nyheter\/prenumerera\/bekrafta\/[A-Za-z0-9_-]+/));
    await page.getByRole("button", { name: "Confirm the subscription" }).click();
    await expect(page.getByText(/^Done! You now subscribe to Education/)).toBeVisible();
    await expectAccessible("confirmed in English");

    // A release on education goes out; the mail program posts to its List-Unsubscribe address, and that is all.
    const { roundId } = createGrantedRound();
    const release = insertRelease(roundId, { status: "approved", publishAt: null, headline: `Utbildning ${uniqueCode()}`, topics: ["utbildning"] });
    await login("communications");
    await page.goto(`/press/${release.id}`);
    await page.getByRole("button", { name: "Publicera nu" }).click();
    await expect(page.getByText(/^Publicerat /)).toBeVisible();
    await expectAccessible("the release published");
    const [mail] = await delivered(email, 1, isRelease);
    expect(mail?.text).toContain("Read the whole press release");
    const oneClick = /^<(.+)>$/.exec(header(mail, "list-unsubscribe"))?.[1];
    expect(oneClick).toMatch(/\/api\/newsroom\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
    expect(subscriptionCount(email)).toBe(1);
    const response = await request.post(new URL(oneClick!).pathname, { form: { "List-Unsubscribe": "One-Click" } });
    expect(response.status()).toBe(204);
    expect(subscriptionCount(email)).toBe(0);
    // Again, or with a made-up token: the same answer, nothing else happens.
    expect((await request.post(new URL(oneClick!).pathname, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(204);
    expect((await request.post(`/api/newsroom/unsubscribe/${"x".repeat(43)}`)).status()).toBe(204);
  });
});
