import { z } from "zod";

// The team service self-assessment (CONTENT.md, adapted from the Forum Corporation self-test):
// 25 statements in 7 areas, each rated 1 (not at all) to 5 (always). Pure: scoring, banding and the
// form's schema, shared by the server and the browser.

export const selfAssessmentAreas = [
  {
    id: "culture",
    title: "Customer-focused culture",
    statements: [
      "We are committed to doing whatever it takes to create satisfied customers.",
      "We try to do things right the first time.",
      "As the owner or manager, I lead by example on service.",
      "Serving customers' needs comes before our internal needs.",
    ],
  },
  {
    id: "products",
    title: "Customer-focused products and sales",
    statements: [
      "We take a partnership approach when selling.",
      "Our advertising promises nothing we cannot deliver.",
      "We know which features and benefits matter most to our customers.",
      "We design new products and services from customer input.",
    ],
  },
  {
    id: "feedback",
    title: "Responding to feedback",
    statements: [
      "We track customer complaints.",
      "We constantly ask customers for feedback.",
      "We regularly look for ways to remove errors based on customer input.",
    ],
  },
  {
    id: "knowing",
    title: "Knowing our customers",
    statements: [
      "We have found out what our customers expect.",
      "We communicate with our customers often.",
      "All staff know what matters to our customers.",
    ],
  },
  {
    id: "contact",
    title: "Ease of contact",
    statements: [
      "We make it easy for customers to deal with us.",
      "We aim to resolve every complaint.",
      "We encourage “wowing the customer”.",
    ],
  },
  {
    id: "staff",
    title: "Staff",
    statements: [
      "I respect my staff.",
      "All staff understand our product or service.",
      "All staff have the right tools and skills.",
      "All staff are encouraged to solve customer problems.",
      "All staff feel that customer satisfaction is part of their job.",
    ],
  },
  {
    id: "improving",
    title: "Improving",
    statements: [
      "We keep improving our processes and products.",
      "We talk with other groups to learn from their strengths and weaknesses.",
      "When we find problems, we try to fix them fast.",
    ],
  },
] as const;

export type AreaId = (typeof selfAssessmentAreas)[number]["id"];

// The answer scale is part of the questionnaire: in English here, in other languages beside the
// statements in content/self-assessment.<locale>.yaml (app/content/self-assessment.server.ts).
export const ratingLabels = ["Not at all", "Rarely", "Sometimes", "Often", "Always"] as const;

/** The form field of one statement, e.g. "culture-1" (1-based, as people count). */
export const statementField = (areaId: AreaId, index: number) => `${areaId}-${index + 1}`;

export const allStatementFields = selfAssessmentAreas.flatMap((area) =>
  area.statements.map((_, i) => statementField(area.id, i)),
);

export type Ratings = Record<AreaId, number[]>;
export type Band = "asset" | "adequate" | "losing";

export const minTotal = selfAssessmentAreas.length;
export const maxTotal = selfAssessmentAreas.length * 5;
/** Lowest total that counts as an asset, and highest that counts as losing customers. */
export const assetFrom = 28;
export const losingUpTo = 20;

/**
 * The source's bands (28+, 21–27, 20 or less) assume whole totals, but averages make fractional
 * ones. We read the two outer bands literally, on the exact total: 28 or more is an asset, 20 or
 * less is losing customers, and everything strictly between (20.02 … 27.95 too) is adequate. A
 * team is not told it is an asset, or losing customers, before it has actually got there.
 */
export function bandOf(total: number): Band {
  if (total >= assetFrom) return "asset";
  if (total <= losingUpTo) return "losing";
  return "adequate";
}

/**
 * The exact total as shown, to two decimals, never rounded across a band's edge: 27.999 shows as
 * 27.99 beside "adequate", not 28.00, and 20.001 as 20.01.
 */
export function shownTotal(exact: number): number {
  const shown = round(exact, 2);
  if (bandOf(shown) === bandOf(exact)) return shown;
  return shown > exact ? round(shown - 0.01, 2) : round(shown + 0.01, 2);
}

/** Message keys of each band's name and advice (app/locales/<locale>/team.json). */
export const bandText: Record<Band, { title: string; advice: string }> = {
  asset: {
    title: "team:selfAssessment.bands.asset.title",
    advice: "team:selfAssessment.bands.asset.advice",
  },
  adequate: {
    title: "team:selfAssessment.bands.adequate.title",
    advice: "team:selfAssessment.bands.adequate.advice",
  },
  losing: {
    title: "team:selfAssessment.bands.losing.title",
    advice: "team:selfAssessment.bands.losing.advice",
  },
};

const round = (value: number, places: number) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

export type SelfAssessmentScore = {
  /** Average per area, rounded to two decimals for showing. */
  areaAverages: Record<AreaId, number>;
  /** Sum of the seven (unrounded) averages, 7–35, as shown: two decimals (shownTotal). */
  total: number;
  band: Band;
};

/**
 * Score complete ratings. The band is taken from the exact total, and the total is shown so that
 * it never reads as another band's. Throws on incomplete or out-of-range ratings: callers
 * validate with the schema first.
 */
export function scoreSelfAssessment(ratings: Ratings): SelfAssessmentScore {
  let sum = 0;
  const areaAverages = {} as Record<AreaId, number>;
  for (const area of selfAssessmentAreas) {
    const values = ratings[area.id];
    if (
      values?.length !== area.statements.length ||
      values.some((v) => !Number.isInteger(v) || v < 1 || v > 5)
    ) {
      throw new Error(`ratings for ${area.id} are incomplete or out of range`);
    }
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    sum += average;
    areaAverages[area.id] = round(average, 2);
  }
  return { areaAverages, total: shownTotal(sum), band: bandOf(sum) };
}

const rating = z.coerce
  .number({ error: "team:errors.selfAssessment.howOften" })
  .int("team:errors.selfAssessment.howOften")
  .min(1, "team:errors.selfAssessment.range")
  .max(5, "team:errors.selfAssessment.range");

const statementShape = Object.fromEntries(allStatementFields.map((f) => [f, rating])) as Record<
  string,
  typeof rating
>;

/** The questionnaire as submitted: the team, the date and every statement's rating. */
export const SelfAssessmentSchema = z.object({
  teamId: z
    .string({ error: "team:errors.selfAssessment.team" })
    .min(1, "team:errors.selfAssessment.team")
    .max(64),
  // Bounded: PostgreSQL cannot store year 0 (a 500); the future is refused by the server.
  assessedOn: z.iso
    .date("team:errors.selfAssessment.date")
    .refine((d) => d >= "2000-01-01", "team:errors.selfAssessment.dateFrom2000"),
  ...statementShape,
});

export type SelfAssessmentInput = z.infer<typeof SelfAssessmentSchema>;

/** The flat form fields regrouped per area, in statement order. */
export function ratingsFromInput(input: Record<string, unknown>): Ratings {
  return Object.fromEntries(
    selfAssessmentAreas.map((area) => [
      area.id,
      area.statements.map((_, i) => Number(input[statementField(area.id, i)])),
    ]),
  ) as Ratings;
}
