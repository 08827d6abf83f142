import { newTwoFactorKey } from "~/auth/two-factor.server";
import { createInvitation } from "~/admin/invitations.server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { homePath } from "~/auth/roles";
import { readSessionCookie } from "~/auth/cookie.server";
import { createSession } from "~/auth/session.server";
import { sessionIdFromToken } from "~/auth/session-token.server";
import type { Role } from "~/auth/roles";
import { getModuleArtefact } from "~/content/store.server";
import { prisma } from "~/db.server";
import { newCertificateCode } from "~/training/completion.server";
import type { ReadableModule } from "~/training/module-key";
import { submitAttempt } from "~/training/quiz/attempts.server";
import { chooseReply, startRun } from "~/training/scenario/runs.server";
import { observationStandards } from "~/team/observations.server";
import { allStatementFields } from "~/team/self-assessment";
import { changedTables, snapshotDatabase } from "../support/db-snapshot";
import { context, cookiePair, formRequest, getRequest, settle } from "../support/requests";
import type { Endpoint } from "../support/route-inventory";
import { matchPattern, routeEndpoints } from "../support/route-inventory";
import { requestAs } from "../support/sessions";
import { at, wall } from "../support/team";

// Every loader and action of app/routes.ts × seven kinds of visitor, with the answer each must
// get, in one table. The list of endpoints comes from the route list itself (one per exported
// loader, action and action intent), so a new route, export or intent fails the coverage test
// until it has a row here; a row for something that no longer exists fails it too.
//
// "ok": 2xx, or a redirect anywhere but /login or the visitor's home; "home": redirected to the
// visitor's home page; "login": sent to log in; numbers are statuses. Every answer that is
// neither "ok" nor "home" must also leave the database exactly as it was.

vi.hoisted(() => {
  // The test course: a published module with an image, a quiz and a role-play, and a draft.
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});
// Company sign-in on, against a real provider (tests/support/oidc-provider.ts), started before
// the app reads its environment.
const idp = await vi.hoisted(async () => {
  const { startTestProvider } = await import("../support/oidc-provider");
  const provider = await startTestProvider();
  Object.assign(process.env, provider.env);
  return provider;
});
afterAll(async () => {
  for (const name of Object.keys(idp.env)) delete process.env[name];
  await idp.close();
});

const people = {
  eli: at("employee"), // Front desk
  ines: at("ines.duarte"), // Call centre
  maya: at("manager"), // manages Front desk
  sam: at("sam.okafor"), // manages Call centre
  trainer: at("trainer"),
  admin: at("admin"),
  tomas: at("tomas.horvat"), // Front desk
  daniel: at("daniel.ek"), // Call centre
  kwame: at("kwame.asante"), // Online chat
  aino: at("aino.virtanen"), // Online chat
};
type Person = keyof typeof people;

const visitors = {
  anonymous: null,
  employee: { who: "eli", role: "employee" },
  otherEmployee: { who: "ines", role: "employee" },
  manager: { who: "maya", role: "manager" },
  otherManager: { who: "sam", role: "manager" },
  trainer: { who: "trainer", role: "trainer" },
  admin: { who: "admin", role: "admin" },
} as const satisfies Record<string, { who: Person; role: Role } | null>;
type Visitor = keyof typeof visitors;
const visitorNames = Object.keys(visitors) as Visitor[];
const emailOf = (visitor: Visitor) => {
  const account = visitors[visitor];
  return account ? people[account.who] : null;
};

type Outcome = "ok" | "home" | "login" | 400 | 401 | 403 | 404 | 410;
type Expected = Record<Visitor, Outcome>;

const everyone = (outcome: Outcome): Expected =>
  Object.fromEntries(visitorNames.map((v) => [v, outcome])) as Expected;
const signedIn = (outcome: Outcome): Expected => ({ ...everyone(outcome), anonymous: "login" });
const managersOnly: Expected = {
  ...signedIn(403),
  manager: "ok",
  otherManager: "ok",
  admin: "ok",
};
const frontDeskOnly: Expected = { ...managersOnly, otherManager: 404 };
const callCentreOnly: Expected = { ...managersOnly, manager: 404 };
const studioOnly: Expected = { ...signedIn(403), trainer: "ok", admin: "ok" };
const adminOnly: Expected = { ...signedIn(403), admin: "ok" };
const elisOwn: Expected = { ...signedIn(400), employee: "ok" };
// A manager is a member of their own team, yet not someone to observe or recognise: a field error.
const notOneself: Expected = { ...signedIn(403), manager: 400, otherManager: 400, admin: 400 };

type Fixture = {
  id: Record<Person, string>;
  frontDesk: string;
  callCentre: string;
  canary: ReadableModule;
  /** Maya's observation of Tomas. */
  tomasObservation: string;
  /** The code of Eli's certificate for the canary module. */
  certificateCode: string;
};

/** What a probe's URL and form are built from: the fixture, this request's own rows, the visitor. */
type Ctx = { f: Fixture; own: Record<string, string>; visitor: Visitor };
/** The visitor's own user id ("" for anonymous). */
const selfId = ({ f, visitor }: Ctx) => {
  const account = visitors[visitor];
  return account ? f.id[account.who] : "";
};
type Probe = {
  what: string;
  url: string | ((c: Ctx) => string);
  form?: (c: Ctx) => Record<string, string | string[]>;
  /** Rows this request needs, made afresh before each visitor's request. */
  prepare?: (f: Fixture, visitor: Visitor) => Promise<Record<string, string>>;
  /** What must hold after each visitor's request, beyond the answer. */
  after?: (c: Ctx) => Promise<void>;
  expect: Expected;
};

const slug = "canary-module";
const password = "frontline-demo";
const passphrase = "copper kettle on a quiet shelf";

let teams = 0;
/** A team nobody is in (archived when asked), and its name. */
async function emptyTeam(archived = false) {
  const name = `Empty team ${++teams}`;
  const { id } = await prisma.team.create({
    data: { name, slug: `empty-team-${teams}`, archivedAt: archived ? new Date() : null },
    select: { id: true },
  });
  return { teamId: id, name };
}

let invitees = 0;
/** Someone just added without a password, and the token of their invitation. */
async function invitee() {
  const { id } = await prisma.user.create({
    data: { email: at(`invitee.${++invitees}`), name: "Robin Invitee" },
    select: { id: true },
  });
  const { token } = await createInvitation(prisma, id, null);
  return { userId: id, token };
}

/** The visitor's password is the demo one again (a probe may have changed it). */
async function demoPassword(_f: Fixture, visitor: Visitor) {
  const email = emailOf(visitor);
  if (email) {
    const hash = await hashPassword(password);
    await prisma.password.updateMany({ where: { user: { email } }, data: { hash } });
  }
  return {};
}

async function observationOf(f: Fixture, employee: string, manager = f.id.maya) {
  const row = await prisma.observation.create({
    data: {
      managerId: manager,
      employeeId: employee,
      observedAt: new Date(),
      channel: "phone",
      ratings: "{}",
    },
    select: { id: true },
  });
  return row.id;
}

function observationForm(employeeId: string) {
  return {
    employeeId,
    observedAt: wall(new Date(Date.now() - 60 * 60 * 1000)),
    channel: "phone",
    notes: "Authorization matrix",
    ...Object.fromEntries(
      observationStandards().map((s, i) => [`ratings.${s.id}`, i === 0 ? "4" : "na"]),
    ),
  };
}

/** A run of Eli's in the canary role-play, `replies` replies in (the first reply each time). */
async function elisRun(f: Fixture, replies: number) {
  await startRun(f.id.eli, f.canary, "canary-call");
  const run = await prisma.scenarioRun.findFirstOrThrow({
    where: { userId: f.id.eli, scenarioId: "canary-call", status: "active" },
    select: { id: true },
  });
  const nodes = ["opening", "calmer"];
  for (let step = 0; step < replies; step++) {
    const move = { scenarioId: "canary-call", runId: run.id, nodeId: nodes[step]!, step };
    await chooseReply(f.id.eli, f.canary, { ...move, choice: 0 });
  }
  return { runId: run.id, nodeId: nodes[replies] ?? "", step: String(replies) };
}

/** Eli passes the canary quiz and role-play, so only the signature is left. */
async function elisPracticeDone(f: Fixture) {
  const attempts = await prisma.quizAttempt.count({
    where: { userId: f.id.eli, moduleSlug: slug, quizId: "canary-quiz" },
  });
  await submitAttempt(f.id.eli, f.canary, {
    quizId: "canary-quiz",
    attempt: attempts + 1,
    answers: { "pick-one": ["right"], "pick-many": ["first", "second"] },
  });
  await elisRun(f, 2);
  return {};
}

const table: Record<string, Probe[]> = {
  "GET /": [{ what: "the front door", url: "/", expect: signedIn("home") }],
  "GET /login": [
    { what: "the login page", url: "/login", expect: { ...signedIn("home"), anonymous: "ok" } },
  ],
  "POST /login": [
    {
      what: "one's own e-mail and password (anonymous: Eli's)",
      url: "/login",
      prepare: demoPassword,
      form: ({ visitor }) => ({ email: emailOf(visitor) ?? people.eli, password }),
      expect: { ...everyone("home"), anonymous: "ok" },
    },
    {
      what: "an unknown account",
      url: "/login",
      form: ({ visitor }) => ({ email: at(`nobody.${visitor}`), password }),
      expect: everyone(401),
    },
  ],
  "GET /logout": [{ what: "a link to log out", url: "/logout", expect: everyone("ok") }],
  // An invitation link is its own key: anyone holding a working one may open it (they are not
  // signed in yet); anything else is "no longer works". tests/integration/invitations covers its use.
  "GET /invite/:token": [
    { what: "a made-up link", url: `/invite/${"x".repeat(43)}`, expect: everyone(410) },
    {
      what: "a working link",
      url: ({ own }) => `/invite/${own.token}`,
      prepare: invitee,
      expect: everyone("ok"),
    },
  ],
  "POST /invite/:token": [
    {
      what: "a password for a made-up link",
      url: `/invite/${"x".repeat(43)}`,
      form: () => ({ newPassword: passphrase, confirmPassword: passphrase }),
      expect: everyone(410),
    },
    {
      what: "two passwords that differ, for a working link",
      url: ({ own }) => `/invite/${own.token}`,
      prepare: invitee,
      form: () => ({ newPassword: passphrase, confirmPassword: `${passphrase}!` }),
      expect: everyone(400),
    },
  ],
  "GET /login/two-factor": [
    {
      what: "the code step, with no password sign-in waiting",
      url: "/login/two-factor",
      expect: everyone("login"),
    },
  ],
  "POST /login/two-factor": [
    {
      what: "a code, with no password sign-in waiting",
      url: "/login/two-factor",
      form: () => ({ code: "123456" }),
      expect: everyone("login"),
    },
  ],
  "GET /auth/oidc": [
    {
      what: "starting company sign-in (off to the provider)",
      url: "/auth/oidc?redirectTo=%2Fme",
      expect: { ...signedIn("home"), anonymous: "ok" },
    },
  ],
  "GET /auth/oidc/callback": [
    {
      what: "an answer from the provider this browser never asked for",
      url: "/auth/oidc/callback?code=forged&state=forged",
      expect: everyone(400),
    },
  ],
  "POST /logout": [
    { what: "logging out", url: "/logout", form: () => ({}), expect: everyone("login") },
  ],

  "GET /training": [{ what: "my training", url: "/training", expect: signedIn("ok") }],
  "GET /training/:slug": [
    { what: "a published module", url: `/training/${slug}`, expect: signedIn("ok") },
    {
      what: "a draft module",
      url: "/training/draft-module",
      expect: { ...signedIn(404), trainer: "ok", admin: "ok" },
    },
    { what: "an unknown module", url: "/training/no-such-module", expect: signedIn(404) },
  ],
  "POST /training/:slug [quiz-submit]": [
    {
      what: "one's first attempt",
      url: `/training/${slug}`,
      form: () => ({
        intent: "quiz-submit",
        quizId: "canary-quiz",
        attempt: "1",
        "answer:pick-one": "right",
        "answer:pick-many": ["first", "second"],
      }),
      expect: signedIn("ok"),
    },
    {
      what: "an attempt at a draft's (missing) quiz",
      url: "/training/draft-module",
      form: () => ({
        intent: "quiz-submit",
        quizId: "canary-quiz",
        attempt: "1",
        "answer:pick-one": "right",
      }),
      expect: signedIn(400),
    },
  ],
  "POST /training/:slug [scenario-start]": [
    {
      what: "starting a role-play",
      url: `/training/${slug}`,
      form: () => ({ intent: "scenario-start", scenarioId: "canary-call" }),
      expect: signedIn("ok"),
    },
  ],
  "POST /training/:slug [scenario-choose]": [
    {
      what: "a reply in Eli's run",
      url: `/training/${slug}`,
      prepare: (f) => elisRun(f, 0),
      form: ({ own }) => ({
        intent: "scenario-choose",
        scenarioId: "canary-call",
        ...own,
        choice: "0",
      }),
      expect: elisOwn,
    },
  ],
  "POST /training/:slug [scenario-back]": [
    {
      what: "stepping back in Eli's run",
      url: `/training/${slug}`,
      prepare: (f) => elisRun(f, 1),
      form: ({ own }) => ({ intent: "scenario-back", scenarioId: "canary-call", ...own }),
      expect: elisOwn,
    },
  ],
  "POST /training/:slug [attest]": [
    {
      what: "signing as Eli once Eli's practice is done",
      url: `/training/${slug}`,
      prepare: elisPracticeDone,
      form: () => ({ intent: "attest", typedName: "Eli Brooks", agree: "on" }),
      expect: elisOwn,
    },
  ],
  "GET /training/:slug/text": [
    { what: "a published module's text", url: `/training/${slug}/text`, expect: signedIn("ok") },
    {
      what: "a draft module's text",
      url: "/training/draft-module/text",
      expect: { ...signedIn(404), trainer: "ok", admin: "ok" },
    },
    {
      what: "an unknown module's text",
      url: "/training/no-such-module/text",
      expect: signedIn(404),
    },
  ],
  "GET /training/:slug/read": [
    { what: "the reading endpoint", url: `/training/${slug}/read`, expect: everyone(404) },
  ],
  "POST /training/:slug/read": [
    {
      what: "a section of a published module",
      url: `/training/${slug}/read`,
      form: () => ({ sectionId: "first-section" }),
      expect: signedIn("ok"),
    },
    {
      what: "a section of a draft",
      url: "/training/draft-module/read",
      form: () => ({ sectionId: "work-in-progress" }),
      expect: { ...signedIn(400), trainer: "ok", admin: "ok" },
    },
  ],
  "GET /training/:slug/certificate": [
    {
      what: "a module only Eli completed (nobody sees another learner's certificate)",
      url: `/training/${slug}/certificate`,
      expect: { ...signedIn(404), employee: "ok" },
    },
  ],

  "GET /me": [{ what: "my record", url: "/me", expect: signedIn("ok") }],
  "GET /me/security": [
    { what: "one's password and sessions", url: "/me/security", expect: signedIn("ok") },
  ],
  "POST /me/security [change-password]": [
    {
      what: "changing one's own password",
      url: "/me/security",
      prepare: demoPassword,
      form: () => ({
        intent: "change-password",
        currentPassword: password,
        newPassword: "copper kettle on a quiet shelf",
        confirmPassword: "copper kettle on a quiet shelf",
      }),
      expect: signedIn("ok"),
    },
  ],
  "POST /me/security [enrol-two-factor]": [
    {
      what: "turning two-factor sign-in on with a code that does not match the key",
      url: "/me/security",
      form: () => ({ intent: "enrol-two-factor", key: newTwoFactorKey(), code: "000000" }),
      expect: signedIn(400),
    },
  ],
  "POST /me/security [disable-two-factor]": [
    {
      what: "turning two-factor sign-in off without having it",
      url: "/me/security",
      form: () => ({ intent: "disable-two-factor", code: "000000" }),
      expect: signedIn(400),
    },
  ],
  "POST /me/security [end-other-sessions]": [
    {
      what: "signing out one's other sessions (Eli has one more)",
      url: "/me/security",
      prepare: async (f) => {
        const request = getRequest("/", cookiePair(await createSession(f.id.eli)));
        return { elisOtherSession: sessionIdFromToken(readSessionCookie(request)!) };
      },
      form: () => ({ intent: "end-other-sessions" }),
      // Only Eli's own request may end Eli's other session.
      after: async ({ own, visitor }) => {
        const left = await prisma.session.count({ where: { id: own.elisOtherSession } });
        expect(left, `${visitor}: Eli's other session`).toBe(visitor === "employee" ? 0 : 1);
      },
      expect: signedIn("ok"),
    },
  ],
  "POST /me [acknowledge]": [
    {
      what: "Eli's own observation",
      url: "/me",
      prepare: async (f) => ({ observationId: await observationOf(f, f.id.eli) }),
      form: ({ own }) => ({
        intent: "acknowledge",
        observationId: own.observationId!,
        comment: "Thanks",
      }),
      expect: elisOwn,
    },
    {
      // Someone else's observation reads like one that does not exist: a field error.
      what: "Tomas's observation",
      url: "/me",
      form: ({ f }) => ({
        intent: "acknowledge",
        observationId: f.tomasObservation,
        comment: "Not mine",
      }),
      expect: signedIn(400),
    },
  ],

  "GET /team": [
    { what: "the matrix", url: "/team", expect: managersOnly },
    {
      what: "the matrix of Front desk",
      url: ({ f }) => `/team?team=${f.frontDesk}`,
      expect: frontDeskOnly,
    },
  ],
  "GET /team/export.csv": [
    { what: "the export", url: "/team/export.csv", expect: managersOnly },
    {
      what: "Front desk's export",
      url: ({ f }) => `/team/export.csv?team=${f.frontDesk}`,
      expect: frontDeskOnly,
    },
  ],
  "GET /team/:userId": [
    { what: "Tomas (Front desk)", url: ({ f }) => `/team/${f.id.tomas}`, expect: frontDeskOnly },
    {
      what: "Daniel (Call centre)",
      url: ({ f }) => `/team/${f.id.daniel}`,
      expect: callCentreOnly,
    },
    {
      what: "an unknown id",
      url: "/team/no-such-person",
      expect: { ...managersOnly, manager: 404, otherManager: 404, admin: 404 },
    },
  ],
  // The canary quiz has no attempt limit, so a manager of Tomas's team is answered "no extra
  // attempt is needed" (400) after every check of who may ask; tests/integration/attempt-rules
  // covers the grant itself.
  "POST /team/:userId [grant-attempt]": [
    {
      what: "an extra attempt for Tomas (Front desk)",
      url: ({ f }) => `/team/${f.id.tomas}`,
      form: ({ f }) => ({
        intent: "grant-attempt",
        employeeId: f.id.tomas,
        slug,
        kind: "quiz",
        itemId: "canary-quiz",
      }),
      expect: { ...frontDeskOnly, manager: 400, admin: 400 },
    },
    {
      what: "an extra attempt for oneself",
      // Anonymous has no self: Tomas stands in (the answer is the sign-in page either way).
      url: (c) => `/team/${selfId(c) || c.f.id.tomas}`,
      form: (c) => ({
        intent: "grant-attempt",
        employeeId: selfId(c) || c.f.id.tomas,
        slug,
        kind: "quiz",
        itemId: "canary-quiz",
      }),
      expect: notOneself,
    },
  ],
  // Nobody in the canary course is overdue, so a manager of Tomas's team is answered "nothing
  // to remind of" (400) after every check of who may ask; tests/integration/remind-overdue covers
  // the reminder itself.
  "POST /team/:userId [remind]": [
    {
      what: "a reminder for Tomas (Front desk)",
      url: ({ f }) => `/team/${f.id.tomas}`,
      form: ({ f }) => ({ intent: "remind", employeeId: f.id.tomas }),
      expect: { ...frontDeskOnly, manager: 400, admin: 400 },
    },
    {
      what: "a reminder for oneself",
      url: (c) => `/team/${selfId(c) || c.f.id.tomas}`,
      form: (c) => ({ intent: "remind", employeeId: selfId(c) || c.f.id.tomas }),
      expect: notOneself,
    },
  ],
  "GET /team/observations/new": [
    { what: "the form", url: "/team/observations/new", expect: managersOnly },
  ],
  "POST /team/observations/new": [
    {
      what: "observing Tomas (Front desk)",
      url: "/team/observations/new",
      form: ({ f }) => observationForm(f.id.tomas),
      expect: frontDeskOnly,
    },
    {
      what: "observing Daniel (Call centre)",
      url: "/team/observations/new",
      form: ({ f }) => observationForm(f.id.daniel),
      expect: callCentreOnly,
    },
    {
      what: "observing oneself",
      url: "/team/observations/new",
      form: (c) => observationForm(selfId(c)),
      expect: notOneself,
    },
  ],
  "GET /team/recognition": [
    { what: "the wall and form", url: "/team/recognition", expect: managersOnly },
  ],
  "POST /team/recognition": [
    {
      what: "recognising Tomas (Front desk)",
      url: "/team/recognition",
      form: ({ f }) => ({ employeeId: f.id.tomas, reason: "Kept a hard call calm", points: "5" }),
      expect: frontDeskOnly,
    },
    {
      what: "recognising oneself",
      url: "/team/recognition",
      form: (c) => ({ employeeId: selfId(c), reason: "Did great myself", points: "100" }),
      expect: notOneself,
    },
    {
      // Sam recognises his own Daniel but links Maya's observation of Tomas: a field error.
      what: "linking another team's observation",
      url: "/team/recognition",
      form: ({ f, visitor }) => ({
        employeeId: visitor === "otherManager" ? f.id.daniel : f.id.tomas,
        reason: "Linked to the wrong record",
        points: "3",
        observationId: f.tomasObservation,
      }),
      expect: { ...frontDeskOnly, otherManager: 400 },
    },
  ],
  "GET /team/self-assessment": [
    {
      what: "Front desk's history",
      url: ({ f }) => `/team/self-assessment?team=${f.frontDesk}`,
      expect: frontDeskOnly,
    },
  ],
  "POST /team/self-assessment": [
    {
      what: "assessing Front desk",
      url: "/team/self-assessment",
      form: ({ f }) => ({
        teamId: f.frontDesk,
        assessedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        ...Object.fromEntries(allStatementFields.map((field) => [field, "4"])),
      }),
      expect: frontDeskOnly,
    },
  ],

  "GET /studio": [{ what: "the module list", url: "/studio", expect: studioOnly }],
  "GET /studio/:slug": [
    { what: "a published module", url: `/studio/${slug}`, expect: studioOnly },
    { what: "a draft", url: "/studio/draft-module", expect: studioOnly },
    {
      what: "an unknown module",
      url: "/studio/no-such-module",
      expect: { ...studioOnly, trainer: 404, admin: 404 },
    },
  ],
  "GET /studio/:slug/analytics": [
    { what: "a module's analytics", url: `/studio/${slug}/analytics`, expect: studioOnly },
  ],

  "GET /admin": [{ what: "the admin page", url: "/admin", expect: adminOnly }],
  "GET /admin/audit": [
    { what: "the audit log", url: "/admin/audit", expect: adminOnly },
    {
      what: "the audit log, filtered",
      url: "/admin/audit?action=person.add&from=2026-01-01&to=2026-12-31&page=1",
      expect: adminOnly,
    },
  ],
  "GET /admin/audit.csv": [
    { what: "the audit log as CSV", url: "/admin/audit.csv", expect: adminOnly },
  ],
  "POST /admin [assign]": [
    {
      what: "assigning a module",
      url: "/admin",
      form: () => ({
        intent: "assign",
        moduleSlug: slug,
        roles: "employee",
        dueRule: "after_assignment",
        dueDays: "14",
      }),
      expect: adminOnly,
    },
  ],
  "POST /admin [unassign]": [
    {
      what: "ending an assignment",
      url: "/admin",
      prepare: async () => {
        const row = await prisma.assignment.create({
          data: { moduleSlug: slug, roles: '["employee"]', dueDays: 7 },
          select: { id: true },
        });
        return { assignmentId: row.id };
      },
      form: ({ own }) => ({ intent: "unassign", assignmentId: own.assignmentId! }),
      expect: adminOnly,
    },
  ],
  "POST /admin [add-team]": [
    {
      what: "a new team",
      url: "/admin",
      form: ({ visitor }) => ({ intent: "add-team", name: `Pop-up ${visitor}` }),
      expect: adminOnly,
    },
  ],
  "POST /admin [update-team]": [
    {
      what: "renaming an empty team",
      url: "/admin",
      prepare: () => emptyTeam(),
      form: ({ own }) => ({ intent: "update-team", teamId: own.teamId!, name: `${own.name} 2` }),
      expect: adminOnly,
    },
  ],
  "POST /admin [archive-team]": [
    {
      what: "archiving an empty team",
      url: "/admin",
      prepare: () => emptyTeam(),
      form: ({ own }) => ({ intent: "archive-team", teamId: own.teamId! }),
      expect: adminOnly,
    },
    {
      what: "archiving Front desk, which has people",
      url: "/admin",
      form: ({ f }) => ({ intent: "archive-team", teamId: f.frontDesk }),
      expect: { ...adminOnly, admin: 400 },
    },
  ],
  "POST /admin [restore-team]": [
    {
      what: "bringing an archived team back",
      url: "/admin",
      prepare: () => emptyTeam(true),
      form: ({ own }) => ({ intent: "restore-team", teamId: own.teamId! }),
      expect: adminOnly,
    },
  ],
  "GET /admin/people": [
    { what: "the people list", url: "/admin/people", expect: adminOnly },
    {
      what: "the people list searched, filtered, sorted and paged",
      url: "/admin/people?q=tom&team=none&role=employee&status=all&locale=sl&signIn=never&sort=team&dir=desc&page=3",
      expect: adminOnly,
    },
  ],
  "GET /admin/people/:userId": [
    { what: "Kwame's page", url: ({ f }) => `/admin/people/${f.id.kwame}`, expect: adminOnly },
    {
      what: "an unknown person's page",
      url: "/admin/people/nobody-at-all",
      expect: { ...adminOnly, admin: 404 },
    },
  ],
  "GET /admin/people/import": [
    { what: "the import page", url: "/admin/people/import", expect: adminOnly },
    { what: "the example file", url: "/admin/people/import?template", expect: adminOnly },
  ],
  "POST /admin/people/import [preview]": [
    {
      what: "previewing a one-person file",
      url: "/admin/people/import",
      form: ({ visitor }) => ({
        intent: "preview",
        text: `email,name\r\n${at(`imported.${visitor}`)},Imported Person\r\n`,
        fileName: "staff.csv",
        "map.email": "0",
        "map.name": "1",
      }),
      expect: adminOnly,
    },
  ],
  "POST /admin/people/import [apply]": [
    {
      what: "importing a one-person file",
      url: "/admin/people/import",
      form: ({ visitor }) => ({
        intent: "apply",
        text: `email,name\r\n${at(`imported.${visitor}`)},Imported Person\r\n`,
        fileName: "staff.csv",
        "map.email": "0",
        "map.name": "1",
      }),
      expect: adminOnly,
    },
  ],
  "POST /admin/people [add-person]": [
    {
      what: "adding a person",
      url: "/admin/people",
      form: ({ f, visitor }) => ({
        intent: "add-person",
        name: "Matrix Person",
        email: at(`matrix.${visitor}`),
        role: "employee",
        teamId: f.frontDesk,
        password: "cobalt-harbour-lantern-91",
      }),
      expect: adminOnly,
    },
  ],
  "POST /admin/people [bulk]": [
    {
      what: "moving an invited person to Front desk",
      url: "/admin/people",
      prepare: invitee,
      form: ({ f, own }) => ({
        intent: "bulk",
        action: "move-team",
        userIds: own.userId!,
        teamId: f.frontDesk,
      }),
      expect: adminOnly,
    },
    {
      what: "deactivating nobody",
      url: "/admin/people",
      form: () => ({ intent: "bulk", action: "deactivate" }),
      expect: { ...adminOnly, admin: 400 },
    },
  ],
  "POST /admin/people/:userId [update-person]": [
    {
      what: "renaming an invited person",
      url: ({ own }) => `/admin/people/${own.userId}`,
      prepare: invitee,
      form: ({ f }) => ({
        intent: "update-person",
        name: "Robin Renamed",
        email: at(`renamed.${++invitees}`),
        role: "employee",
        teamId: f.frontDesk,
        timeZone: "Europe/Ljubljana",
        locale: "sl",
      }),
      expect: adminOnly,
    },
    {
      what: "an unknown person",
      url: "/admin/people/nobody-at-all",
      form: () => ({
        intent: "update-person",
        name: "No One",
        email: at("no.one"),
        role: "employee",
        locale: "en",
      }),
      expect: { ...adminOnly, admin: 404 },
    },
  ],
  "POST /admin/people/:userId [deactivate]": [
    {
      what: "deactivating Kwame",
      url: ({ f }) => `/admin/people/${f.id.kwame}`,
      prepare: async (f) => {
        await prisma.user.update({ where: { id: f.id.kwame }, data: { active: true } });
        return {};
      },
      form: () => ({ intent: "deactivate" }),
      expect: adminOnly,
    },
  ],
  "POST /admin/people/:userId [activate]": [
    {
      what: "reactivating Aino",
      url: ({ f }) => `/admin/people/${f.id.aino}`,
      prepare: async (f) => {
        await prisma.user.update({ where: { id: f.id.aino }, data: { active: false } });
        return {};
      },
      form: () => ({ intent: "activate" }),
      expect: adminOnly,
    },
  ],
  "POST /admin/people/:userId [reset-two-factor]": [
    {
      what: "resetting Kwame's two-factor sign-in",
      url: ({ f }) => `/admin/people/${f.id.kwame}`,
      prepare: async (f) => {
        await prisma.twoFactor.upsert({
          where: { userId: f.id.kwame },
          create: { userId: f.id.kwame, key: newTwoFactorKey() },
          update: {},
        });
        return {};
      },
      form: () => ({ intent: "reset-two-factor" }),
      expect: adminOnly,
    },
  ],
  "POST /admin/people/:userId [resend-invitation]": [
    {
      what: "a new link for someone who has not chosen a password",
      url: ({ own }) => `/admin/people/${own.userId}`,
      prepare: invitee,
      form: () => ({ intent: "resend-invitation" }),
      expect: adminOnly,
    },
    {
      what: "a link for Kwame, who has a password",
      url: ({ f }) => `/admin/people/${f.id.kwame}`,
      form: () => ({ intent: "resend-invitation" }),
      expect: { ...adminOnly, admin: 400 },
    },
  ],
  "POST /admin [clear-throttle]": [
    {
      what: "clearing a sign-in throttle",
      url: "/admin",
      form: () => ({ intent: "clear-throttle", key: "account:nobody@example.test" }),
      expect: adminOnly,
    },
  ],

  "GET /verify": [
    { what: "the form", url: "/verify", expect: everyone("ok") },
    { what: "a code sent from it", url: "/verify?code=ABCD efgh", expect: everyone("ok") },
  ],
  "GET /verify/:code": [
    {
      what: "Eli's certificate",
      url: ({ f }) => `/verify/${f.certificateCode}`,
      expect: everyone("ok"),
    },
    { what: "an unknown code", url: "/verify/aaaaaaaaaaaaaaaa", expect: everyone(404) },
  ],
  "GET /healthz": [{ what: "the health check", url: "/healthz", expect: everyone("ok") }],
  "GET /locale": [{ what: "the language endpoint", url: "/locale", expect: everyone(404) }],
  "POST /locale": [
    {
      what: "choosing Slovenian (a visitor's cookie; one's own account's locale)",
      url: "/locale",
      form: () => ({ locale: "sl", redirectTo: "/me" }),
      expect: everyone("ok"),
    },
    {
      what: "a language Frontline does not serve",
      url: "/locale",
      form: () => ({ locale: "xx", redirectTo: "/me" }),
      expect: everyone(400),
    },
  ],
  "GET /content/:slug/:file": [
    { what: "a module's image", url: `/content/${slug}/counter.svg`, expect: signedIn("ok") },
    { what: "a module's source", url: `/content/${slug}/index.mdx`, expect: signedIn(404) },
    {
      what: "a file outside the module",
      url: `/content/${slug}/..%2F..%2Fstandards.yaml`,
      expect: signedIn(404),
    },
  ],
  "GET /*": [{ what: "an unknown page", url: "/no/such/page", expect: everyone(404) }],
  "POST /*": [
    {
      what: "a form to an unknown page",
      url: "/no/such/page",
      form: () => ({ a: "b" }),
      expect: everyone(404),
    },
  ],
};

async function outcomeOf(result: unknown, visitor: Visitor): Promise<Outcome | number> {
  if (result instanceof Response) {
    const location = result.headers.get("Location");
    if (result.status >= 300 && result.status < 400 && location) {
      if (location.startsWith("/login")) return "login";
      const account = visitors[visitor];
      return account && location === homePath(account.role) ? "home" : "ok";
    }
    // Read streamed bodies (CSV, images) to the end, as a browser would.
    await result.arrayBuffer();
    return result.status < 300 ? "ok" : result.status;
  }
  const status = (result as { init?: { status?: number } } | null)?.init?.status;
  return status === undefined || status < 300 ? "ok" : status;
}

async function buildFixture(): Promise<Fixture> {
  const rows = await prisma.user.findMany({
    where: { email: { in: Object.values(people) } },
    select: { id: true, email: true, teamId: true },
  });
  const idOf = (email: string) => rows.find((r) => r.email === email)!.id;
  const id = Object.fromEntries(
    Object.entries(people).map(([who, email]) => [who, idOf(email)]),
  ) as Fixture["id"];
  const teamOf = (email: string) => rows.find((r) => r.email === email)!.teamId!;
  const canary = (await getModuleArtefact(slug)) as ReadableModule;
  const certificateCode = newCertificateCode();
  await prisma.moduleCompletion.create({
    data: {
      userId: id.eli,
      moduleSlug: slug,
      moduleVersion: canary.frontmatter.version,
      contentHash: canary.hash,
      certificateCode,
    },
  });
  const f = {
    id,
    frontDesk: teamOf(people.tomas),
    callCentre: teamOf(people.daniel),
    canary,
    certificateCode,
    tomasObservation: "",
  };
  f.tomasObservation = await observationOf(f, id.tomas);
  return f;
}

const endpoints = await routeEndpoints();
let fixture: Fixture;
beforeAll(async () => {
  fixture = await buildFixture();
}, 60_000);

async function ask(
  endpoint: Endpoint,
  probe: Probe,
  visitor: Visitor,
  own: Record<string, string>,
) {
  const ctx = { f: fixture, own, visitor };
  const url = typeof probe.url === "string" ? probe.url : probe.url(ctx);
  const pathname = new URL(url, "http://x").pathname;
  const params = matchPattern(endpoint.pattern, pathname);
  if (!params) throw new Error(`${url} does not match ${endpoint.pattern}`);
  const email = emailOf(visitor);
  const cookie = email ? ((await requestAs(email, "/")).headers.get("Cookie") ?? "") : "";
  let request: Request;
  if (endpoint.method === "POST") {
    const form = probe.form?.(ctx) ?? {};
    if (endpoint.intent) expect(form.intent, `${probe.what}: intent`).toBe(endpoint.intent);
    request = formRequest(url, form, cookie ? { Cookie: cookie } : {});
  } else {
    request = getRequest(url, cookie || undefined);
  }
  // Some loaders throw synchronously; an async wrapper turns that into a rejection for settle().
  return settle((async () => endpoint.handler({ request, params, context: context() }))());
}

describe("authorization matrix", () => {
  it("has one entry for every loader, action and action intent of app/routes.ts, and no other", () => {
    const served = endpoints.map((e) => e.key);
    const listed = Object.keys(table);
    expect(
      served.filter((key) => !listed.includes(key)),
      "served by app/routes.ts, missing from the table",
    ).toEqual([]);
    expect(
      listed.filter((key) => !served.includes(key)),
      "in the table, no longer served",
    ).toEqual([]);
    for (const [key, probes] of Object.entries(table))
      expect(probes.length, key).toBeGreaterThan(0);
  });

  for (const [key, probes] of Object.entries(table)) {
    it(`${key}: each visitor gets the expected answer; a refusal or a GET writes nothing`, async () => {
      const endpoint = endpoints.find((e) => e.key === key);
      if (!endpoint) throw new Error(`${key} is not served by app/routes.ts`);
      for (const probe of probes) {
        const got = {} as Record<Visitor, Outcome | number>;
        const stray: string[] = [];
        for (const visitor of visitorNames) {
          const own = (await probe.prepare?.(fixture, visitor)) ?? {};
          const refused = !["ok", "home"].includes(String(probe.expect[visitor]));
          // Reading a page changes nothing (sessions and counters aside: db-snapshot's bookkeeping).
          const before = refused || endpoint.method === "GET" ? await snapshotDatabase() : null;
          got[visitor] = await outcomeOf(await ask(endpoint, probe, visitor, own), visitor);
          await probe.after?.({ f: fixture, own, visitor });
          if (before && got[visitor] === probe.expect[visitor]) {
            const changed = changedTables(before, await snapshotDatabase());
            if (changed.length) stray.push(`${visitor} changed ${changed.join(", ")}`);
          }
        }
        expect(got, probe.what).toEqual(probe.expect);
        expect(stray, probe.what).toEqual([]);
      }
    }, 60_000);
  }
});
