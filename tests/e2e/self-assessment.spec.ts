import type { Page } from "@playwright/test";
import { selfAssessmentAreas } from "../../app/team/self-assessment";
import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

const statements = selfAssessmentAreas.flatMap((area) => area.statements);

/** Rate every statement (but those skipped) with the label given, e.g. "Often". */
async function rateAll(page: Page, label: string, skip: string[] = []) {
  for (const statement of statements) {
    if (skip.includes(statement)) continue;
    await page
      .getByRole("radiogroup", { name: statement })
      .getByLabel(label, { exact: true })
      .check();
  }
}

test.describe("team self-assessment", () => {
  test("a manager fills the questionnaire and sees the result and the history", async ({
    page,
  }) => {
    // Twenty-odd answers, two saves and screenshots at two widths.
    test.setTimeout(60_000);
    await logIn(page, demoAccounts.manager.email);
    await page.goto("/team/self-assessment");
    await waitForHydration(page);
    await expect(
      page.getByRole("heading", { level: 1, name: "Team self-assessment" }),
    ).toBeVisible();
    await expect(page.getByText("Team: Front desk")).toBeVisible();
    await expect(page.getByRole("radiogroup")).toHaveCount(25);

    await rateAll(page, "Often");
    // One area lower: culture averages 3, so the total is 27.00, adequate.
    for (const statement of selfAssessmentAreas[0].statements) {
      await page.getByRole("radiogroup", { name: statement }).getByLabel("Sometimes").check();
    }
    await page.getByLabel("Date of the assessment").fill("2026-01-15");
    await page.getByRole("button", { name: "Save the assessment" }).click();

    const result = page.getByRole("region", { name: /Saved: assessment of 15 January 2026/ });
    await expect(result.getByRole("status")).toContainText("Total 27.00 of 35: Adequate");
    await expect(result.getByText("1. Customer-focused culture3.00")).toBeVisible();
    await expect(result.locator(".recharts-bar-rectangle")).toHaveCount(7);

    const history = page.getByRole("region", { name: "History of Front desk" });
    await expect(history.locator(".recharts-line-dot").first()).toBeVisible();
    await expect(
      history.getByRole("row", { name: /15 January 2026 27\.00 Adequate Maya Patel/ }),
    ).toBeVisible();
    // The form is empty again for the next assessment.
    await expect(
      page.getByRole("radiogroup", { name: statements[0]! }).getByLabel("Often"),
    ).not.toBeChecked();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/pw-assessment/self-assessment-390.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "/tmp/pw-assessment/self-assessment-1280.png", fullPage: true });
  });

  test("a bad submit shows field errors and keeps the answers", async ({ page }) => {
    await logIn(page, demoAccounts.manager.email);
    await page.goto("/team/self-assessment");
    await waitForHydration(page);
    const skipped = statements[24]!;
    await rateAll(page, "Always", [skipped]);
    await page.getByRole("button", { name: "Save the assessment" }).click();
    const group = page.getByRole("radiogroup", { name: skipped });
    await expect(group).toHaveAccessibleDescription("Choose how often this is true.");
    await expect(
      page.getByRole("radiogroup", { name: statements[0]! }).getByLabel("Always"),
    ).toBeChecked();

    // The server refuses a date in the future (400) and keeps every answer.
    await group.getByLabel("Always").check();
    await page.getByLabel("Date of the assessment").fill("2099-05-01");
    await page.getByRole("button", { name: "Save the assessment" }).click();
    await expect(page.getByText("The date cannot be in the future.")).toBeVisible();
    for (const statement of [statements[0]!, skipped]) {
      await expect(
        page.getByRole("radiogroup", { name: statement }).getByLabel("Always"),
      ).toBeChecked();
    }
    await expect(page.getByLabel("Date of the assessment")).toHaveValue("2099-05-01");
    await page.screenshot({
      path: "/tmp/pw-assessment/self-assessment-error-1280.png",
      fullPage: true,
    });
    await expect(page.getByRole("row", { name: /2099/ })).toHaveCount(0);
  });

  test("another team's manager gets 404 for Front desk; an employee 403", async ({
    page,
    browser,
  }) => {
    await logIn(page, demoAccounts.manager.email);
    await page.goto("/team/self-assessment");
    const url = new URL(page.url());
    const frontDeskId = await page.locator('input[name="teamId"]').inputValue();
    const other = await browser.newContext();
    const sam = await other.newPage();
    await logIn(sam, "sam.okafor@demo.frontline.test");
    const response = await sam.goto(`${url.origin}/team/self-assessment?team=${frontDeskId}`);
    expect(response?.status()).toBe(404);
    await other.close();
    const employee = await browser.newContext();
    const eli = await employee.newPage();
    await logIn(eli, demoAccounts.employee.email);
    expect((await eli.goto(`${url.origin}/team/self-assessment`))?.status()).toBe(403);
    await employee.close();
  });
});
