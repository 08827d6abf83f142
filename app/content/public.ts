import type { QuizDef, ScenarioDef } from "./types";

// What of a quiz or scenario the browser may see before the learner has earned more: no correct
// flags, no feedback, no scores, no node beyond the setting.

export type PublicQuiz = {
  id: string;
  title: string;
  passScore: number;
  questions: {
    id: string;
    type: "single" | "multiple";
    prompt: string;
    options: { id: string; text: string }[];
  }[];
};

export type PublicScenario = { id: string; title: string; setting: string };

export function publicQuiz(quiz: QuizDef, modulePassScore: number): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    passScore: quiz.passScore ?? modulePassScore,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
    })),
  };
}

export function publicScenario(scenario: ScenarioDef): PublicScenario {
  return { id: scenario.id, title: scenario.title, setting: scenario.setting };
}
