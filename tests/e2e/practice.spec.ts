import type { Page } from "@playwright/test";
import { builtModule, pathTo } from "./course-content";
import { expect, logIn, seriousA11yViolations, test, waitForHydration } from "./fixtures";

async function answerQuiz(page: Page, slug: string, correct: boolean) {
  const quiz = builtModule(slug).quizzes[0]!;
  const section = page.locator(`#quiz-${quiz.id}`);
  for (const question of quiz.questions) {
    const group = section.getByRole("group", { name: question.prompt });
    const pick = correct
      ? question.options.filter((o) => o.correct)
      : [question.options.find((o) => !o.correct) ?? question.options[0]!];
    for (const option of pick) await group.getByLabel(option.text, { exact: true }).check();
  }
  await section.getByRole("button", { name: "Submit answers" }).click();
  return section;
}

async function play(page: Page, scenarioId: string, replies: string[]) {
  const section = page.locator(`#scenario-${scenarioId}`);
  await section.getByRole("button", { name: /Start the role-play|Play again|Start over/ }).click();
  const conversation = section
    .getByRole("list", { name: "The conversation so far" })
    .getByRole("listitem");
  for (const [i, reply] of replies.entries()) {
    await section.getByRole("group").getByRole("button", { name: reply, exact: true }).click();
    // Wait for the server's answer before the next reply: each move names the step it answers.
    await expect(conversation).toHaveCount(i + 1);
  }
  return section;
}

test.describe("practising and completing", () => {
  test("an employee fails the quiz, passes it, signs the policy and sees module 1 completed", async ({
    page,
  }) => {
    await logIn(page, "amara.okoye@demo.frontline.test");
    await page.goto("/training/our-service-policy");
    await waitForHydration(page);

    let quiz = await answerQuiz(page, "our-service-policy", false);
    await expect(quiz.getByRole("status")).toContainText("Not passed yet: 0%");
    // A multiple-answer question says how much of it was missed, without naming the answers.
    await expect(
      quiz
        .getByText(/^You picked 0 of the \d+ right answers\. 1 of your choices is not right\.$/)
        .first(),
    ).toBeVisible();
    await expect(page.getByText("You can sign once you have passed the quizzes")).toBeVisible();

    await quiz.getByRole("link", { name: "Try again" }).click();
    quiz = await answerQuiz(page, "our-service-policy", true);
    await expect(quiz.getByRole("status")).toContainText("Passed: 100%");
    await expect(quiz).toContainText("Earlier attempts: 0%");

    const statement = page.locator("#attestation");
    await statement.getByLabel("Your full name").fill("Amara Okoye");
    await statement.getByRole("button", { name: "Sign the statement" }).click();
    await expect(statement.getByLabel("I have read this statement and agree to it.")).toBeFocused();
    await statement.getByLabel("I have read this statement and agree to it.").check();
    await statement.getByRole("button", { name: "Sign the statement" }).click();
    await expect(statement.getByRole("status")).toContainText("Signed by Amara Okoye");
    await expect(page.getByRole("status").filter({ hasText: "Completed" })).toContainText(
      `(version ${builtModule("our-service-policy").frontmatter!.version})`,
    );
    // The step that completed the module lands on the completion moment, with what comes next.
    await expect(page).toHaveURL(/#module-complete$/);
    const finished = page.getByRole("region", { name: "You have completed “Our service policy”" });
    await expect(finished).toBeVisible();
    await expect(finished).toContainText("Policy statement signed");
    await expect(
      finished.getByRole("link", { name: "Print or save your certificate" }),
    ).toBeVisible();
    await expect(finished).toContainText("Next for you");
    const next = finished.getByRole("link", { name: "Go to the next module" });
    await expect(next).toHaveAttribute("href", /^\/training\/(?!our-service-policy)[a-z-]+$/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "My training" }).first().click();
    await expect(page).toHaveURL("/training");
    const card = page.getByRole("link", { name: /Our service policy/ });
    await expect(card).toContainText("Completed");
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("an employee plays a role-play to a bad ending, then to a good one", async ({ page }) => {
    await logIn(page, "grace.mensah@demo.frontline.test");
    await page.goto("/training/handling-a-complaint");
    await waitForHydration(page);
    const module = builtModule("handling-a-complaint");
    const scenario = module.scenarios[0]!;

    let section = await play(page, scenario.id, pathTo(module, scenario.id, "bad"));
    await expect(section).toContainText("Poor outcome");
    await expect(section).toContainText(/Your score: -?\d+ of a possible \d+/);
    // A lost customer fails the run whatever it scored; why each reply worked or not is told
    // only now, in the debrief.
    await expect(section).toContainText("The customer was lost, so this run does not pass");
    const debrief = section.getByRole("region", { name: "Debrief" });
    await expect(debrief.getByRole("listitem")).toHaveCount(
      pathTo(module, scenario.id, "bad").length,
    );
    // A run that failed is no success on the learner's record either.
    await page.goto("/me");
    const runs = page.getByRole("table", { name: "Role-plays" });
    const failed = runs.getByRole("row").filter({ hasText: "the customer was lost" }).first();
    await expect(failed).toContainText("Not passed");
    await expect(failed).not.toContainText("Finished");
    await page.goto("/training/handling-a-complaint");
    await waitForHydration(page);

    section = await play(page, scenario.id, pathTo(module, scenario.id, "good", true));
    await expect(section).toContainText("Good outcome");
    await expect(section).toContainText(`(passed; ${scenario.passScore} needed)`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("a reload resumes the role-play where it was", async ({ page }) => {
    await logIn(page, "hana.kobayashi@demo.frontline.test");
    await page.goto("/training/explaining-a-policy");
    await waitForHydration(page);
    const module = builtModule("explaining-a-policy");
    const scenario = module.scenarios[0]!;
    const [first] = pathTo(module, scenario.id, "good", true);
    await play(page, scenario.id, [first!]);
    await page.reload();
    const section = page.locator(`#scenario-${scenario.id}`);
    await expect(section.getByRole("list", { name: "The conversation so far" })).toContainText(
      first!,
    );
    await expect(section.getByRole("button", { name: "Go back one step" })).toBeVisible();
  });

  test("the role-play can be played with the keyboard alone, and announces the customer", async ({
    page,
  }) => {
    await logIn(page, "piotr.nowak@demo.frontline.test");
    await page.goto("/training/follow-up-and-retention");
    await waitForHydration(page);
    const module = builtModule("follow-up-and-retention");
    const scenario = module.scenarios[0]!;
    const section = page.locator(`#scenario-${scenario.id}`);
    await section.getByRole("button", { name: "Start the role-play" }).focus();
    // Focusing scrolls the page, which reports sections read in the background; let that settle.
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("Enter");
    await expect(section.getByRole("group").getByRole("button").first()).toBeVisible({
      timeout: 15_000,
    });
    const opening = scenario.nodes.find((n) => n.id === scenario.start)!;
    await expect(section.locator("[aria-live='polite']")).toContainText(opening.line.slice(0, 40));
    // Tab from the customer's line to the first reply, and answer with Enter.
    await expect(section.getByRole("group").getByRole("button").first()).toBeEnabled();
    await section.locator("[aria-live='polite'] [tabindex='-1']").focus();
    await page.keyboard.press("Tab");
    await expect(section.getByRole("group").getByRole("button").first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(
      section.getByRole("list", { name: "The conversation so far" }).getByRole("listitem"),
    ).toHaveCount(1);
    await expect(section.locator("[aria-live='polite'] [tabindex='-1']")).toBeFocused();
  });

  test("quizzes and role-plays work as plain forms without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mail").fill("marek.kral@demo.frontline.test");
    await page.getByLabel("Password").fill("frontline-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL("/training");
    await page.goto("/training/recording-a-complaint");
    const quiz = await answerQuiz(page, "recording-a-complaint", true);
    await expect(quiz.getByRole("status")).toContainText("Passed: 100%");

    await page.goto("/training/handling-a-complaint");
    const module = builtModule("handling-a-complaint");
    const scenarioId = module.scenarios[0]!.id;
    const section = await play(
      page,
      scenarioId,
      pathTo(module, scenarioId, "good", true).slice(0, 2),
    );
    await expect(
      section.getByRole("list", { name: "The conversation so far" }).getByRole("listitem"),
    ).toHaveCount(2);
    await context.close();
  });
});

test.describe("secrets stay on the server", () => {
  test("the page and its data carry no answer key, feedback or unreached line before they are earned", async ({
    page,
  }) => {
    const module = builtModule("handling-a-complaint");
    const secrets = [
      ...module.quizzes.flatMap((q) =>
        q.questions.flatMap((question) => question.options.map((o) => o.feedback)),
      ),
      ...module.scenarios.flatMap((s) => [
        ...s.nodes.filter((n) => n.id !== s.start).map((n) => n.line),
        ...s.nodes.flatMap((n) => n.choices.map((c) => c.feedback)),
        ...s.endings.map((e) => e.outcome),
      ]),
    ].map((text) => text.slice(0, 60));
    const bodies: string[] = [];
    page.on("response", async (response) => {
      if (response.url().startsWith("http://localhost"))
        bodies.push(await response.text().catch(() => ""));
    });
    await logIn(page, "sofia.rossi@demo.frontline.test");
    await page.goto("/training/handling-a-complaint");
    await waitForHydration(page);
    await page.getByRole("link", { name: "My training" }).first().click();
    await page.getByRole("link", { name: /Handling a complaint/ }).click();
    await waitForHydration(page);
    // Compare plain text: undo HTML and JSON escaping, drop quotes.
    const plain = (text: string) =>
      text
        .replace(/&#x27;|&#39;|\\u0027/g, "'")
        .replace(/&quot;|&amp;quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/\\"/g, '"')
        .replace(/["“”]/g, "");
    const everything = plain(bodies.join("\n") + (await page.content()));
    for (const secret of secrets) {
      const probe = plain(secret).slice(0, 40);
      expect(everything.includes(probe), probe).toBe(false);
    }
    // The same probe does find what the learner has earned: the customer's opening line, once started.
    const scenario = module.scenarios[0]!;
    await page
      .locator(`#scenario-${scenario.id}`)
      .getByRole("button", { name: "Start the role-play" })
      .click();
    const opening = scenario.nodes.find((n) => n.id === scenario.start)!.line;
    await expect(page.locator(`#scenario-${scenario.id}`)).toContainText(opening.slice(0, 30));
    expect(plain(await page.content()).includes(plain(opening).slice(0, 40))).toBe(true);
  });
});
