import { z } from "zod";
import { zonedInstant } from "~/training/rollout/time";

// The observation and acknowledgement forms, shared by the browser (instant feedback) and the
// server (the check that counts). The standards come from content/, so the schema is built per
// request from their ids; the time checks use the manager's own time zone.

export const channels = ["phone", "email", "chat", "in-person"] as const;
export type Channel = (typeof channels)[number];
export const channelLabels: Record<Channel, string> = {
  phone: "Phone",
  email: "E-mail",
  chat: "Chat",
  "in-person": "In person",
};

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
  const rating = z.enum(ratingChoices, { error: "Choose a rating or N/A." });
  return z.object({
    employeeId: z.string({ error: "Choose who you observed." }).min(1).max(64),
    observedAt: z
      .string({ error: "Enter the date and time." })
      .max(32)
      .transform((value, ctx) => {
        const wall = wallTime(value);
        if (!wall) {
          ctx.addIssue({ code: "custom", message: "Enter a real date and time." });
          return z.NEVER;
        }
        return zonedInstant(wall.date, wall.time, timeZone);
      })
      .refine((at) => at.getTime() <= now().getTime() + clockSkew, "That is in the future.")
      .refine(
        (at) => at.getTime() >= now().getTime() - oldestObservation,
        "That is more than a year ago.",
      ),
    channel: z.enum(channels, { error: "Choose the channel." }),
    ratings: z
      .object(
        Object.fromEntries(standardIds.map((s) => [s, rating])) as Record<string, typeof rating>,
        {
          error: "Rate at least one standard.",
        },
      )
      .refine(
        (ratings) => Object.values(ratings).some((r) => r !== "na"),
        "Rate at least one standard; the others may be N/A.",
      ),
    notes: z
      .string()
      .trim()
      .max(notesMax, `At most ${notesMax.toLocaleString("en")} characters.`)
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
    .max(commentMax, `At most ${commentMax.toLocaleString("en")} characters.`)
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
