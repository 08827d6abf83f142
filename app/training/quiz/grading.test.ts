import { describe, expect, it } from "vitest";
import type { QuizDef } from "~/content/types";
import { noRules } from "~/content/types";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { answerProblems, gradeQuiz, withAnswers } from "./grading";

// Problems are message keys with values; read them as an English reader would.
const english = fixedT("en");
const problemsIn = (answers: Record<string, string[]>) =>
  answerProblems(quiz, answers).map((problem) => errorText(english, problem));

const at = { line: 1, column: 1 };
const option = (id: string, correct = false) => ({
  id,
  text: id.toUpperCase(),
  correct,
  feedback: `fb-${id}`,
  at,
});
const quiz: QuizDef = {
  id: "q",
  title: "Q",
  passScore: null,
  rules: noRules,
  at,
  questions: [
    { id: "one", type: "single", prompt: "One?", at, options: [option("a", true), option("b")] },
    {
      id: "many",
      type: "multiple",
      prompt: "Many?",
      at,
      options: [option("x", true), option("y", true), option("z")],
    },
  ],
};

describe("grading a quiz", () => {
  it("needs the exact correct set for a multiple-choice question", () => {
    expect(gradeQuiz(quiz, { one: ["a"], many: ["x", "y"] }, 100)).toMatchObject({
      correctCount: 2,
      score: 100,
      passed: true,
    });
    expect(gradeQuiz(quiz, { one: ["a"], many: ["x"] }, 100)).toMatchObject({
      correctCount: 1,
      score: 50,
      passed: false,
    });
    expect(gradeQuiz(quiz, { one: ["a"], many: ["x", "y", "z"] }, 50)).toMatchObject({
      score: 50,
      passed: true,
    });
  });

  it("returns feedback only for the options the learner chose", () => {
    const result = gradeQuiz(quiz, { one: ["b"], many: ["x", "z"] }, 50);
    expect(result.questions).toEqual([
      {
        questionId: "one",
        correct: false,
        chosen: [{ optionId: "b", text: "B", feedback: "fb-b" }],
      },
      {
        questionId: "many",
        correct: false,
        // What was missed, counted, not named: one of the two right ones, and one wrong one.
        tally: { right: 2, rightChosen: 1, wrongChosen: 1 },
        chosen: [
          { optionId: "x", text: "X", feedback: "fb-x" },
          { optionId: "z", text: "Z", feedback: "fb-z" },
        ],
      },
    ]);
    expect(JSON.stringify(result)).not.toContain("fb-a");
    expect(JSON.stringify(result)).not.toContain("fb-y");
  });

  it("names the right options missed only when asked to (after a pass, or by the rules)", () => {
    const result = withAnswers(quiz, gradeQuiz(quiz, { one: ["b"], many: ["x"] }, 50));
    expect(result.questions.map((q) => q.missed?.map((m) => m.optionId))).toEqual([["a"], ["y"]]);
  });

  it("finds what is wrong with a submission", () => {
    expect(answerProblems(quiz, { one: ["a"], many: ["x"] })).toEqual([]);
    expect(answerProblems(quiz, { one: ["a", "b"], many: ["nope"], extra: ["a"] })).toEqual([
      'training:errors.noQuestion|{"id":"extra"}',
      'training:errors.oneAnswer|{"question":"one"}',
      'training:errors.noOption|{"option":"nope","question":"many"}',
    ]);
    expect(problemsIn({ one: ["a", "b"], many: ["nope"], extra: ["a"] })).toEqual([
      'There is no question "extra" in this quiz.',
      'Question "one" takes one answer.',
      'There is no option "nope" in question "many".',
    ]);
    expect(problemsIn({ one: ["a"] })).toEqual(["Answer question 2: “Many?”"]);
  });
});
