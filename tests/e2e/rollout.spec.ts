import { builtModule } from "./course-content";
import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

test.describe("my training", () => {
  test("shows every status, most urgent first, with due dates and progress", async ({ page }) => {
    await logIn(page, demoAccounts.employee.email);
    await expect(page).toHaveURL("/training");
    const assigned = page.getByRole("region", { name: "Assigned to you" });
    const items = assigned.getByRole("listitem");
    await expect(items).toHaveCount(6);
    const expected: [string, string, RegExp][] = [
      ["Handling a complaint in four steps", "Overdue", /Was due \d+ \w+ \d{4}/],
      ["Explaining a policy to an upset customer", "Needs re-training", /Due \d+ \w+ \d{4}/],
      ["Understanding what the customer needs", "In progress", /Due \d+ \w+ \d{4}/],
      ["Recording a complaint", "Not started", /Due \d+ \w+ \d{4}/],
      ["Follow-up and keeping customers", "Not started", /Due \d+ \w+ \d{4}/],
      ["Our service policy", "Completed", /Completed \d+ \w+ \d{4}/],
    ];
    for (const [i, [title, status, due]] of expected.entries()) {
      const item = items.nth(i);
      await expect(item.getByRole("heading", { level: 3 })).toHaveText(title);
      await expect(item).toContainText(status);
      await expect(item).toContainText(due);
      await expect(item.getByRole("progressbar")).toBeVisible();
    }
    await expect(items.nth(5).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByRole("progressbar", { name: "Overall progress" })).toBeVisible();
    await expect(page.getByText("1 of 6 modules completed")).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

test("a module to re-train says which version replaces which, and what changed", async ({
  page,
}) => {
  // Eli completed version 0.9 of this module before its MAJOR version changed (the demo's seed).
  await logIn(page, demoAccounts.employee.email);
  await page.goto("/training/explaining-a-policy");
  await waitForHydration(page);
  const banner = page.getByRole("status").filter({ hasText: "Re-training" });
  const { version } = builtModule("explaining-a-policy").frontmatter!;
  await expect(banner).toContainText(
    `version ${version} replaces version 0.9, which you completed on`,
  );
  // Every note of this MAJOR is new to Eli, the 1.0 rewrite first.
  await expect(banner).toContainText("What changed: Rewritten around five steps");
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test.describe("rolling a module out", () => {
  test("an admin adds a person and assigns a module; the person sees it at once", async ({
    page,
    browser,
  }) => {
    // Two people, two sign-ins and the audit log: 90 s, as the other long journeys.
    test.setTimeout(90_000);
    await logIn(page, demoAccounts.admin.email);
    await expect(page).toHaveURL("/admin");
    await waitForHydration(page);

    const assign = page.locator("form#assign");
    await assign.getByLabel("Module").selectOption({ label: "Follow-up and keeping customers" });
    await assign.getByLabel("Days to complete").fill("5");
    await assign.getByLabel("Online chat").check();
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(
      page.getByRole("row", { name: /Follow-up and keeping customers.*Online chat/ }),
    ).toContainText("5 days after assignment");
    await expect(assign.getByRole("status")).toHaveText(
      "“Follow-up and keeping customers” assigned. It appears in the list above.",
    );

    // People are added on the people page, reached from the admin page.
    await page.getByRole("link", { name: "Add a person" }).click();
    await expect(page).toHaveURL("/admin/people#add-person");
    await waitForHydration(page);
    const add = page.locator("form#add-person");
    await add.getByLabel("Full name").fill("Noa Newcomer");
    await add.getByLabel("Work e-mail").fill("noa.newcomer@demo.frontline.test");
    await add.getByLabel("Team").selectOption({ label: "Online chat" });
    // No password typed: Noa is invited to choose her own.
    await add.getByRole("button", { name: "Add person" }).click();
    await expect(add.getByRole("status")).toContainText(
      "Noa Newcomer has been sent an invitation to noa.newcomer@demo.frontline.test.",
    );
    const noaRow = page.getByRole("row", { name: /Noa Newcomer/ });
    await expect(noaRow).toContainText("Online chat");
    await expect(noaRow).toContainText(/Invited; link valid until \d+ \w+ \d{4}/);
    const link = await add.getByLabel("Invitation link for Noa Newcomer").inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{43}$/);

    // Noa follows the link, chooses a password and is signed in to her training.
    const context = await browser.newContext();
    const noa = await context.newPage();
    await noa.goto(new URL(link).pathname);
    await expect(noa.getByRole("heading", { level: 1 })).toHaveText("Welcome to Frontline, Noa");
    await waitForHydration(noa);
    await noa.getByLabel("Your password", { exact: true }).fill("welcome-to-frontline");
    await noa.getByLabel("The same password again").fill("welcome-to-frontline");
    expect(await seriousA11yViolations(noa)).toEqual([]);
    await noa.getByRole("button", { name: "Save and sign in" }).click();
    await expect(noa).toHaveURL("/training");
    const followUp = noa.getByRole("link", { name: /Follow-up and keeping customers/ }).first();
    await expect(followUp).toContainText("Not started");
    await expect(noa.getByText("Our service policy").first()).toBeVisible();
    // The link worked once.
    await noa.goto(new URL(link).pathname);
    await expect(noa.getByRole("heading", { level: 1 })).toHaveText(
      "This invitation link no longer works",
    );
    await context.close();
    await page.reload();
    await expect(page.getByRole("row", { name: /Noa Newcomer/ })).toContainText("Password");
    await page.goto("/admin");
    await waitForHydration(page);

    // Ending an assignment asks first: cancelling keeps it, confirming ends it.
    const row = page.getByRole("row", { name: /Follow-up and keeping customers.*Online chat/ });
    const end = row.getByRole("button", { name: /End/ });
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain(
        "End the assignment of “Follow-up and keeping customers”?",
      );
      void dialog.dismiss();
    });
    await end.click();
    await expect(row).toBeVisible();
    page.once("dialog", (dialog) => void dialog.accept());
    await end.click();
    await expect(row).toHaveCount(0);

    // Both changes are in the audit log with who made them; its filters find each.
    await page.getByRole("link", { name: "Audit log: who changed what" }).click();
    await expect(page).toHaveURL("/admin/audit");
    await page.getByLabel("Changed", { exact: true }).fill("Noa Newcomer");
    await page.getByRole("button", { name: "Filter" }).click();
    // Added by the admin, then the invitation used by Noa herself.
    await expect(page.getByText("2 entries")).toBeVisible();
    const entries = page.getByRole("table", { name: "Audit log entries, newest first" });
    await expect(entries.getByRole("row").nth(1)).toContainText(
      /Invitation accepted.*Noa Newcomer <noa\.newcomer@demo\.frontline\.test>/,
    );
    await expect(entries.getByRole("row").nth(2)).toContainText(
      /Person added.*Noa Newcomer <noa\.newcomer@demo\.frontline\.test>/,
    );
    await expect(entries.getByRole("row").nth(2)).toContainText(demoAccounts.admin.email);
    await page.getByLabel("Changed", { exact: true }).fill("follow-up-and-retention");
    await page.getByRole("combobox", { name: "Action" }).selectOption({ label: "Module assigned" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=assignment.add/);
    await expect(page.getByText("1 entry")).toBeVisible();
    await expect(entries.getByRole("row").nth(1)).toContainText("teams: Online chat");
    expect(await seriousA11yViolations(page)).toEqual([]);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download as CSV" }).click();
    const csv = await (await download).createReadStream();
    let text = "";
    for await (const chunk of csv) text += chunk;
    expect(text.trim().split("\r\n")).toHaveLength(2);
    expect(text).toContain("assignment.add");
  });

  test("bad input in the admin forms shows field errors and adds nothing", async ({ page }) => {
    await logIn(page, demoAccounts.admin.email);
    await expect(page).toHaveURL("/admin");
    await page.goto("/admin/people");
    await waitForHydration(page);
    await expect(page.getByRole("row", { name: /Eli Brooks/ })).toBeVisible();
    const rows = await page.getByRole("row").count();
    const add = page.locator("form#add-person");
    await add.getByLabel("Full name").fill("Eli Again");
    await add.getByLabel("Work e-mail").fill(demoAccounts.employee.email);
    await add.getByLabel("First password").fill("short");
    await add.getByRole("button", { name: "Add person" }).click();
    await expect(add.getByText("At least 8 characters.")).toBeVisible();
    await add.getByLabel("First password").fill("a-long-enough-password");
    await add.getByRole("button", { name: "Add person" }).click();
    await expect(add.getByText("Someone already has this e-mail.")).toBeVisible();
    expect(await page.getByRole("row").count()).toBe(rows);
  });
});
