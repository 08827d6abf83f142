import type { Page } from "@playwright/test";
import { builtModule, pathTo } from "./course-content";
import {
  demoAccounts,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";
import { builtTranslation, tr, translatedReplies } from "./i18n";

// Frontline in the staff's own languages, as a person sees it: the words on the page come from
// the catalogues and the translated course, found here by their English originals.

const sl = (english: string, values: Record<string, string | number> = {}) =>
  tr("sl", english, values);
/** A catalogue text's words before its first value, e.g. "Opravljeno:" of "Opravljeno: {{score}}". */
const lead = (locale: string, english: string) => tr(locale, english).split("{{")[0]!.trim();

async function answerQuizIn(page: Page, slug: string, locale: string) {
  const source = builtModule(slug).quizzes[0]!;
  const words = builtTranslation(slug, locale).quizzes[0]!;
  const section = page.locator(`#quiz-${source.id}`);
  source.questions.forEach((question, q) => expect(words.questions[q]!.id).toBe(question.id));
  for (const [q, question] of source.questions.entries()) {
    const translated = words.questions[q]!;
    const group = section.getByRole("group", { name: translated.prompt });
    for (const [o, option] of question.options.entries())
      if (option.correct)
        await group.getByLabel(translated.options[o]!.text, { exact: true }).check();
  }
  await section.getByRole("button", { name: tr(locale, "Submit answers") }).click();
  await expect(section.getByRole("status")).toContainText(lead(locale, "Passed: {{score}}"));
}

test.describe("languages", () => {
  test("a visitor picks a language on the login page, and it is remembered", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Slovenščina" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(sl("Log in to your training"));
    await expect(page.getByRole("button", { name: "Slovenščina" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(sl("Log in to your training"));
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A signed-in person reads their own language: Eli's account says English.
    await page.getByLabel(sl("E-mail")).fill(demoAccounts.employee.email);
    await page.getByLabel(sl("Password")).fill("frontline-demo");
    await page.getByRole("button", { name: sl("Log in") }).click();
    await page.waitForURL("/training");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "My training" }).first()).toBeVisible();
  });

  test("a browser that asks for Danish gets the login page in Danish", async ({ browser }) => {
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await page.goto("/login");
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      tr("da", "Log in to your training"),
    );
    await context.close();
  });

  test("a Slovenian employee completes modules in Slovenian; their manager sees it in English", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await logIn(page, "tomas.horvat@demo.frontline.test");
    await expect(page.locator("html")).toHaveAttribute("lang", "sl");
    await expect(page.getByRole("link", { name: sl("My training") }).first()).toBeVisible();

    // Module 1: the quiz, graded by the English key, then the statement signed in Slovenian.
    const policy = builtTranslation("our-service-policy", "sl");
    await page.goto("/training/our-service-policy");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(policy.meta!.title);
    await answerQuizIn(page, "our-service-policy", "sl");
    const statement = page.locator("#attestation");
    await expect(statement).toContainText(policy.meta!.attestation!.slice(0, 40));
    await statement.getByLabel(sl("I have read this statement and agree to it.")).check();
    await statement.getByLabel(sl("Your full name")).fill("Tomas Horvat");
    await statement.getByRole("button", { name: sl("Sign the statement") }).click();
    await expect(statement.getByRole("status")).toContainText("Tomas Horvat");
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: sl("Completed") })
        .first(),
    ).toBeVisible();

    // Its certificate in Slovenian, and a verify link anyone can open.
    await page.getByRole("link", { name: sl("View your certificate") }).click();
    await expect(page).toHaveURL("/training/our-service-policy/certificate");
    await expect(page.locator("html")).toHaveAttribute("lang", "sl");
    await expect(page.getByText(sl("Certificate of completion"))).toBeVisible();
    await expect(page.getByText(policy.meta!.title).first()).toBeVisible();
    const printed = await page
      .getByText(/\/verify\/[a-z2-7]{16}/)
      .first()
      .textContent();
    const verifyHref = new URL(/https?:\/\/\S+\/verify\/[a-z2-7]{16}/.exec(printed ?? "")![0])
      .pathname;

    // Module 3: the quiz and the role-play, played in Slovenian to its best ending.
    const slug = "handling-a-complaint";
    const module = builtModule(slug);
    const scenario = module.scenarios[0]!;
    await page.goto(`/training/${slug}`);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      builtTranslation(slug, "sl").meta!.title,
    );
    await answerQuizIn(page, slug, "sl");
    const play = page.locator(`#scenario-${scenario.id}`);
    await play.getByRole("button", { name: sl("Start the role-play") }).click();
    const conversation = play
      .getByRole("list", { name: sl("The conversation so far") })
      .getByRole("listitem");
    const replies = translatedReplies(
      slug,
      scenario.id,
      "sl",
      pathTo(module, scenario.id, "good", true),
    );
    for (const [i, reply] of replies.entries()) {
      await play.getByRole("group").getByRole("button", { name: reply, exact: true }).click();
      await expect(conversation).toHaveCount(i + 1);
    }
    await expect(play).toContainText(sl("Good outcome"));
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: sl("Completed") })
        .first(),
    ).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Anyone can verify the certificate; the page names the language it was completed in.
    const visitor = await browser.newContext();
    const check = await visitor.newPage();
    await check.goto(verifyHref);
    await expect(check.locator("html")).toHaveAttribute("lang", "en");
    await expect(check.getByText("Certificate verified").first()).toBeVisible();
    await expect(check.getByRole("definition").filter({ hasText: "Slovenian" })).toBeVisible();
    await visitor.close();

    // Maya, his manager, reads Frontline in English and sees both modules completed.
    const manager = await browser.newContext();
    const maya = await manager.newPage();
    await logIn(maya, demoAccounts.manager.email);
    await maya.goto("/team?q=tomas");
    await waitForHydration(maya);
    await expect(maya.locator("html")).toHaveAttribute("lang", "en");
    const row = maya
      .getByRole("region", { name: "Completion matrix" })
      .getByRole("row", { name: /Tomas Horvat/ });
    await expect(row.getByText("Completed", { exact: true })).toHaveCount(2);
    await manager.close();
  });

  for (const [locale, email] of [
    ["sl", "tomas.horvat@demo.frontline.test"],
    ["sk", "ines.duarte@demo.frontline.test"],
    ["da", "daniel.ek@demo.frontline.test"],
    ["lt", "omar.haddad@demo.frontline.test"],
  ] as const) {
    test(`pages in ${locale} are whole and accessible`, async ({ page }) => {
      await logIn(page, email);
      for (const path of ["/training", "/training/follow-up-and-retention", "/me"]) {
        await page.goto(path);
        await waitForHydration(page);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        expect(await seriousA11yViolations(page), `${locale} ${path}`).toEqual([]);
      }
      // The module is in the learner's language, not English.
      await page.goto("/training/follow-up-and-retention");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        builtTranslation("follow-up-and-retention", locale).meta!.title,
      );
    });
  }
});
