import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

// Reading marks sections read: this reader's progress is not what other tests check.
const reader = "lucia.ferrante@demo.frontline.test";

const course = [
  "Our service policy",
  "Understanding what the customer needs",
  "Handling a complaint in four steps",
  "Recording a complaint",
  "Explaining a policy to an upset customer",
  "Follow-up and keeping customers",
];

test.describe("the course", () => {
  test("an employee opens every module without errors or serious a11y violations", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await logIn(page, reader);
    await expect(page).toHaveURL("/training");
    const cards = page.getByRole("region", { name: "Assigned to you" }).getByRole("link");
    const titles = await cards.getByRole("heading", { level: 3 }).allTextContents();
    expect([...titles].sort()).toEqual([...course].sort());
    const hrefs = await cards.evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    for (const [i, href] of hrefs.entries()) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(titles[i]!);
      await expect(page.getByRole("navigation", { name: "In this module" })).toBeVisible();
      // Every module ends in practice: at least one quiz, shown without its answers.
      await expect(page.getByText(/\d+ questions · pass mark \d+%/).first()).toBeVisible();
      expect(await seriousA11yViolations(page), href).toEqual([]);
    }
  });

  test("the contents follow the reader, and a section counts as read only after time on it", async ({
    page,
  }) => {
    // The page's clock, to stay on a section for seconds without waiting for them.
    await page.clock.install();
    await logIn(page, reader);
    await page.goto("/training/handling-a-complaint");
    await waitForHydration(page);
    const panel = page.getByRole("navigation", { name: "In this module" });
    const sections = await panel.getByRole("link").count();
    await expect(panel).toContainText(`0 of ${sections} sections`);
    await page
      .getByRole("heading", { level: 2, name: "You have discretion" })
      .scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    await expect(panel.getByRole("link", { name: "You have discretion" })).toHaveAttribute(
      "aria-current",
      "location",
    );
    // Scrolling past sections reads none of them; staying on one does.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(panel).toContainText(`0 of ${sections} sections`);
    const reported = page.waitForResponse(
      (r) => r.url().endsWith("/training/handling-a-complaint/read") && r.ok(),
    );
    await page.clock.runFor(9_000);
    await expect(panel).toContainText(`1 of ${sections} sections`);
    await reported;
    // The server counted it too: it is there after a reload.
    await page.reload();
    await expect(panel).toContainText(`1 of ${sections} sections`);

    // The module's steps count its sections, as /training does: one figure everywhere.
    await page.goto("/training/recording-a-complaint");
    const contents = await panel.getByRole("link").count();
    await expect(page.getByText(/steps done: read the \d+ sections/)).toContainText(
      `read the ${contents} sections`,
    );
  });

  test("a module page fits a phone screen", async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await context.newPage();
    await logIn(page, reader);
    await page.goto("/training/recording-a-complaint");
    await expect(page.getByRole("progressbar", { name: "Reading progress" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("1,000 requests to a module page compile nothing in production", async ({ page }) => {
    test.setTimeout(180_000);
    await logIn(page, demoAccounts.employee.email);
    await expect(page).toHaveURL("/training");
    for (let batch = 0; batch < 50; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => page.request.get("/training/handling-a-complaint")),
      );
      for (const response of responses) expect(response.status()).toBe(200);
    }
    const health = await (await page.request.get("/healthz")).json();
    expect(health.content).toEqual({ compiles: 0 });
  });
});

test.describe("drafts", () => {
  test("a trainer sees the draft in the studio and can preview it", async ({ page }) => {
    await logIn(page, demoAccounts.trainer.email);
    await expect(page).toHaveURL("/studio");
    const row = page
      .getByRole("table", { name: "Course modules and their validation state" })
      .getByRole("row", { name: /Complaints in public, on social media/ });
    await expect(row).toContainText("Draft");
    await expect(row).toContainText("Valid");
    await row.getByRole("link").click();
    await expect(page).toHaveURL("/studio/social-media-complaints");
    await expect(page.getByRole("heading", { level: 2, name: "No problems" })).toBeVisible();
    await expect(page.getByText("Correct:").first()).toBeVisible();
    // In a trainer's words: a revision, not a file path or a "content hash".
    await expect(page.getByText(/^Revision [0-9a-f]{8}:/)).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/content hash|index\.mdx|content:check/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("an employee gets 404 for a draft and does not see it listed", async ({ page }) => {
    await logIn(page, demoAccounts.employee.email);
    await expect(page).toHaveURL("/training");
    await expect(page.getByText("Complaints in public")).toHaveCount(0);
    const response = await page.goto("/training/social-media-complaints");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
  });

  test("the studio's role-play preview shows the whole conversation", async ({ page }) => {
    await logIn(page, demoAccounts.trainer.email);
    await page.goto("/studio/handling-a-complaint");
    const roleplay = page.getByRole("region", { name: /Role-play:/ });
    await expect(roleplay).toContainText(
      /\d+ nodes · \d+ endings · scored by path: the best path scores \d+/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
