import type { Page } from "@playwright/test";
import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

// The admin's people list and a person's page. People are added by each test itself (other
// specs run at the same time and count the demo teams), with names that need accents folded to
// be found.

async function addPerson(page: Page, name: string, email: string, team: string) {
  const add = page.locator("form#add-person");
  await add.getByLabel("Full name").fill(name);
  await add.getByLabel("Work e-mail").fill(email);
  await add.getByLabel("Team").selectOption({ label: team });
  await add.getByLabel("First password (optional)").fill("a long and unusual passphrase");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByRole("status")).toContainText(`${name} has been added`);
  // In the list (the page has reloaded its data) and the form empty again, ready for the next.
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await expect(add.getByLabel("Full name")).toHaveValue("");
}

const search = async (page: Page, text: string) => {
  await page.getByLabel("Name or e-mail").fill(text);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text)}`));
};

test.describe("people at /admin/people", () => {
  test("an admin finds a person ignoring accents and changes their details in place", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    await logIn(page, demoAccounts.admin.email);
    await page.getByRole("link", { name: "Find and manage people" }).click();
    await expect(page).toHaveURL("/admin/people");
    await waitForHydration(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await addPerson(page, "Zuzana Šťastná", `zuzana.${stamp}@example.test`, "Online chat");

    // Typed without accents or capitals, found all the same.
    await search(page, "stastna");
    const row = page.getByRole("row", { name: /Zuzana Šťastná/ });
    await expect(row).toContainText("Online chat");
    await expect(row).toContainText("Never");
    await row.getByRole("link", { name: "Zuzana Šťastná" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zuzana Šťastná");
    await waitForHydration(page);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const edit = page.locator("form#edit-person");
    await edit.getByLabel("Full name").fill("Zuzana Šťastná-Kováčová");
    await edit.getByLabel("Team").selectOption({ label: "Call centre" });
    await edit.getByLabel("Language").selectOption({ label: "Slovenčina" });
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByRole("status")).toHaveText(
      "Saved. Their assignments and their manager's views follow at once.",
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zuzana Šťastná-Kováčová");
    // The change is in their history, field by field.
    const history = page.getByRole("region", { name: "Latest changes" });
    await expect(history).toContainText("Person changed");
    await expect(history).toContainText("team: Online chat → Call centre");
    await expect(history).toContainText("language: en → sk");

    // An e-mail someone else has is refused, and nothing changes.
    await edit.getByLabel("Work e-mail").fill(demoAccounts.employee.email);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByText("Someone already has this e-mail.")).toBeVisible();
    await page.getByRole("link", { name: "All people" }).click();
    await search(page, "kovacova");
    await expect(page.getByRole("row", { name: /Zuzana Šťastná-Kováčová/ })).toContainText(
      `zuzana.${stamp}@example.test`,
    );
  });

  test("ticked people are deactivated together, after a question, and brought back", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    await logIn(page, demoAccounts.admin.email);
    await page.goto("/admin/people");
    await waitForHydration(page);
    await addPerson(page, `Ilse Bulk ${stamp}`, `ilse.${stamp}@example.test`, "Online chat");
    await addPerson(page, `Ivo Bulk ${stamp}`, `ivo.${stamp}@example.test`, "Online chat");

    await search(page, stamp);
    await expect(page.getByRole("row")).toHaveCount(3);
    await page.getByLabel("Tick everyone on this page").check();
    await expect(page.getByRole("group", { name: /With the ticked people \(2\)/ })).toBeVisible();
    await page.getByLabel("Action").selectOption({ label: "Deactivate" });
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("Deactivate 2 people?");
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("status")).toHaveText("2 people deactivated.");
    // The list shows active people unless asked otherwise.
    await expect(page.getByText("Nobody matches these filters.")).toBeVisible();

    await page.getByLabel("Status").selectOption({ label: "Deactivated" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/status=inactive/);
    await waitForHydration(page);
    await page.getByLabel(`Tick Ivo Bulk ${stamp}`).check();
    await page.getByLabel("Action").selectOption({ label: "Reactivate" });
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("status")).toHaveText("1 person reactivated.");
    await expect(page.getByRole("row", { name: /Ivo Bulk/ })).toHaveCount(0);
    await expect(page.getByRole("row", { name: /Ilse Bulk/ })).toContainText("Inactive");
  });
});
