import { ROLES } from "@/lib/enums";
import { signInThroughForm, storageStatePath, test } from "./fixtures";

/*
 * Runs before every other spec (the "setup" project in playwright.config.ts): signs in each demo role through the
 * form once, with axe on the sign-in and start pages, and saves the session so login(role) can reuse it. The files
 * belong to this run's server: its database and AUTH_SECRET are made new for every run.
 */
for (const role of ROLES) {
  test(`the ${role} signs in through the form once for the whole run`, async ({ page }) => {
    await signInThroughForm(page, role);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
