import { expect, test, waitForHydration } from "./fixtures";

// Company sign-in in the browser, against the real OpenID Connect provider that
// tests/setup/e2e-server.js starts for the e2e server (provisioning on, team and role claims
// read). Its account "new.hire" is Noa Hire, an employee of Front desk, not yet in Frontline.

test.describe("company sign-in", () => {
  // The provider's development pages link a web font from the internet; this machine has no way
  // out, so anything not on this machine is answered here, empty, before it leaves the browser.
  test.beforeEach(async ({ page }) => {
    await page.route(
      (url) => !["localhost", "127.0.0.1"].includes(url.hostname),
      (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }),
    );
  });

  test("a new person signs in through the provider and lands on their home with their team and role", async ({
    page,
  }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Sign in with Frontline Test IdP" }).click();

    // The provider's own (development) login and consent pages.
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
    await page.locator("input[name=login]").fill("new.hire");
    await page.locator("input[name=password]").fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page).toHaveURL("/training");
    await expect(page.getByRole("heading", { level: 1, name: "My training" })).toBeVisible();
    const header = page.getByRole("banner");
    await expect(header.getByText("Noa Hire")).toBeVisible();
    await expect(header.getByText("Employee · Front desk")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
      "My training",
      "My record",
    ]);
  });

  test("an answer this browser never asked for gets a clear page and no session", async ({
    page,
  }) => {
    const response = await page.goto("/auth/oidc/callback?code=forged&state=forged");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-in did not work");
    await expect(page.getByRole("alert")).toContainText("was not started in this browser");
    await page.goto("/training");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Ftraining$/);
  });
});
