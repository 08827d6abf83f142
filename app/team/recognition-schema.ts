import { z } from "zod";
import { errorKey } from "~/i18n/errors";
import { formKeyField } from "~/utils/form-key";

// The recognition form and its badges, shared by browser and server. The badge list is fixed
// here (not in content/) because it is a product choice, not part of the policy.

/** The badges; `title` and `description` are message keys (app/locales/<locale>/team.json). */
export const badges = [
  {
    id: "customer-hero",
    title: "team:badges.customer-hero.title",
    description: "team:badges.customer-hero.description",
  },
  {
    id: "calm-under-pressure",
    title: "team:badges.calm-under-pressure.title",
    description: "team:badges.calm-under-pressure.description",
  },
  {
    id: "great-follow-up",
    title: "team:badges.great-follow-up.title",
    description: "team:badges.great-follow-up.description",
  },
  {
    id: "team-player",
    title: "team:badges.team-player.title",
    description: "team:badges.team-player.description",
  },
  {
    id: "plain-speaker",
    title: "team:badges.plain-speaker.title",
    description: "team:badges.plain-speaker.description",
  },
] as const;

export type BadgeId = (typeof badges)[number]["id"];
const badgeIds = badges.map((b) => b.id) as [BadgeId, ...BadgeId[]];

/** The message key of a stored badge's title; null for none (or one no longer offered). */
export const badgeTitle = (badge: string | null): string | null =>
  badges.find((b) => b.id === badge)?.title ?? null;

export const reasonMin = 5;
export const reasonMax = 500;
export const pointsMax = 100;

const id = z.string().min(1).max(64);

export const RecognitionSchema = z.object({
  formKey: formKeyField,
  employeeId: z.string({ error: "team:errors.recognition.employee" }).min(1).max(64),
  reason: z
    .string({ error: "team:errors.recognition.reason" })
    .trim()
    .min(reasonMin, errorKey("team:errors.atLeastCharacters", { count: reasonMin }))
    .max(reasonMax, errorKey("team:errors.atMostCharacters", { count: reasonMax })),
  points: z.coerce
    .number({ error: errorKey("team:errors.recognition.points", { min: 1, max: pointsMax }) })
    .int("team:errors.recognition.wholePoints")
    .min(1, "team:errors.recognition.minPoints")
    .max(pointsMax, errorKey("team:errors.recognition.maxPoints", { count: pointsMax })),
  badge: z.enum(badgeIds, { error: "team:errors.recognition.badge" }).optional(),
  observationId: id.optional(),
});

export type RecognitionInput = z.output<typeof RecognitionSchema>;
