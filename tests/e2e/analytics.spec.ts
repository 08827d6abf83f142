import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

test.describe("trainer analytics", () => {
  test("a trainer follows Analytics from the studio and sees shares and the node table", async ({
    page,
  }) => {
    await logIn(page, demoAccounts.trainer.email);
    await page.goto("/studio/handling-a-complaint");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Analytics", exact: true }).click();
    await expect(page).toHaveURL("/studio/handling-a-complaint/analytics");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Analytics: Handling a complaint in four steps",
    );
    const questions = page.getByRole("table", { name: /share right on the first attempt/ }).first();
    await expect(questions.getByRole("row").nth(1)).toContainText(/\d+ of \d+ learners \(\d+%\)/);
    const nodes = page.getByRole("table", { name: /replies chosen at each node/ }).first();
    await expect(nodes).toBeVisible();
    await expect(nodes.getByText(/\d+ of \d+ replies \(\d+%\)/).first()).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Where finished runs end" }).first(),
    ).toBeVisible();
    // Aggregates only: no learner's name on the page (the header names the trainer herself).
    await expect(
      page.locator("main").getByText(/Eli Brooks|Maya Patel|Nora Lindqvist/),
    ).toHaveCount(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/pw-assessment/analytics-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/pw-assessment/analytics-390.png", fullPage: true });
  });

  test("an employee gets 403 at the analytics URL", async ({ page }) => {
    await logIn(page, demoAccounts.employee.email);
    const response = await page.goto("/studio/handling-a-complaint/analytics");
    expect(response?.status()).toBe(403);
  });
});
