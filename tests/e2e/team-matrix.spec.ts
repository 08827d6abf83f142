import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

const matrix = (page: Page) => page.getByRole("region", { name: "Completion matrix" });
const bodyRows = (page: Page) => matrix(page).locator("tbody tr");

test.describe("the team matrix", () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, demoAccounts.manager.email);
    await expect(page).toHaveURL("/team");
    await waitForHydration(page);
    // Login lands here by client-side navigation: wait for the page itself, not just the URL.
    await expect(bodyRows(page).first()).toBeVisible();
  });

  test("shows the Front desk with statuses, due dates and charts", async ({ page }) => {
    await expect(page.getByRole("heading", { name: "My team", level: 1 })).toBeVisible();
    const eli = matrix(page).getByRole("row", { name: /Eli Brooks/ });
    for (const status of [
      "Completed",
      "Overdue",
      "In progress",
      "Not started",
      "Needs re-training",
    ])
      await expect(eli.getByText(status, { exact: true }).first()).toBeVisible();
    await expect(eli.getByText(/^Due \d+ \w+ \d{4}$/).first()).toBeVisible();
    await expect(eli.getByRole("link", { name: "Eli Brooks", exact: true })).toHaveAttribute(
      "href",
      /^\/team\/[\w-]+$/,
    );
    // Only Front desk people, the manager herself not among them.
    await expect(matrix(page).getByText("Front desk").first()).toBeVisible();
    await expect(matrix(page).getByText(/Call centre|Online chat/)).toHaveCount(0);
    await expect(matrix(page).getByRole("link", { name: "Maya Patel" })).toHaveCount(0);

    for (const name of ["Completion by module", "Overdue items over time"]) {
      const chart = page.getByRole("region", { name, exact: true });
      await expect(chart.getByRole("img").locator("svg")).toBeVisible();
      await chart.getByText("The numbers as a table").click();
      await expect(chart.getByRole("table")).toBeVisible();
    }
    // One bar per module (with something in it), drawn on the server already.
    const bars = page.getByRole("region", { name: "Completion by module", exact: true });
    await expect(bars.locator("svg g rect").first()).toBeVisible();
    for (const [name, href] of [
      ["Record an observation", "/team/observations/new"],
      ["Recognise someone", "/team/recognition"],
      ["Team self-assessment", "/team/self-assessment"],
    ] as const)
      await expect(page.getByRole("link", { name })).toHaveAttribute("href", href);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("filters by status and module, searches and sorts", async ({ page }) => {
    const everyone = await bodyRows(page).count();
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Overdue" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=overdue/);
    await expect(matrix(page).getByRole("row", { name: /Eli Brooks/ })).toBeVisible();
    await expect(matrix(page).locator("tbody").getByText("Completed", { exact: true })).toHaveCount(
      0,
    );
    expect(await bodyRows(page).count()).toBeLessThanOrEqual(everyone);

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Any status" });
    await page.getByLabel("Module", { exact: true }).selectOption({ label: "Our service policy" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/module=our-service-policy/);
    const headers = matrix(page).locator("thead th");
    await expect(headers).toHaveText([/Employee/, /Status/, /Next due/, "Our service policy"]);

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL("/team");
    // Clear resets every control, so the next Apply does not filter again.
    await expect(page.getByLabel("Module", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("");
    await page.getByLabel("Search by name").fill("nora");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText("Nora Lindqvist");

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(bodyRows(page)).toHaveCount(everyone);
    await expect(page.getByLabel("Search by name")).toHaveValue("");
    const names = await bodyRows(page).locator("th a").allTextContents();
    await page.getByRole("link", { name: /^Employee/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(bodyRows(page).locator("th a")).toHaveText([...names].reverse());
    await expect(page.getByRole("columnheader", { name: /Employee/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await page.getByRole("link", { name: /^Status/ }).click();
    await expect(page).toHaveURL(/sort=status/);
    await expect(bodyRows(page).first().locator("td").first()).toContainText(
      /^Overdue\d+ of \d+ doneRemind$/,
    );
  });

  test("reminds an overdue person from their row, once a day", async ({ page }) => {
    // The last overdue row: someone no other browser test reminds.
    const overdue = matrix(page).getByRole("link", { name: /^Remind / });
    const link = overdue.last();
    const name = (await link.getAttribute("aria-label"))!.replace(/^Remind /, "");
    await link.click();
    await expect(page).toHaveURL(/\/team\/[\w-]+#remind$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await waitForHydration(page);
    const first = name.split(" ")[0]!;
    await expect(
      page.getByText(new RegExp(`^${first} has \\d+ overdue modules?\\.$`)),
    ).toBeVisible();
    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `Remind ${first}` }).click();
    // A retried run finds today's reminder already sent.
    await expect(
      page.getByText(
        new RegExp(`^Reminder sent to ${name}\\.$|^This person has already been reminded today`),
      ),
    ).toBeVisible();
    await page.getByRole("button", { name: `Remind ${first}` }).click();
    await expect(page.getByRole("alert")).toHaveText(
      "This person has already been reminded today. One reminder a day is enough; try again tomorrow.",
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("exports the Front desk as CSV through the link", async ({ page }) => {
    const cells = await matrix(page)
      .getByText(/^(Due|Done) \d+ \w+ \d{4}$/)
      .count();
    const people = await bodyRows(page).locator("th a").allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^frontline-team-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Employee,E-mail,Team,Module,Version,Status,Due date,Completed on");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows).toHaveLength(cells);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(people));
    for (const row of rows) {
      expect(row).toHaveLength(8);
      expect(row[2]).toBe("Front desk");
      expect(row[6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(
      rows
        .filter((r) => r[1] === demoAccounts.employee.email)
        .map((r) => r[5])
        .sort(),
    ).toEqual(
      [
        "Completed",
        "In progress",
        "Needs re-training",
        "Not started",
        "Not started",
        "Overdue",
      ].sort(),
    );

    // The link carries the filters.
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Overdue" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
      "href",
      "/team/export.csv?status=overdue",
    );
  });

  test("reads well at phone and desktop widths", async ({ page }) => {
    /** Whether every chart is drawn whole inside its card: nothing cut off at the right. */
    const chartsFit = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("section svg")].every((svg) => {
          const card = svg.closest("section")!.getBoundingClientRect();
          const drawn = svg.getBoundingClientRect();
          return drawn.width > 0 && drawn.right <= card.right && drawn.left >= card.left;
        }),
      );
    const hint = page.getByText("Scroll sideways for more modules →");

    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await waitForHydration(page);
    await page.screenshot({ path: "/tmp/pw-matrix/team-360.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await chartsFit()).toBe(true);
    // The matrix is wider than a phone: it says so, and scrolling to its end takes the hint away.
    await expect(hint).toBeVisible();
    await matrix(page).evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(hint).toBeHidden();

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await waitForHydration(page);
    await page.screenshot({ path: "/tmp/pw-matrix/team-1280.png", fullPage: true });
    expect(await chartsFit()).toBe(true);
    // On a wide screen the demo's six modules fit: every column in view, no hint.
    await page.setViewportSize({ width: 1920, height: 1000 });
    await page.reload();
    await waitForHydration(page);
    await expect(hint).toBeHidden();
    expect(await matrix(page).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});
