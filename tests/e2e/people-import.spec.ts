import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

// An admin brings in 30 people from a spreadsheet as Excel saves it in Slovenia (BOM, semicolons,
// Slovenian headings) into two teams that do not exist yet; one of them follows their invitation,
// chooses a password and sees their training.

test("an admin imports 30 people into two new teams; one follows the invitation to their training", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const teams = [`Trgovina Ljubljana ${stamp}`, `Trgovina Celje ${stamp}`];
  const people = Array.from({ length: 30 }, (_, i) => ({
    email: `uvoz.${i + 1}.${stamp}@example.test`,
    name: `${["Špela", "Žiga", "Nina", "Luka", "Ana"][i % 5]} Uvoženi ${i + 1} ${stamp}`,
    team: teams[i % 2]!,
  }));
  const csv =
    "\uFEFF" +
    [
      "E-pošta;Ime in priimek;Ekipa;Vloga;Jezik;Datum zaposlitve",
      ...people.map((p) => `${p.email};${p.name};${p.team};Zaposleni;Slovenščina;1. 12. 2026`),
    ].join("\r\n");

  await logIn(page, demoAccounts.admin.email);
  await page.goto("/admin/people");
  await page.getByRole("link", { name: "Import people from a spreadsheet" }).click();
  await expect(page).toHaveURL("/admin/people/import");
  await waitForHydration(page);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByLabel("CSV file").setInputFiles({
    name: "zaposleni.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await page.getByLabel("Create teams that do not exist yet").check();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(
    page.getByRole("heading", { name: "What importing zaposleni.csv would do" }),
  ).toBeVisible();
  const counts = page.getByRole("list", { name: "Rows by what would happen" });
  await expect(counts).toContainText("30new people");
  await expect(counts).toContainText("0errors");
  await expect(page.getByText(`2 new teams: ${teams[0]} and ${teams[1]}`)).toBeVisible();
  // The Slovenian headings were recognised.
  await expect(page.getByLabel("Full name")).toHaveValue("1");
  await expect(page.getByLabel("Hire date")).toHaveValue("5");
  await expect(page.getByRole("table")).toContainText(people[0]!.name);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Import 30 people" }).click();
  const done = page.getByRole("status");
  await expect(done).toContainText("zaposleni.csv imported");
  await expect(done).toContainText("30 people added");
  await expect(done).toContainText("2 teams created");
  await expect(done).toContainText("30 invitations on their way");

  // The admin finds one of them and gives her the link by hand (no mail server here).
  const ana = people[4]!;
  await page.goto(`/admin/people?q=${encodeURIComponent(ana.email)}`);
  await expect(page.getByRole("row", { name: new RegExp(ana.name) })).toContainText(ana.team);
  await page.getByRole("link", { name: ana.name }).click();
  await waitForHydration(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Send a new link" }).click();
  const link = await page.getByLabel(`Invitation link for ${ana.name}`).inputValue();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(new URL(link).pathname);
  await waitForHydration(newcomer);
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText(
    `Welcome to Frontline, ${ana.name.split(" ")[0]}`,
  );
  await newcomer.getByLabel("Your password", { exact: true }).fill("lanterne nad pristaniščem");
  await newcomer.getByLabel("The same password again").fill("lanterne nad pristaniščem");
  await newcomer.getByRole("button", { name: "Save and sign in" }).click();
  await expect(newcomer).toHaveURL("/training");
  // Her training, in Slovenian as the file said: the modules assigned to every team.
  await expect(newcomer.locator("html")).toHaveAttribute("lang", "sl");
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("Moje usposabljanje");
  await expect(
    newcomer.getByRole("link", { name: /Naša politika storitev/ }).first(),
  ).toBeVisible();
  await context.close();
});
