import { z } from "zod";
import { moods, ratings, scoringModes } from "./types";

// The props each author-facing component accepts. Strict: an unknown prop is a typo to report.

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens");
const text = z.string().trim().min(1, "must not be empty");
// Attempt rules (docs/authoring.md): a limit, a wait after a failed attempt, answers shown.
export const ruleProps = {
  maxAttempts: z.number().int().min(1).max(20).optional(),
  waitMinutes: z.number().int().min(0).max(10_080).optional(),
  showAnswers: z.boolean().optional(),
};

// Wide enough for scores brought in from H5P; a typo beyond it is caught.
const score = z.number().int().min(-100).max(100);

export const componentProps = {
  Callout: z.object({
    type: z.enum(["info", "tip", "warning"]).optional(),
    title: text.optional(),
  }),
  KeyPoint: z.object({}),
  Steps: z.object({}),
  Step: z.object({ title: text }),
  Figure: z.object({ src: text, alt: text, caption: text.optional() }),
  // An impossible pass mark (over 100) is reported by validateQuiz as unreachable.
  Quiz: z.object({
    id,
    title: text.optional(),
    passScore: z.number().int().min(1).optional(),
    ...ruleProps,
  }),
  Question: z.object({ id, type: z.enum(["single", "multiple"]).default("single"), prompt: text }),
  Option: z.object({ id, correct: z.boolean().default(false), feedback: text }),
  Scenario: z.object({
    id,
    title: text,
    start: id,
    setting: text.optional(),
    scoring: z.enum(scoringModes).default("path"),
    // Which modes take a pass score, and where scores may stand, is checked by validateScenario.
    passScore: z.number().int().min(0).optional(),
    ...ruleProps,
  }),
  Node: z.object({ id, speaker: text.default("Customer"), mood: z.enum(moods).default("neutral") }),
  Choice: z.object({ to: id, score: score.default(0), feedback: text.optional() }),
  Ending: z.object({ id, title: text, rating: z.enum(ratings), score: score.optional() }),
} as const;

export type ComponentName = keyof typeof componentProps;
export type PropsOf<N extends ComponentName> = z.output<(typeof componentProps)[N]>;

export const componentNames = Object.keys(componentProps) as ComponentName[];

/** Where each part of an interactive component may appear. */
export const requiredParent: Partial<Record<ComponentName, ComponentName>> = {
  Question: "Quiz",
  Option: "Question",
  Node: "Scenario",
  Ending: "Scenario",
  Choice: "Node",
  Step: "Steps",
};

export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(componentProps, name);
}
