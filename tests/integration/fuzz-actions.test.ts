import { decodeBase64 } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createInvitation } from "~/admin/invitations.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { roles } from "~/auth/roles";
import { createSession } from "~/auth/session.server";
import { newTwoFactorKey } from "~/auth/two-factor.server";
import { getModuleArtefact } from "~/content/store.server";
import { prisma } from "~/db.server";
import { action as peopleAction } from "~/routes/admin+/people";
import { foldForSearch } from "~/utils/search-key";
import { action as assessAction } from "~/routes/team+/self-assessment";
import { channels, ratingChoices } from "~/team/observation-schema";
import { observationStandards } from "~/team/observations.server";
import { badges } from "~/team/recognition-schema";
import { allStatementFields, ratingsFromInput, scoreSelfAssessment } from "~/team/self-assessment";
import type { ReadableModule } from "~/training/module-key";
import { submitAttempt } from "~/training/quiz/attempts.server";
import { chooseReply, startRun } from "~/training/scenario/runs.server";
import type { ActionSpec, FieldSpec, Writes } from "../support/fuzz";
import { fuzzAction, signedInHeaders, statusOf } from "../support/fuzz";
import { context, formRequest, settle } from "../support/requests";
import { routeEndpoints } from "../support/route-inventory";
import { at, fieldErrors, postAs, wall } from "../support/team";

// Every action of app/routes.ts (one per intent) gets generated forms from its real field names,
// as a visitor the action is for. No answer may be a thrown error or a 5xx; a refusal writes
// nothing; an acceptance writes whole rows and only where it should. A new action or intent fails
// the coverage test until it has a spec here.

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const slug = "canary-module";
const demoPassword = "frontline-demo";
const newPassphrase = "copper kettle on a quiet shelf";

// Each spec posts as its own account, so no one runs into the per-user limit on posted forms.
const who = {
  quiz: at("nora.lindqvist"),
  start: at("tomas.horvat"),
  choose: at("amara.okoye"),
  back: at("jonas.berg"),
  read: at("ravi.menon"),
  acknowledge: at("ines.duarte"),
  changePassword: at("piotr.nowak"),
  endSessions: at("hana.kobayashi"),
  logout: at("kwame.asante"),
  locale: at("aino.virtanen"),
  observe: at("manager"), // Front desk
  recognise: at("sam.okafor"), // Call centre
  assess: at("lena.fischer"), // Online chat
  loginTargets: [at("omar.haddad"), at("julia.kowalska"), at("mateo.garcia")],
  daniel: at("daniel.ek"), // Call centre, observed by Sam
  admins: [
    "assign",
    "add-person",
    "unassign",
    "deactivate",
    "activate",
    "clear-throttle",
    "reset-two-factor",
    "resend-invitation",
    "add-team",
    "update-team",
    "archive-team",
    "restore-team",
    "update-person",
    "bulk",
    "import-preview",
    "import-apply",
  ].map((w) => at(`fuzz.admin.${w}`)),
};

type Fixture = {
  canary: ReadableModule;
  id: (email: string) => string;
  teams: { frontDesk: string; callCentre: string; onlineChat: string };
  members: (teamId: string) => string[];
  /** An observation of Daniel by Sam: not Inês's to acknowledge. */
  danielObservation: string;
  /** Another learner's role-play run. */
  foreignRun: string;
  /** An assignment that has already ended. */
  endedAssignment: string;
};
let f: Fixture;

const field = <C>(name: string, valid: (ctx: C) => string[], more: Partial<FieldSpec<C>> = {}) => ({
  name,
  valid,
  ...more,
});
const fixed = <C>(name: string, ...values: string[]) => field<C>(name, () => values);
const slugParam = <C>() =>
  field<C>("slug", () => [slug], { param: true, foreign: () => ["draft-module"] });

async function latest<T>(rows: Promise<T | null>) {
  const row = await rows;
  expect(row).not.toBeNull();
  return row!;
}

/** A fresh run of the canary role-play for this learner, `replies` first replies in. */
async function runOf(userId: string, replies: number) {
  await startRun(userId, f.canary, "canary-call");
  const run = await prisma.scenarioRun.findFirstOrThrow({
    where: { userId, scenarioId: "canary-call", status: "active" },
    select: { id: true },
  });
  const nodes = ["opening", "calmer"];
  for (let step = 0; step < replies; step++) {
    const move = { scenarioId: "canary-call", runId: run.id, nodeId: nodes[step]!, step };
    await chooseReply(userId, f.canary, { ...move, choice: 0 });
  }
  return { runId: run.id, nodeId: nodes[replies]!, step: String(replies) };
}

type Move = Awaited<ReturnType<typeof runOf>>;
const moveFields = (intent: string): FieldSpec<Move>[] => [
  slugParam(),
  fixed("intent", intent),
  fixed("scenarioId", "canary-call"),
  field("runId", (c) => [c.runId], { foreign: () => [f.foreignRun] }),
  field("nodeId", (c) => [c.nodeId]),
  field("step", (c) => [c.step]),
];

/** The run moved exactly one step and its recorded path still adds up. */
async function movedOnce(ctx: Move) {
  const run = await prisma.scenarioRun.findUniqueOrThrow({
    where: { id: ctx.runId },
    select: { steps: true, path: true, score: true },
  });
  expect(run.steps).toBe(Number(ctx.step) + 1);
  const path = JSON.parse(run.path) as { score: number }[];
  expect(path.reduce((sum, s) => sum + s.score, 0)).toBe(run.score);
}

// Triggers count every change to a learner's records in their RecordsVersion row (a cache key).
const learnerRow: Writes = { RecordsVersion: [0, 1] };
const trainingWrites: Writes = { ...learnerRow, ModuleCompletion: [0, 1] };

/** A spec, with its own run context type, as one entry of the table below. */
const spec = <C>(s: ActionSpec<C>) => s as unknown as ActionSpec<unknown>;
let personCounter = 0;

/** The fields that name the person on /team/:userId (Daniel, Sam's), and the intent. */
const aboutDaniel = (intent: string): FieldSpec<unknown>[] => [
  field("userId", () => [f.id(who.daniel)], {
    param: true,
    foreign: () => [f.id(who.recognise), ...f.members(f.teams.frontDesk)],
  }),
  fixed("intent", intent),
  field("employeeId", () => [f.id(who.daniel)], {
    foreign: () => [...f.members(f.teams.frontDesk), f.id(who.recognise)],
  }),
];

const specs: Record<string, ActionSpec<unknown>> = {
  "POST /login": spec({
    as: null,
    // Each run starts below the throttle, so a valid login can succeed.
    prepare: async () => {
      await prisma.loginFailure.deleteMany();
    },
    fields: [
      field("email", () => who.loginTargets),
      fixed("password", demoPassword),
      fixed("redirectTo", "/training", "/me", "/team?team=x&page=2", "/team?q=Zoë"),
    ],
    writes: {},
    accepted: ({ result }) => {
      const response = result as Response;
      expect(response.headers.get("Set-Cookie")).toBeTruthy();
      // Never an open redirect, whatever redirectTo was; always a valid header.
      expect(response.headers.get("Location")).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    },
  }),
  // Only a working link sets a password, once: later forms of the same run find it spent.
  "POST /invite/:token": spec({
    as: null,
    prepare: () => invitee(),
    fields: [
      field("token", (c: { token: string }) => [c.token], {
        param: true,
        foreign: () => ["x".repeat(43)],
      }),
      fixed("newPassword", newPassphrase),
      fixed("confirmPassword", newPassphrase),
    ],
    writes: { Password: [1, 1], Invitation: [0, 0], AuditEvent: [1, 1] },
    accepted: async ({ ctx, result }) => {
      const { userId } = ctx as { userId: string };
      expect((result as Response).headers.get("Location")).toBe("/training");
      expect(await verifyPassword(await passwordHashOf(userId), newPassphrase)).toBe(true);
    },
  }),
  "POST /logout": spec({
    as: who.logout,
    numRuns: 30,
    // Logging out needs no fields, so whatever else is sent it succeeds.
    always: "accepted",
    fields: [],
    writes: {},
    accepted: async () => {
      expect(await prisma.session.count({ where: { userId: f.id(who.logout) } })).toBe(0);
    },
  }),

  "POST /training/:slug [quiz-submit]": spec({
    as: who.quiz,
    prepare: async () => ({
      next: String(
        1 +
          (await prisma.quizAttempt.count({
            where: { userId: f.id(who.quiz), moduleSlug: slug, quizId: "canary-quiz" },
          })),
      ),
    }),
    fields: [
      slugParam(),
      fixed("intent", "quiz-submit"),
      fixed("quizId", "canary-quiz"),
      field("attempt", (c: { next: string }) => [c.next]),
      fixed("answer:pick-one", "right", "wrong"),
      fixed("answer:pick-many", "first", "second", "third"),
    ],
    writes: { QuizAttempt: [1, 1], ...trainingWrites },
    accepted: async ({ ctx }) => {
      const attempt = await latest(
        prisma.quizAttempt.findFirst({
          where: { userId: f.id(who.quiz), quizId: "canary-quiz" },
          orderBy: { number: "desc" },
          select: { number: true, score: true, questionCount: true, answers: true },
        }),
      );
      expect(attempt.number).toBe(Number(ctx.next));
      expect(attempt.questionCount).toBe(2);
      expect(Object.keys(JSON.parse(attempt.answers) as object).sort()).toEqual([
        "pick-many",
        "pick-one",
      ]);
    },
  }),
  "POST /training/:slug [scenario-start]": spec({
    as: who.start,
    fields: [slugParam(), fixed("intent", "scenario-start"), fixed("scenarioId", "canary-call")],
    writes: { ScenarioRun: [1, 1], ...trainingWrites },
    accepted: async () => {
      const active = await prisma.scenarioRun.count({
        where: { userId: f.id(who.start), scenarioId: "canary-call", status: "active" },
      });
      expect(active).toBe(1);
    },
  }),
  "POST /training/:slug [scenario-choose]": spec({
    as: who.choose,
    prepare: () => runOf(f.id(who.choose), 0),
    fields: [...moveFields("scenario-choose"), fixed("choice", "0", "1")],
    writes: { ScenarioRun: [0, 0], ...trainingWrites },
    accepted: ({ ctx }) => movedOnce(ctx),
  }),
  "POST /training/:slug [scenario-back]": spec({
    as: who.back,
    prepare: () => runOf(f.id(who.back), 1),
    fields: moveFields("scenario-back"),
    writes: { ScenarioRun: [0, 0], ...trainingWrites },
    accepted: ({ ctx }) => movedOnce(ctx),
  }),
  "POST /training/:slug [attest]": spec({
    // Signatures cannot be removed, so each run signs as a new learner whose practice is done.
    as: (c: { email: string }) => c.email,
    prepare: async () => {
      const email = `fuzz.learner.${++personCounter}@example.test`;
      const { id: userId } = await prisma.user.create({
        data: { email, name: "Lucia Ferrante" },
        select: { id: true },
      });
      await submitAttempt(userId, f.canary, {
        quizId: "canary-quiz",
        attempt: 1,
        answers: { "pick-one": ["right"], "pick-many": ["first", "second"] },
      });
      await runOf(userId, 2);
      return { email };
    },
    fields: [
      slugParam(),
      fixed("intent", "attest"),
      fixed("typedName", "Lucia Ferrante", "  lucia   FERRANTE "),
      fixed("agree", "on"),
    ],
    writes: { ...learnerRow, Attestation: [1, 1], ModuleCompletion: [1, 1] },
    // Typed in any case or spacing, the signature is stored as the name on record.
    accepted: async ({ ctx }) => {
      const signed = await prisma.attestation.findFirstOrThrow({
        where: { user: { email: (ctx as { email: string }).email } },
        orderBy: { signedAt: "desc" },
        select: { typedName: true },
      });
      expect(signed.typedName).toBe("Lucia Ferrante");
    },
  }),
  "POST /training/:slug/read": spec({
    as: who.read,
    fields: [slugParam(), field("sectionId", () => f.canary.sections.map((s) => s.id))],
    writes: { ...learnerRow, SectionRead: [0, 1] },
  }),

  "POST /locale": spec({
    as: who.locale,
    fields: [
      field("locale", () => ["sl", "sk", "da", "lt", "en"]),
      field("redirectTo", () => ["/me", "/training"]),
    ],
    writes: { User: [0, 0], AuditEvent: [0, 1] },
    accepted: async ({ value }) => {
      const { locale } = await prisma.user.findUniqueOrThrow({
        where: { id: f.id(who.locale) },
        select: { locale: true },
      });
      expect(locale).toBe(value("locale"));
    },
  }),

  "POST /me [acknowledge]": spec({
    as: who.acknowledge,
    prepare: async () => ({
      observationId: (
        await prisma.observation.create({
          data: {
            managerId: f.id(who.recognise),
            employeeId: f.id(who.acknowledge),
            observedAt: new Date(),
            channel: "chat",
            ratings: "{}",
          },
          select: { id: true },
        })
      ).id,
    }),
    fields: [
      fixed("intent", "acknowledge"),
      field("observationId", (c: { observationId: string }) => [c.observationId], {
        foreign: () => [f.danielObservation],
      }),
      fixed("comment", "Thanks, that helps.", ""),
    ],
    writes: { Observation: [0, 0], AuditEvent: [1, 1] },
    accepted: async ({ ctx, value }) => {
      const row = await prisma.observation.findUniqueOrThrow({
        where: { id: ctx.observationId },
        select: { acknowledgedAt: true, employeeComment: true },
      });
      expect(row.acknowledgedAt).not.toBeNull();
      expect(row.employeeComment).toBe(value("comment")?.trim() || null);
    },
  }),
  "POST /me/security [change-password]": spec({
    as: who.changePassword,
    numRuns: 30,
    prepare: async () => {
      await prisma.loginFailure.deleteMany();
      const hash = await hashPassword(demoPassword);
      await prisma.password.update({ where: { userId: f.id(who.changePassword) }, data: { hash } });
      return {};
    },
    fields: [
      fixed("intent", "change-password"),
      fixed("currentPassword", demoPassword),
      fixed("newPassword", newPassphrase),
      fixed("confirmPassword", newPassphrase),
    ],
    writes: { Password: [0, 0], AuditEvent: [1, 1] },
    accepted: async () => {
      const { hash } = await prisma.password.findUniqueOrThrow({
        where: { userId: f.id(who.changePassword) },
      });
      expect(await verifyPassword(hash, newPassphrase)).toBe(true);
    },
  }),
  "POST /me/security [end-other-sessions]": spec({
    as: who.endSessions,
    prepare: async () => {
      await createSession(f.id(who.endSessions));
      return {};
    },
    fields: [fixed("intent", "end-other-sessions")],
    writes: { AuditEvent: [0, 1] },
    accepted: async () => {
      // Only the session that posted is left.
      expect(await prisma.session.count({ where: { userId: f.id(who.endSessions) } })).toBe(1);
    },
  }),

  "POST /team/observations/new": spec({
    as: who.observe,
    fields: [
      // A fresh one-time key per form, as the page gives; a repeat is the form-keys test's.
      field("formKey", () => [randomUUID()]),
      field("employeeId", () => f.members(f.teams.frontDesk), {
        foreign: () => [...f.members(f.teams.callCentre), f.id(who.observe)],
      }),
      field("observedAt", () => [
        wall(new Date(Date.now() - 60 * 60 * 1000)),
        wall(new Date(Date.now() - 200 * 86_400_000)),
      ]),
      fixed("channel", ...channels),
      fixed("notes", "Greeted the customer by name.", ""),
      ...observationStandards().map((s) => fixed(`ratings.${s.id}`, ...ratingChoices)),
    ],
    writes: { Observation: [1, 1], AuditEvent: [1, 1], FormKey: [1, 1] },
    accepted: async ({ value }) => {
      const row = await latest(
        prisma.observation.findFirst({
          where: { managerId: f.id(who.observe) },
          orderBy: { createdAt: "desc" },
          select: { employeeId: true, ratings: true, notes: true, channel: true },
        }),
      );
      expect(row.employeeId).toBe(value("employeeId"));
      expect(f.members(f.teams.frontDesk)).toContain(row.employeeId);
      expect(row.notes).toBe(value("notes")?.trim() ?? "");
      const expected = Object.fromEntries(
        observationStandards().map((s) => {
          const choice = value(`ratings.${s.id}`);
          return [s.id, choice === "na" ? null : Number(choice)];
        }),
      );
      expect(JSON.parse(row.ratings)).toEqual(expected);
    },
  }),
  "POST /team/recognition": spec({
    as: who.recognise,
    fields: [
      // A fresh one-time key per form, as the page gives; a repeat is the form-keys test's.
      field("formKey", () => [randomUUID()]),
      // Daniel, whose observation the form may link.
      field("employeeId", () => [f.id(who.daniel)], {
        foreign: () => [...f.members(f.teams.frontDesk), f.id(who.recognise)],
      }),
      fixed("reason", "Kept a hard call calm and friendly."),
      fixed("points", "1", "5", "100"),
      fixed("badge", ...badges.map((b) => b.id)),
      field("observationId", () => [f.danielObservation], {
        foreign: () => [f.danielObservation.replace(/.$/, "x")],
      }),
    ],
    writes: { Recognition: [1, 1], AuditEvent: [1, 1], FormKey: [1, 1] },
    accepted: async ({ value }) => {
      const row = await latest(
        prisma.recognition.findFirst({
          where: { fromId: f.id(who.recognise) },
          orderBy: { createdAt: "desc" },
          select: { toId: true, reason: true, points: true, badge: true, observationId: true },
        }),
      );
      expect(f.members(f.teams.callCentre)).toContain(row.toId);
      expect(row).toEqual({
        toId: value("employeeId"),
        reason: value("reason")!.trim(),
        points: Number(value("points")),
        // An empty choice ("") is no choice.
        badge: value("badge") || null,
        observationId: value("observationId") || null,
      });
    },
  }),
  // The canary quiz has no attempt limit: every well-formed form is refused (nothing to allow),
  // and the generated ones check that nothing else gets through. The grant itself is
  // tests/integration/attempt-rules.test.ts's.
  "POST /team/:userId [grant-attempt]": spec({
    as: who.recognise,
    always: "refused",
    fields: [
      ...aboutDaniel("grant-attempt"),
      field("formKey", () => [randomUUID()]),
      field("slug", () => [slug], { foreign: () => ["draft-module"] }),
      fixed("kind", "quiz", "scenario"),
      fixed("itemId", "canary-quiz", "canary-call"),
    ],
    writes: {},
  }),
  // Daniel has nothing overdue in the canary course: every well-formed form is refused (nothing
  // to remind of), and the generated ones check that nothing else gets through. The reminder
  // itself is tests/integration/remind-overdue.test.ts's.
  "POST /team/:userId [remind]": spec({
    as: who.recognise,
    always: "refused",
    fields: aboutDaniel("remind"),
    writes: {},
  }),
  "POST /team/self-assessment": spec({
    as: who.assess,
    fields: [
      field("teamId", () => [f.teams.onlineChat], { foreign: () => [f.teams.frontDesk] }),
      field("assessedOn", () => [
        new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        "2025-01-31",
      ]),
      ...allStatementFields.map((name) => fixed(name, "1", "2", "3", "4", "5")),
    ],
    writes: { SelfAssessment: [1, 1], AuditEvent: [1, 1] },
    accepted: async ({ form }) => {
      const row = await latest(
        prisma.selfAssessment.findFirst({
          where: { managerId: f.id(who.assess) },
          orderBy: { createdAt: "desc" },
          select: { teamId: true, total: true, band: true },
        }),
      );
      const score = scoreSelfAssessment(ratingsFromInput(Object.fromEntries(form)));
      expect(row).toEqual({ teamId: f.teams.onlineChat, total: score.total, band: score.band });
    },
  }),

  "POST /admin [assign]": spec({
    as: who.admins[0]!,
    fields: [
      // A fresh one-time key per form, as the page gives; a repeat is the form-keys test's.
      field("formKey", () => [randomUUID()]),
      fixed("intent", "assign"),
      fixed("moduleSlug", slug),
      fixed("roles", ...roles),
      field("teamIds", () => Object.values(f.teams)),
      fixed("dueRule", "after_assignment", "after_hire"),
      fixed("dueDays", "1", "14", "365"),
    ],
    writes: { Assignment: [1, 1], AuditEvent: [1, 1], FormKey: [1, 1], RolloutVersion: [0, 0] },
    accepted: async ({ value }) => {
      const row = await latest(
        prisma.assignment.findFirst({
          where: { createdById: f.id(who.admins[0]!) },
          orderBy: { createdAt: "desc" },
          select: { moduleSlug: true, dueDays: true, dueRule: true, active: true },
        }),
      );
      expect(row).toEqual({
        moduleSlug: slug,
        dueDays: Number(value("dueDays")),
        dueRule: value("dueRule"),
        active: true,
      });
    },
  }),
  "POST /admin/people [add-person]": spec({
    as: who.admins[1]!,
    prepare: async () => ({ email: `fuzz.person.${++personCounter}@example.test` }),
    fields: [
      // A fresh one-time key per form, as the page gives; a repeat is the form-keys test's.
      field("formKey", () => [randomUUID()]),
      fixed("intent", "add-person"),
      fixed("name", "Zoë O'Brien-Łukasiewicz", "Li Na"),
      field("email", (c: { email: string }) => [c.email], {
        foreign: () => [at("employee"), at("EMPLOYEE")],
      }),
      fixed("role", ...roles),
      field("teamId", () => Object.values(f.teams)),
      fixed("hiredAt", "2024-03-01", "2019-12-31"),
      fixed("timeZone", "Europe/Ljubljana", "America/New_York", "Asia/Kolkata"),
      fixed("locale", "sl", "sk", "da", "lt", "en"),
      fixed("password", "a long and unusual passphrase"),
    ],
    // The person arrives with their password, or (left out) an invitation: together or not at all.
    writes: {
      User: [1, 1],
      Password: [0, 1],
      Invitation: [0, 1],
      AuditEvent: [1, 1],
      FormKey: [1, 1],
    },
    accepted: async ({ value }) => {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: value("email")!.trim().toLowerCase() },
        select: {
          active: true,
          locale: true,
          password: { select: { hash: true } },
          _count: { select: { invitations: true } },
        },
      });
      expect(user.active).toBe(true);
      // An empty choice is no choice: the form's default applies.
      expect(user.locale).toBe(value("locale") || "en");
      // Exactly one way in: the password given, or an invitation to choose one.
      if (value("password")) {
        expect(user.password).not.toBeNull();
        expect(user._count.invitations).toBe(0);
      } else {
        expect(user.password).toBeNull();
        expect(user._count.invitations).toBe(1);
      }
    },
  }),
  "POST /admin [unassign]": spec({
    as: who.admins[2]!,
    prepare: async () => {
      const row = await prisma.assignment.create({
        data: { moduleSlug: slug, roles: '["employee"]', dueDays: 7 },
        select: { id: true },
      });
      return { assignmentId: row.id };
    },
    fields: [
      fixed("intent", "unassign"),
      field("assignmentId", (c: { assignmentId: string }) => [c.assignmentId], {
        foreign: () => [f.endedAssignment],
      }),
    ],
    writes: { Assignment: [0, 0], AuditEvent: [1, 1], RolloutVersion: [0, 0] },
    accepted: async ({ ctx }) => {
      const row = await prisma.assignment.findUniqueOrThrow({ where: { id: ctx.assignmentId } });
      expect(row.active).toBe(false);
    },
  }),
  "POST /admin/people/:userId [deactivate]": spec({
    as: who.admins[3]!,
    prepare: () => personToToggle(true),
    fields: [
      fixed("intent", "deactivate"),
      field("userId", (c: { userId: string }) => [c.userId], {
        param: true,
        foreign: () => [f.id(who.admins[3]!)],
      }),
    ],
    writes: { User: [0, 0], AuditEvent: [0, 1] },
    accepted: async ({ ctx }) => {
      const user = await prisma.user.findUniqueOrThrow({
        where: { id: ctx.userId },
        select: { active: true, _count: { select: { sessions: true } } },
      });
      expect(user).toEqual({ active: false, _count: { sessions: 0 } });
    },
  }),
  "POST /admin/people/:userId [activate]": spec({
    as: who.admins[4]!,
    prepare: () => personToToggle(false),
    fields: [
      fixed("intent", "activate"),
      field("userId", (c: { userId: string }) => [c.userId], {
        param: true,
        foreign: () => [f.id(who.admins[4]!)],
      }),
    ],
    writes: { User: [0, 0], AuditEvent: [0, 1] },
    accepted: async ({ ctx }) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.userId } });
      expect(user.active).toBe(true);
    },
  }),

  "POST /admin [clear-throttle]": spec({
    as: who.admins[5]!,
    // Someone's wrong passwords, counted from two addresses.
    prepare: async () => {
      const email = `fuzz.throttled.${++personCounter}@example.test`;
      await prisma.loginFailure.createMany({
        data: [`account:${email}`, `pair:${email}|203.0.113.9`, `pair:${email}|203.0.113.10`].map(
          (key) => ({ key }),
        ),
      });
      return { key: `account:${email}`, email };
    },
    fields: [fixed("intent", "clear-throttle"), field("key", (c: { key: string }) => [c.key])],
    writes: { AuditEvent: [1, 1] },
    accepted: async ({ ctx, value }) => {
      const { key, email } = ctx as { key: string; email: string };
      expect(await prisma.loginFailure.count({ where: { key: value("key")! } })).toBe(0);
      // The account's own count goes with its counts from every address.
      if (value("key") === key)
        expect(
          await prisma.loginFailure.count({ where: { key: { endsWith: `${email}|203.0.113.9` } } }),
        ).toBe(0);
    },
  }),

  // Without a password sign-in waiting for its code, every form goes back to the password.
  "POST /login/two-factor": spec({
    as: null,
    fields: [fixed("code", "123456", "abcde-fghij")],
    writes: {},
    always: "accepted",
  }),
  "POST /me/security [enrol-two-factor]": spec({
    // Each run a new person, with the key the page showed and the code their app shows now.
    as: (c: { email: string }) => c.email,
    prepare: async () => {
      const email = `fuzz.enrol.${++personCounter}@example.test`;
      await prisma.user.create({ data: { email, name: "Enrol Person" }, select: { id: true } });
      const key = newTwoFactorKey();
      return { email, key, code: generateTOTP(decodeBase64(key), 30, 6) };
    },
    fields: [
      fixed("intent", "enrol-two-factor"),
      field("key", (c: { key: string }) => [c.key]),
      field("code", (c: { code: string }) => [c.code]),
    ],
    writes: { TwoFactor: [1, 1], RecoveryCode: [10, 10], AuditEvent: [1, 1] },
  }),
  "POST /me/security [disable-two-factor]": spec({
    as: (c: { email: string }) => c.email,
    prepare: () => personWithTwoFactor(),
    fields: [
      fixed("intent", "disable-two-factor"),
      field("code", (c: { code: string }) => [c.code]),
    ],
    writes: { TwoFactor: [-1, -1], AuditEvent: [1, 1] },
  }),
  "POST /admin/people/:userId [reset-two-factor]": spec({
    as: who.admins[6]!,
    prepare: () => personWithTwoFactor(),
    fields: [
      fixed("intent", "reset-two-factor"),
      field("userId", (c: { userId: string }) => [c.userId], {
        param: true,
        foreign: () => [f.id(who.admins[6]!)],
      }),
    ],
    writes: { TwoFactor: [-1, -1], AuditEvent: [1, 1] },
  }),

  "POST /admin [add-team]": spec({
    as: who.admins[8]!,
    fields: [
      fixed("intent", "add-team"),
      field("name", () => [`Fuzz team ${++personCounter}`, `  Équipe ${++personCounter}  `]),
      field("managerIds", () => ["", f.id(who.observe)], { foreign: () => [f.id(who.daniel)] }),
    ],
    writes: { Team: [1, 1], TeamManager: [0, 1], AuditEvent: [1, 1] },
    accepted: async ({ value }) => {
      const team = await prisma.team.findUniqueOrThrow({
        where: { name: value("name")!.trim() },
        select: { archivedAt: true, managers: { select: { userId: true } } },
      });
      expect(team).toEqual({
        archivedAt: null,
        managers: value("managerIds") ? [{ userId: value("managerIds") }] : [],
      });
    },
  }),
  "POST /admin [update-team]": spec({
    as: who.admins[9]!,
    prepare: () => fuzzTeam(),
    fields: [
      fixed("intent", "update-team"),
      field("teamId", (c: { teamId: string }) => [c.teamId]),
      field("name", () => [`Renamed ${++personCounter}`]),
      field("managerIds", () => ["", f.id(who.observe)], { foreign: () => [f.id(who.daniel)] }),
    ],
    writes: { Team: [0, 0], TeamManager: [0, 1], AuditEvent: [1, 1] },
  }),
  "POST /admin [archive-team]": spec({
    as: who.admins[10]!,
    prepare: () => fuzzTeam(),
    fields: [
      fixed("intent", "archive-team"),
      field("teamId", (c: { teamId: string }) => [c.teamId], {
        foreign: () => [f.teams.frontDesk],
      }),
    ],
    writes: { Team: [0, 0], AuditEvent: [1, 1] },
  }),
  "POST /admin [restore-team]": spec({
    as: who.admins[11]!,
    prepare: () => fuzzTeam(true),
    fields: [
      fixed("intent", "restore-team"),
      field("teamId", (c: { teamId: string }) => [c.teamId]),
    ],
    writes: { Team: [0, 0], AuditEvent: [1, 1] },
  }),
  "POST /admin/people/:userId [resend-invitation]": spec({
    as: who.admins[7]!,
    prepare: () => invitee(),
    fields: [
      fixed("intent", "resend-invitation"),
      field("userId", (c: { userId: string }) => [c.userId], {
        param: true,
        foreign: () => [f.id(who.admins[7]!)],
      }),
    ],
    // The new link, the earlier one revoked (a change), and the event.
    writes: { Invitation: [1, 1], AuditEvent: [1, 1] },
  }),

  "POST /admin/people/:userId [update-person]": spec({
    as: who.admins[12]!,
    prepare: async () => ({
      ...(await invitee()),
      email: `fuzz.edited.${++personCounter}@example.test`,
    }),
    fields: [
      field("userId", (c: { userId: string }) => [c.userId], {
        param: true,
        foreign: () => [f.id(who.admins[12]!)],
      }),
      fixed("intent", "update-person"),
      fixed("name", "Zoë O'Brien-Łukasiewicz", "  Li Na  "),
      field("email", (c: { email: string }) => [c.email], {
        foreign: () => [at("employee"), at("EMPLOYEE")],
      }),
      fixed("role", ...roles),
      field("teamId", () => Object.values(f.teams)),
      fixed("hiredAt", "2024-03-01", "2019-12-31"),
      fixed("timeZone", "Europe/Ljubljana", "America/New_York"),
      fixed("locale", "sl", "sk", "da", "lt", "en"),
    ],
    writes: { User: [0, 0], TeamManager: [0, 0], AuditEvent: [0, 1] },
    accepted: async ({ ctx, value }) => {
      const user = await prisma.user.findUniqueOrThrow({
        where: { id: ctx.userId },
        select: { email: true, name: true, searchKey: true },
      });
      expect(user.email).toBe(value("email")!.trim().toLowerCase());
      expect(user.name).toBe(value("name")!.trim());
      expect(user.searchKey).toBe(foldForSearch(user.name));
    },
  }),
  "POST /admin/people [bulk]": spec({
    as: who.admins[13]!,
    prepare: () => invitee(),
    fields: [
      fixed("intent", "bulk"),
      fixed("action", "move-team", "deactivate", "activate", "resend-invitation"),
      field("userIds", (c: { userId: string }) => [c.userId], {
        foreign: () => [f.id(who.admins[13]!)],
      }),
      field("teamId", () => Object.values(f.teams)),
    ],
    // Each person ticked changes once at most, with one event; a new link replaces the old.
    writes: { User: [0, 0], Invitation: [0, 1], AuditEvent: [0, 1] },
  }),

  // A one-person file each time (a new person, in a team that may not exist yet). The import's
  // own tests cover large and hostile files.
  "POST /admin/people/import [preview]": importSpec("preview", 14),
  // Applied: the person (and maybe their new team), the invitation queued and sent, the events:
  // person added, team added, the import, the invitation sent.
  "POST /admin/people/import [apply]": importSpec("apply", 15),

  "POST /*": spec({ as: null, numRuns: 20, fields: [], writes: {}, always: "refused" }),
};

/** The import's form: a one-person CSV file and its column mapping, previewed or applied. */
function importSpec(intent: "preview" | "apply", admin: number) {
  return spec({
    as: who.admins[admin]!,
    prepare: async () => ({ n: ++personCounter }),
    fields: [
      fixed("intent", intent),
      field("text", (c: { n: number }) => [
        `email;name;team\r\nfuzz.import.${c.n}@example.test;Fuzz Import ${c.n};Front desk\r\n`,
        `E-mail,Name,Team\r\nfuzz.import.${c.n}@example.test,Žana Uvoz,Fuzz import team ${c.n}\r\n`,
      ]),
      fixed("fileName", "staff.csv"),
      fixed("createTeams", "on"),
      fixed("map.email", "0"),
      fixed("map.name", "1"),
      fixed("map.team", "2"),
      ...["role", "locale", "hiredAt", "managerEmail"].map((f) => fixed(`map.${f}`, "-1")),
    ],
    writes:
      intent === "preview"
        ? {}
        : {
            User: [0, 1],
            Team: [0, 1],
            ReminderOutbox: [0, 1],
            Invitation: [0, 1],
            AuditEvent: [0, 4],
          },
    auditEvents: [3, 4],
    ...(intent === "preview" ? { always: "accepted" as const } : {}),
  });
}

/** A team nobody is in (archived when asked). */
async function fuzzTeam(archived = false) {
  const n = ++personCounter;
  const { id } = await prisma.team.create({
    data: {
      name: `Fuzz empty ${n}`,
      slug: `fuzz-empty-${n}`,
      archivedAt: archived ? new Date() : null,
    },
    select: { id: true },
  });
  return { teamId: id };
}

/** Someone added without a password, and the token of their invitation. */
async function invitee() {
  const { id: userId } = await prisma.user.create({
    data: { email: `fuzz.invitee.${++personCounter}@example.test`, name: "Robin Invitee" },
    select: { id: true },
  });
  const { token } = await createInvitation(prisma, userId, null);
  return { userId, token };
}

const passwordHashOf = async (userId: string) =>
  (await prisma.password.findUniqueOrThrow({ where: { userId }, select: { hash: true } })).hash;

/** A new person with two-factor sign-in on, and the code their app shows now. */
async function personWithTwoFactor() {
  const email = `fuzz.two-factor.${++personCounter}@example.test`;
  const key = newTwoFactorKey();
  const { id: userId } = await prisma.user.create({
    data: { email, name: "Two Factor Person", twoFactor: { create: { key } } },
    select: { id: true },
  });
  return { email, userId, code: generateTOTP(decodeBase64(key), 30, 6) };
}

/** A new person (with a session) in the given state, for an admin to (de)activate. */
async function personToToggle(active: boolean) {
  const user = await prisma.user.create({
    data: { name: "Toggle Person", email: `fuzz.toggle.${++personCounter}@example.test`, active },
    select: { id: true },
  });
  await prisma.session.create({
    data: {
      id: `fuzz-session-${personCounter}`,
      userId: user.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { userId: user.id };
}

async function buildFixture() {
  await prisma.user.createMany({
    data: who.admins.map((email) => ({ email, name: "Fuzz Admin", role: "admin" })),
  });
  const users = await prisma.user.findMany({
    select: { id: true, email: true, teamId: true, role: true },
  });
  const userOf = (email: string) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`no account ${email}`);
    return user;
  };
  f = {
    canary: (await getModuleArtefact(slug)) as ReadableModule,
    id: (email) => userOf(email).id,
    teams: {
      frontDesk: userOf(at("employee")).teamId!,
      callCentre: userOf(who.daniel).teamId!,
      onlineChat: userOf(at("omar.haddad")).teamId!,
    },
    members: (teamId) =>
      users.filter((u) => u.teamId === teamId && u.role === "employee").map((u) => u.id),
    danielObservation: "",
    foreignRun: "",
    endedAssignment: "",
  };
  const observation = await prisma.observation.create({
    data: {
      managerId: f.id(who.recognise),
      employeeId: f.id(who.daniel),
      observedAt: new Date(),
      channel: "phone",
      ratings: "{}",
    },
    select: { id: true },
  });
  f.danielObservation = observation.id;
  f.foreignRun = (await runOf(f.id(at("employee")), 0)).runId;
  const ended = await prisma.assignment.create({
    data: { moduleSlug: slug, dueDays: 7, active: false },
    select: { id: true },
  });
  f.endedAssignment = ended.id;
}

const endpoints = (await routeEndpoints()).filter((e) => e.method === "POST");
beforeAll(async () => {
  await buildFixture();
}, 60_000);

describe("fuzzing every action", () => {
  it("has a spec for every action and intent of app/routes.ts, and no other", () => {
    const served = endpoints.map((e) => e.key);
    const listed = Object.keys(specs);
    expect(
      served.filter((k) => !listed.includes(k)),
      "actions without a fuzz spec",
    ).toEqual([]);
    expect(
      listed.filter((k) => !served.includes(k)),
      "specs of no action",
    ).toEqual([]);
    for (const endpoint of endpoints.filter((e) => e.intent)) {
      const intent = specs[endpoint.key]?.fields.find((x) => x.name === "intent");
      expect(intent?.valid({}), endpoint.key).toEqual([endpoint.intent]);
    }
  });

  it("answers a field name with a huge list index without echoing a list that long", async () => {
    for (const endpoint of endpoints) {
      const actionSpec = specs[endpoint.key]!;
      const ctx = (await actionSpec.prepare?.()) ?? {};
      const as = typeof actionSpec.as === "function" ? actionSpec.as(ctx) : actionSpec.as;
      const headers = await signedInHeaders(as);
      const fields = {
        ...(endpoint.intent ? { intent: endpoint.intent } : {}),
        "x[99999999]": "1",
      };
      const request = formRequest(endpoint.pattern.replace(/:\w+/g, slug), fields, headers);
      const params = Object.fromEntries(
        [...endpoint.pattern.matchAll(/:(\w+)/g)].map((m) => [m[1]!, slug]),
      );
      const answer = await settle(
        (async () => endpoint.handler({ request, params, context: context() }))(),
      );
      expect(statusOf(answer), endpoint.key).toBeLessThan(500);
      expect(JSON.stringify(answer).length, endpoint.key).toBeLessThan(10_000);
    }
  });

  it("refuses dates PostgreSQL cannot store (year 0) with a field error", async () => {
    const yearZero = "0000-01-01";
    const person = await postAs(peopleAction, who.admins[1]!, "/admin/people", {
      intent: "add-person",
      name: "Year Zero",
      email: "year.zero@example.test",
      role: "employee",
      hiredAt: yearZero,
      password: "a long and unusual passphrase",
    });
    expect(statusOf(person)).toBe(400);
    expect(fieldErrors(person).hiredAt).toBeTruthy();
    const assessment = await postAs(assessAction, who.assess, "/team/self-assessment", {
      teamId: f.teams.onlineChat,
      assessedOn: yearZero,
      ...Object.fromEntries(allStatementFields.map((name) => [name, "3"])),
    });
    expect(statusOf(assessment)).toBe(400);
    expect(fieldErrors(assessment).assessedOn).toBeTruthy();
  });

  for (const [key, actionSpec] of Object.entries(specs)) {
    it(`${key}: no error or 5xx, no write on refusal, whole writes on acceptance`, async () => {
      const endpoint = endpoints.find((e) => e.key === key);
      if (!endpoint) throw new Error(`${key} is not an action of app/routes.ts`);
      await fuzzAction(endpoint, actionSpec);
    }, 120_000);
  }
});
