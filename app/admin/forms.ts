import { z } from "zod";
import { NewPasswordSchema } from "~/auth/password-policy";
import { roles } from "~/auth/roles";
import { locales } from "~/i18n/config";
import { formKeyField } from "~/utils/form-key";
import { isTimeZone } from "~/training/rollout/time";

// The admin page's forms; the server adds database checks (unique e-mail, known team, module).
// Messages are message keys (app/locales/<locale>/admin.json), put into words where shown.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "admin:errors.chooseModule")
  .max(100);
const id = z.string().min(1).max(64);

export const AssignSchema = z.object({
  intent: z.literal("assign"),
  formKey: formKeyField,
  moduleSlug: slug,
  roles: z
    .array(z.enum(roles, { error: "admin:errors.unknownRole" }))
    .max(roles.length)
    .default([]),
  teamIds: z.array(id).max(100).default([]),
  dueRule: z.enum(["after_assignment", "after_hire"], { error: "admin:errors.dueRule" }),
  dueDays: z.coerce
    .number({ error: "admin:errors.dueDaysNumber" })
    .int("admin:errors.wholeDays")
    .min(1, "admin:errors.dueDaysMin")
    .max(365, "admin:errors.dueDaysMax"),
});

export const EndAssignmentSchema = z.object({ intent: z.literal("unassign"), assignmentId: id });

const personName = z
  .string({ error: "admin:errors.fullName" })
  .trim()
  .min(2, "admin:errors.fullName")
  .max(120);
const personEmail = z
  .string({ error: "admin:errors.emailRequired" })
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("admin:errors.email"));
// Bounded: PostgreSQL cannot store year 0 (a 500), and no one was hired in year 1.
const hireDate = z.iso
  .date("admin:errors.hiredAtFormat")
  .refine((d) => d >= "1900-01-01" && d <= "2099-12-31", "admin:errors.hiredAtRange");
const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, "admin:errors.timeZone")
  .default("Europe/Ljubljana");

export const AddPersonSchema = z.object({
  intent: z.literal("add-person"),
  formKey: formKeyField,
  name: personName,
  email: personEmail,
  role: z.enum(roles, { error: "admin:errors.role" }),
  teamId: id.optional(),
  hiredAt: hireDate.optional(),
  timeZone,
  // The language Frontline speaks to them: pages, e-mails, certificates and the course.
  locale: z.enum(locales, { error: "admin:errors.locale" }).default("en"),
  // The same rules as a password the person chooses; the server adds the common-password check.
  // Left empty: an invitation e-mail lets them choose their own (the usual way).
  password: NewPasswordSchema.optional(),
});

export const ClearThrottleSchema = z.object({
  intent: z.literal("clear-throttle"),
  key: z
    .string({ error: "admin:errors.throttleKey" })
    .regex(/^(account|client|pair):/, "admin:errors.throttleKey")
    .max(600, "admin:errors.throttleKey"),
});

const teamName = z
  .string({ error: "admin:errors.teamName" })
  .trim()
  .min(2, "admin:errors.teamName")
  .max(80, "admin:errors.teamNameLong");

// A team may have several managers; none is allowed (an admin sees every team).
const managerIds = z.array(id).max(20, "admin:errors.tooManyManagers").default([]);

export const AddTeamSchema = z.object({
  intent: z.literal("add-team"),
  name: teamName,
  managerIds,
});

export const UpdateTeamSchema = z.object({
  intent: z.literal("update-team"),
  teamId: id,
  name: teamName,
  managerIds,
});

export const ArchiveTeamSchema = z.object({
  intent: z.enum(["archive-team", "restore-team"]),
  teamId: id,
});

/** A person's details changed in place, on their page. */
export const UpdatePersonSchema = z.object({
  intent: z.literal("update-person"),
  name: personName,
  email: personEmail,
  role: z.enum(roles, { error: "admin:errors.role" }),
  teamId: id.optional(),
  hiredAt: hireDate.optional(),
  timeZone,
  locale: z.enum(locales, { error: "admin:errors.locale" }),
});

export const bulkActions = ["move-team", "deactivate", "activate", "resend-invitation"] as const;

/** One action on the people ticked in the list (a page's worth, or a few pages' worth). */
export const BulkPeopleSchema = z
  .object({
    intent: z.literal("bulk"),
    action: z.enum(bulkActions, { error: "admin:errors.bulkAction" }),
    userIds: z
      .array(id, { error: "admin:errors.bulkNobody" })
      .min(1, "admin:errors.bulkNobody")
      .max(500, "admin:errors.bulkTooMany"),
    teamId: id.optional(),
  })
  .refine((v) => v.action !== "move-team" || v.teamId, {
    path: ["teamId"],
    message: "admin:errors.bulkTeam",
  });
