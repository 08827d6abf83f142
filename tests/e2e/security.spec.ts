import type { Browser } from "@playwright/test";
import {
  demoPassword,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

// /me/security in a real browser (ASVS 6.2, 7.4.3), the session cookie as Chromium stores it
// (3.3.1–3.3.4) and the write limit over HTTP (2.4.1). Each test has a demo account no other
// browser test uses, since it changes that account's password or sessions.

async function signedIn(browser: Browser, email: string, password = demoPassword) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email, password);
  return { context, page };
}

test.describe("password and sessions", () => {
  test("changing the password signs out the other browser; only the new password works", async ({
    browser,
  }) => {
    const email = "mateo.garcia@demo.frontline.test";
    const here = await signedIn(browser, email);
    const elsewhere = await signedIn(browser, email);

    await here.page.goto("/me");
    await here.page.getByRole("link", { name: "Password and sessions" }).click();
    await expect(here.page).toHaveURL("/me/security");
    await waitForHydration(here.page);
    const sessions = here.page.getByRole("table", { name: /Where you are signed in/ });
    await expect(sessions.getByRole("row")).toHaveCount(3); // header + two sessions
    await expect(sessions.getByText("This browser")).toHaveCount(1);
    expect(await seriousA11yViolations(here.page)).toEqual([]);

    const form = here.page.locator("form#change-password");
    await form.getByLabel("Current password").fill(demoPassword);
    await form.getByLabel("New password", { exact: true }).fill("password1");
    await form.getByLabel("New password again").fill("password1");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText(/one of the most common passwords/)).toBeVisible();

    const passphrase = "ferries leave the harbour at noon";
    await form.getByLabel("Current password").fill(demoPassword);
    await form.getByLabel("New password", { exact: true }).fill(passphrase);
    await form.getByLabel("New password again").fill(passphrase);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(sessions.getByRole("row")).toHaveCount(2);
    await expect(form.getByLabel("Current password")).toHaveValue("");

    // The other browser's session is over: its next page asks it to log in.
    await elsewhere.page.goto("/training");
    await expect(elsewhere.page).toHaveURL(/\/login\?redirectTo=%2Ftraining$/);
    await waitForHydration(elsewhere.page);
    const attempt = async (password: string) => {
      await elsewhere.page.getByLabel("E-mail").fill(email);
      await elsewhere.page.getByLabel("Password").fill(password);
      await elsewhere.page.getByRole("button", { name: "Log in" }).click();
    };
    await attempt(demoPassword);
    await expect(elsewhere.page.getByRole("alert")).toHaveText(
      "That e-mail and password do not match an active account.",
    );
    await attempt(passphrase);
    await expect(elsewhere.page).toHaveURL("/training");

    // This browser carries on with its new session.
    await here.page.goto("/me");
    await expect(here.page.getByRole("heading", { level: 1, name: "My record" })).toBeVisible();
    await here.context.close();
    await elsewhere.context.close();
  });

  test("'Sign out everywhere else' ends the other sessions and keeps this one", async ({
    browser,
  }) => {
    const email = "julia.kowalska@demo.frontline.test";
    const here = await signedIn(browser, email);
    const elsewhere = await signedIn(browser, email);
    await here.page.goto("/me/security");
    await waitForHydration(here.page);
    await here.page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(here.page.getByRole("status")).toHaveText("Signed out of 1 other session.");
    await expect(here.page.getByText("You are signed in on this browser only.")).toBeVisible();
    await elsewhere.page.reload();
    await expect(elsewhere.page).toHaveURL(/\/login\?redirectTo=/);
    await here.page.reload();
    await expect(here.page).toHaveURL("/me/security");
    await here.context.close();
    await elsewhere.context.close();
  });
});

test("the session and known-browser cookies are __Host-, Secure, HttpOnly, SameSite=Lax and hidden from scripts", async ({
  page,
  context,
}) => {
  await logIn(page, "omar.haddad@demo.frontline.test");
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name).sort()).toEqual([
    "__Host-frontline_device",
    "__Host-frontline_session",
  ]);
  for (const cookie of cookies) {
    expect(cookie).toMatchObject({ path: "/", secure: true, httpOnly: true, sameSite: "Lax" });
    expect(await page.content()).not.toContain(cookie.value);
  }
  expect(await page.evaluate(() => document.cookie)).toBe("");
});

test("past the write limit a person gets 429 with Retry-After, on a page and on a background call", async ({
  request,
  baseURL,
}) => {
  const headers = { Origin: baseURL! };
  const login = await request.post("/login", {
    form: { email: "aino.virtanen@demo.frontline.test", password: demoPassword },
    headers,
    maxRedirects: 0,
  });
  expect(login.status()).toBe(302);
  // Reading reports are the cheapest write; a bad section id still counts as a request.
  const report = () =>
    request.post("/training/our-service-policy/read", {
      form: { sectionId: "no-such-section" },
      headers,
    });
  let accepted = 0;
  let refused = await report();
  // 120 a minute; a minute may turn over during the loop, so allow up to two windows.
  while (refused.status() !== 429 && accepted < 240) {
    accepted += 1;
    refused = await report();
  }
  expect(refused.status()).toBe(429);
  expect(accepted).toBeGreaterThanOrEqual(120);
  const wait = Number(refused.headers()["retry-after"]);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
  expect((await refused.json()).message).toMatch(/Wait \d+ seconds?, then try again\./);

  // A page's form gets the same answer, with the header, and an error page that says so.
  const page = await request.post("/me", { form: { intent: "acknowledge" }, headers });
  expect(page.status()).toBe(429);
  expect(Number(page.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await page.text()).toContain("That was a lot in a short time");
});
