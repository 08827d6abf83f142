import { z } from "zod";
import { NewPasswordSchema } from "~/auth/password-policy";
import { roles } from "~/auth/roles";
import { isTimeZone } from "~/training/rollout/time";

// The admin page's forms; the server adds database checks (unique e-mail, known team, module).

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Choose a module.")
  .max(100);
const id = z.string().min(1).max(64);

export const AssignSchema = z.object({
  intent: z.literal("assign"),
  moduleSlug: slug,
  roles: z
    .array(z.enum(roles, { error: "Unknown role." }))
    .max(roles.length)
    .default([]),
  teamIds: z.array(id).max(100).default([]),
  dueRule: z.enum(["after_assignment", "after_hire"], { error: "Choose when the days start." }),
  dueDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Whole days only.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days."),
});

export const EndAssignmentSchema = z.object({ intent: z.literal("unassign"), assignmentId: id });

export const AddPersonSchema = z.object({
  intent: z.literal("add-person"),
  name: z
    .string({ error: "Enter their full name." })
    .trim()
    .min(2, "Enter their full name.")
    .max(120),
  email: z
    .string({ error: "Enter their e-mail." })
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email("Enter a valid e-mail address.")),
  role: z.enum(roles, { error: "Choose a role." }),
  teamId: id.optional(),
  // Bounded: PostgreSQL cannot store year 0 (a 500), and no one was hired in year 1.
  hiredAt: z.iso
    .date("Use the date picker (YYYY-MM-DD).")
    .refine((d) => d >= "1900-01-01" && d <= "2099-12-31", "Use a date from 1900 to 2099.")
    .optional(),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, "Unknown time zone, e.g. Europe/Ljubljana.")
    .default("Europe/Ljubljana"),
  // The same rules as a password the person chooses; the server adds the common-password check.
  password: NewPasswordSchema,
});

export const SetActiveSchema = z.object({
  intent: z.enum(["deactivate", "activate"], { error: "Choose activate or deactivate." }),
  userId: id,
});
