import { z } from "zod";

// The recognition form and its badges, shared by browser and server. The badge list is fixed
// here (not in content/) because it is a product choice, not part of the policy.

export const badges = [
  {
    id: "customer-hero",
    title: "Customer hero",
    description: "Went out of their way for a customer.",
  },
  {
    id: "calm-under-pressure",
    title: "Calm under pressure",
    description: "Kept a heated conversation calm and constructive.",
  },
  {
    id: "great-follow-up",
    title: "Great follow-up",
    description: "Came back to the customer exactly when promised.",
  },
  {
    id: "team-player",
    title: "Team player",
    description: "Helped a colleague or covered for them.",
  },
  {
    id: "plain-speaker",
    title: "Plain speaker",
    description: "Explained a rule so the customer understood why it exists.",
  },
] as const;

export type BadgeId = (typeof badges)[number]["id"];
const badgeIds = badges.map((b) => b.id) as [BadgeId, ...BadgeId[]];

export const badgeTitle = (badge: string | null) =>
  badges.find((b) => b.id === badge)?.title ?? null;

export const reasonMin = 5;
export const reasonMax = 500;
export const pointsMax = 100;

const id = z.string().min(1).max(64);

export const RecognitionSchema = z.object({
  employeeId: z.string({ error: "Choose whom to recognise." }).min(1).max(64),
  reason: z
    .string({ error: "Say what they did well." })
    .trim()
    .min(reasonMin, `At least ${reasonMin} characters.`)
    .max(reasonMax, `At most ${reasonMax} characters.`),
  points: z.coerce
    .number({ error: "Enter points from 1 to 100." })
    .int("Whole points only.")
    .min(1, "At least 1 point.")
    .max(pointsMax, `At most ${pointsMax} points.`),
  badge: z.enum(badgeIds, { error: "Choose one of the badges." }).optional(),
  observationId: id.optional(),
});

export type RecognitionInput = z.output<typeof RecognitionSchema>;
