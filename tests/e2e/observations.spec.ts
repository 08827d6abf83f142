import type { Page } from "@playwright/test";
import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

// Jonas Berg (Front desk): a record no other browser test depends on.
const jonas = "jonas.berg@demo.frontline.test";

async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a manager observes and recognises; the employee sees both and acknowledges", async ({
  page,
  browser,
}) => {
  // Five steps in two browsers, with screenshots at two widths: longer than one page's default.
  test.setTimeout(90_000);
  const notes = `Asked the guest for their idea first (${Date.now()}).`;
  let recordUrl = "";
  const reason = "Turned a double booking into a loyal guest by asking what would help.";

  await test.step("a bad submit shows field errors and keeps what was typed", async () => {
    await logIn(page, demoAccounts.manager.email);
    await page.goto("/team/observations/new");
    await waitForHydration(page);
    await page.getByLabel("Employee").selectOption({ label: "Jonas Berg" });
    await page.getByLabel("Notes").fill(notes);
    await page.getByRole("button", { name: "Save observation" }).click();
    await expect(page.getByText("Choose the channel.")).toBeVisible();
    await expect(
      page.getByText("Rate at least one standard; the others may be N/A."),
    ).toBeVisible();
    await expect(page.getByLabel("Notes")).toHaveValue(notes);
    await expect(page.getByLabel("Employee")).toHaveValue(/.+/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shoot(page, "observation-form-errors");
  });

  await test.step("the observation is saved and shown on the employee's record", async () => {
    await page.getByRole("group", { name: "Channel" }).getByText("Chat", { exact: true }).click();
    const greets = page.getByRole("group", { name: "Greets and identifies the need" });
    await greets.getByText("4", { exact: true }).click();
    const listens = page.getByRole("group", {
      name: "Lets the customer talk and restates the facts",
    });
    await listens.getByText("2", { exact: true }).click();
    await page.getByRole("button", { name: "Save observation" }).click();
    await expect(page).toHaveURL(/\/team\/[^/]+#observation-/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jonas Berg");
    recordUrl = new URL(page.url()).pathname;
    const observation = page.getByRole("article").filter({ hasText: notes });
    await expect(observation).toContainText("Chat");
    await expect(observation).toContainText("Not acknowledged yet.");
    await expect(
      page.getByRole("heading", { name: "Greets and identifies the need", level: 3 }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Assigned modules" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shoot(page, "employee-record");
  });

  await test.step("recognition linked to that observation appears on the wall", async () => {
    const observation = page.getByRole("article").filter({ hasText: notes });
    await observation.getByRole("link", { name: /Recognise Jonas Berg/ }).click();
    await expect(page).toHaveURL(/\/team\/recognition\?employee=/);
    await waitForHydration(page);
    await expect(page.getByLabel("For an observation (optional)")).not.toHaveValue("");
    await page.getByLabel("What they did well").fill("Nice");
    await page.getByRole("button", { name: "Recognise" }).click();
    await expect(page.getByText("At least 5 characters.")).toBeVisible();
    await page.getByLabel("What they did well").fill(reason);
    await page.getByLabel("Points (1–100)").fill("20");
    await page.getByRole("radio", { name: /Great follow-up/ }).check();
    await page.getByRole("button", { name: "Recognise" }).click();
    await expect(page.getByRole("status")).toHaveText("Recognition saved.");
    const wall = page.getByRole("list", { name: "Team recognition wall" });
    const item = wall.getByRole("listitem").filter({ hasText: reason });
    await expect(item).toContainText("Jonas Berg");
    await expect(item).toContainText("Great follow-up");
    await expect(item).toContainText("20 points");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shoot(page, "recognition");
  });

  await test.step("the employee sees both under /me and acknowledges with a comment", async () => {
    const context = await browser.newContext();
    const employee = await context.newPage();
    await logIn(employee, jonas);
    // /training says there is something to acknowledge, and leads there.
    await expect(employee).toHaveURL("/training");
    await expect(
      employee
        .getByRole("status")
        .filter({ hasText: /Your manager has recorded \d+ observations?/ }),
    ).toBeVisible();
    // So does the navigation, on every page: "My record" with the number waiting.
    const navigation = employee.getByRole("navigation", { name: "Main" });
    const record = navigation.getByRole("link", { name: /^My record/ });
    await expect(record).toHaveAccessibleName(/observations? to acknowledge\)$/);
    const waiting = Number((await record.textContent())!.match(/\d+/)![0]);
    await employee.getByRole("link", { name: "Read and acknowledge" }).click();
    await expect(employee).toHaveURL("/me#observations");
    await waitForHydration(employee);
    const observations = employee.getByRole("region", { name: /Observations/ });
    const observation = observations.getByRole("article").filter({ hasText: notes });
    await expect(observation).toContainText("Observed by Maya Patel");
    await observation.getByLabel("Your comment (optional)").fill("Thanks, I'll keep doing it.");
    await observation.getByRole("button", { name: "Acknowledge" }).click();
    await expect(observation).toContainText("Acknowledged by you");
    await expect(observation).toContainText("Thanks, I'll keep doing it.");
    await expect(observation.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    // One fewer waiting in the navigation, or none to show.
    if (waiting > 1) await expect(record).toContainText(String(waiting - 1));
    else await expect(record).toHaveAccessibleName("My record");
    const recognition = employee.getByRole("region", { name: /Recognition/ });
    await expect(recognition).toContainText(reason);
    await expect(recognition).toContainText("Great follow-up");
    await expect(recognition.getByRole("heading", { name: "Front desk wall" })).toBeVisible();
    expect(await seriousA11yViolations(employee)).toEqual([]);
    await shoot(employee, "me");
    await context.close();
  });

  await test.step("the manager sees the acknowledgement", async () => {
    await page.goto(recordUrl);
    await expect(page.getByRole("article").filter({ hasText: notes })).toContainText(
      "Thanks, I'll keep doing it.",
    );
  });
});
