// The shapes of compiled course content. Quiz and scenario definitions carry answers, scores and
// feedback: they stay on the server; the browser gets only the projections in public.ts.

export type Problem = { file: string; line: number; column: number; message: string };

export type Position = { line: number; column: number };

export type OptionDef = {
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
  at: Position;
};
export type QuestionDef = {
  id: string;
  type: "single" | "multiple";
  prompt: string;
  options: OptionDef[];
  at: Position;
};
/**
 * Attempt rules written on a Quiz or Scenario; each left out (null) falls back to the module's
 * `attempts` frontmatter, then to no rule (docs/authoring.md, "Attempt rules").
 */
export type RuleProps = {
  maxAttempts: number | null;
  waitMinutes: number | null;
  showAnswers: boolean | null;
};
export const noRules: RuleProps = { maxAttempts: null, waitMinutes: null, showAnswers: null };

export type QuizDef = {
  id: string;
  title: string;
  /** Percent of questions right needed to pass; null: the module's passScore applies. */
  passScore: number | null;
  rules: RuleProps;
  questions: QuestionDef[];
  at: Position;
};

export const moods = [
  "calm",
  "neutral",
  "confused",
  "frustrated",
  "upset",
  "angry",
  "pleased",
] as const;
export type Mood = (typeof moods)[number];
export const ratings = ["good", "mixed", "bad"] as const;
export type Rating = (typeof ratings)[number];

export type ChoiceDef = { to: string; score: number; feedback: string; text: string; at: Position };
export type NodeDef = {
  id: string;
  speaker: string;
  mood: Mood;
  line: string;
  choices: ChoiceDef[];
  at: Position;
};
export type EndingDef = {
  id: string;
  title: string;
  rating: Rating;
  outcome: string;
  /** The run's score when it ends here; set only when the scenario's scoring is "ending". */
  score: number | null;
  at: Position;
};

/**
 * How a role-play is scored (docs/decisions/006): "path" sums the chosen replies, "ending" takes
 * the reached ending's score, "none" counts finishing only.
 */
export const scoringModes = ["path", "ending", "none"] as const;
export type ScoringMode = (typeof scoringModes)[number];
export type ScenarioDef = {
  id: string;
  title: string;
  setting: string;
  start: string;
  scoring: ScoringMode;
  passScore: number | null;
  rules: RuleProps;
  nodes: NodeDef[];
  endings: EndingDef[];
  at: Position;
};

export type Section = { id: string; title: string; depth: 2 | 3 };
