import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test as base, expect } from "@playwright/test";

export const demoPassword = "frontline-demo";
export const demoAccounts = {
  employee: { email: "employee@demo.frontline.test", home: "/training", heading: "My training" },
  manager: { email: "manager@demo.frontline.test", home: "/team", heading: "My team" },
  trainer: { email: "trainer@demo.frontline.test", home: "/studio", heading: "Studio" },
  admin: { email: "admin@demo.frontline.test", home: "/admin", heading: "Admin" },
} as const;

/** Pages wait for this before clicking: React drops clicks that land before hydration. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated='true']").waitFor();
}

/** Log in through the form; with the right password, wait until the user has left /login. */
export async function logIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  if (password === demoPassword) await page.waitForURL((url) => url.pathname !== "/login");
}

/** Axe violations of serious or critical impact, as readable one-liners. */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

// Every test fails on a console error or an uncaught page error.
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // A 4xx the test provoked on purpose is logged by Chromium as a failed resource load.
        if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
          errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
