import type { Page } from "@playwright/test";
import { builtModule } from "./course-content";
import { expect } from "./fixtures";

/** Answer a module's first quiz on its page, all right or one wrong per question, and submit. */
export async function answerQuiz(page: Page, slug: string, correct: boolean) {
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

/** Sign the module's policy statement with this full name and wait until it is recorded. */
export async function signStatement(page: Page, fullName: string) {
  const statement = page.locator("#attestation");
  await statement.getByLabel("I have read this statement and agree to it.").check();
  await statement.getByLabel("Your full name").fill(fullName);
  await statement.getByRole("button", { name: "Sign the statement" }).click();
  await expect(statement.getByRole("status")).toContainText(`Signed by ${fullName}`);
  return statement;
}
