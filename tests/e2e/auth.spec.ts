import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

test.describe("logging in", () => {
  for (const [role, account] of Object.entries(demoAccounts)) {
    test(`the demo ${role} lands on ${account.home}, and axe finds nothing serious there`, async ({
      page,
    }) => {
      await logIn(page, account.email);
      await expect(page).toHaveURL(account.home);
      await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }

  test("the login page has no serious accessibility violations", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("a wrong password shows an error and keeps the user out", async ({ page }) => {
    await logIn(page, demoAccounts.employee.email, "not-the-password");
    await expect(page.getByRole("alert")).toHaveText(
      "That e-mail and password do not match an active account.",
    );
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/training");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Ftraining$/);
  });

  test("the login form works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(demoAccounts.trainer.email);
    await page.getByLabel("Password").fill("frontline-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL("/studio");
    await context.close();
  });

  test("after login the user returns to the page they asked for", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin$/);
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(demoAccounts.admin.email);
    await page.getByLabel("Password").fill("frontline-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL("/admin");
  });
});

test.describe("logging out", () => {
  test("after logout, reload and back stay logged out", async ({ page, context }) => {
    await logIn(page, demoAccounts.manager.email);
    await expect(page).toHaveURL("/team");
    const [sessionCookie] = await context.cookies();
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL("/login");

    await page.reload();
    await expect(page).toHaveURL("/login");
    await page.goBack();
    await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "My team" })).toHaveCount(0);

    // The old cookie, replayed, is worth nothing.
    await context.addCookies([sessionCookie!]);
    await page.goto("/team");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fteam$/);
  });
});

test.describe("roles", () => {
  test("an employee opening /team gets a friendly 403", async ({ page }) => {
    await logIn(page, demoAccounts.employee.email);
    await expect(page).toHaveURL("/training");
    const response = await page.goto("/team");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "This page isn't part of your role",
    );
    // "My record" may carry the number of observations waiting to be acknowledged.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
      "My training",
      /^My record/,
    ]);
  });

  test("an unknown page gets a friendly 404", async ({ page }) => {
    await logIn(page, demoAccounts.employee.email);
    await expect(page).toHaveURL("/training");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
    await expect(page).toHaveTitle("We couldn't find that page · Frontline");
  });
});
