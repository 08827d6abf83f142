import { z } from "zod";
import { formKeyField } from "~/utils/form-key";
import { errorKey } from "~/i18n/errors";
import { zonedInstant } from "~/training/rollout/time";

// The observation and acknowledgement forms, shared by the browser (instant feedback) and the
// server (the check that counts). The standards come from content/, so the schema is built per
// request from their ids; the time checks use the manager's own time zone.

export const channels = ["phone", "email", "chat", "in-person"] as const;
export type Channel = (typeof channels)[number];
/** Message keys of each channel's name (app/locales/<locale>/team.json): `t(channelLabels[c])`. */
export const channelLabels: Record<Channel, string> = {
  phone: "team:channels.phone",
  email: "team:channels.email",
  chat: "team:channels.chat",
  "in-person": "team:channels.in-person",
};

/** A stored channel's message key; a channel no longer offered stays as it was stored. */
export const channelName = (channel: string) =>
  (channels as readonly string[]).includes(channel) ? channelLabels[channel as Channel] : channel;

/** A radio group's values: a score, or "na" for a standard that did not come up. */
export const ratingChoices = ["1", "2", "3", "4", "5", "na"] as const;
export type RatingChoice = (typeof ratingChoices)[number];

export const notesMax = 2000;
export const commentMax = 1000;
const minute = 60 * 1000;
// A manager's clock may run a little ahead of the server's: "just now" must not read as future.
export const clockSkew = 5 * minute;
export const oldestObservation = 365 * 24 * 60 * minute;

const id = z.string().min(1).max(64);

/** "YYYY-MM-DDTHH:mm" from a datetime-local input, checked to be a real calendar time. */
function wallTime(value: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(value);
  if (!match) return null;
  const [, y, m, d, hh, mm] = match.map(Number) as number[];
  const utc = new Date(Date.UTC(y!, m! - 1, d!, hh!, mm!));
  const real =
    utc.getUTCFullYear() === y &&
    utc.getUTCMonth() === m! - 1 &&
    utc.getUTCDate() === d &&
    hh! < 24 &&
    mm! < 60;
  return real ? { date: value.slice(0, 10), time: value.slice(11, 16) } : null;
}

export function observationSchema({
  standardIds,
  timeZone,
  now = () => new Date(),
}: {
  standardIds: string[];
  timeZone: string;
  now?: () => Date;
}) {
  const rating = z.enum(ratingChoices, { error: "team:errors.observation.rating" });
  return z.object({
    formKey: formKeyField,
    employeeId: z.string({ error: "team:errors.observation.employee" }).min(1).max(64),
    observedAt: z
      .string({ error: "team:errors.observation.dateTime" })
      .max(32)
      .transform((value, ctx) => {
        const wall = wallTime(value);
        if (!wall) {
          ctx.addIssue({ code: "custom", message: "team:errors.observation.realDateTime" });
          return z.NEVER;
        }
        return zonedInstant(wall.date, wall.time, timeZone);
      })
      .refine((at) => at.getTime() <= now().getTime() + clockSkew, "team:errors.observation.future")
      .refine(
        (at) => at.getTime() >= now().getTime() - oldestObservation,
        "team:errors.observation.tooOld",
      ),
    channel: z.enum(channels, { error: "team:errors.observation.channel" }),
    ratings: z
      .object(
        Object.fromEntries(standardIds.map((s) => [s, rating])) as Record<string, typeof rating>,
        {
          error: "team:errors.observation.ratings",
        },
      )
      .refine(
        (ratings) => Object.values(ratings).some((r) => r !== "na"),
        "team:errors.observation.rateOne",
      ),
    notes: z
      .string()
      .trim()
      .max(notesMax, errorKey("team:errors.atMostCharacters", { count: notesMax }))
      .default(""),
  });
}

export type ObservationInput = z.output<ReturnType<typeof observationSchema>>;

export const AcknowledgeSchema = z.object({
  intent: z.literal("acknowledge"),
  observationId: id,
  comment: z
    .string()
    .trim()
    .max(commentMax, errorKey("team:errors.atMostCharacters", { count: commentMax }))
    .optional(),
});

/** The stored JSON of ratings, as numbers (null: not applicable) for the given standards. */
export function parseRatings(json: string): Record<string, number | null> {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== "object") return {};
    const ratings: Record<string, number | null> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === null || (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5))
        ratings[key] = v;
    }
    return ratings;
  } catch {
    return {};
  }
}
