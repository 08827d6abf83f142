import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { allStatementFields } from "~/team/self-assessment";
import { action as meAction } from "~/routes/me+/index";
import { loader as analyticsLoader } from "~/routes/studio+/$slug.analytics";
import { loader as employeeLoader } from "~/routes/team+/$userId";
import { loader as exportLoader } from "~/routes/team+/export.csv";
import { loader as matrixLoader } from "~/routes/team+/index";
import { action as observeAction, loader as observeLoader } from "~/routes/team+/observations.new";
import { action as recogniseAction, loader as recogniseLoader } from "~/routes/team+/recognition";
import { action as assessAction, loader as assessLoader } from "~/routes/team+/self-assessment";
import { context, formRequest, getRequest, settle } from "../support/requests";
import { requestAs } from "../support/sessions";

// Every route of the manager tools × every kind of visitor, with the answer each must get.
// "ok": 2xx or a redirect that is not to /login; "login": sent to log in; 403/404 as such.

type Outcome = "ok" | "login" | 400 | 403 | 404;
const visitors = {
  anonymous: null,
  employee: "employee@demo.frontline.test", // Front desk
  otherEmployee: "ines.duarte@demo.frontline.test", // Call centre
  manager: "manager@demo.frontline.test", // manages Front desk
  otherManager: "sam.okafor@demo.frontline.test", // manages Call centre
  trainer: "trainer@demo.frontline.test",
  admin: "admin@demo.frontline.test",
} as const;
type Visitor = keyof typeof visitors;

const subjectEmail = "tomas.horvat@demo.frontline.test"; // Front desk

async function request(visitor: Visitor, path: string, fields?: Record<string, string>) {
  const email = visitors[visitor];
  const cookie = email ? ((await requestAs(email, "/")).headers.get("Cookie") ?? "") : "";
  return fields
    ? formRequest(path, fields, cookie ? { Cookie: cookie } : {})
    : getRequest(path, cookie || undefined);
}

function outcomeOf(result: unknown): Outcome | number {
  if (result instanceof Response) {
    if (result.status >= 300 && result.status < 400) {
      return result.headers.get("Location")?.startsWith("/login") ? "login" : "ok";
    }
    return result.status < 300 ? "ok" : result.status;
  }
  const status = (result as { init?: { status?: number } } | null)?.init?.status;
  return status === undefined || status < 300 ? "ok" : status;
}

const all = (outcome: Outcome): Record<Visitor, Outcome> =>
  Object.fromEntries(Object.keys(visitors).map((v) => [v, outcome])) as Record<Visitor, Outcome>;
const managersOnly = {
  ...all(403),
  anonymous: "login",
  manager: "ok",
  otherManager: "ok",
  admin: "ok",
} as const;
const ownTeamOnly = { ...managersOnly, otherManager: 404 } as const;

type Case = {
  name: string;
  expected: Record<Visitor, Outcome>;
  run: (visitor: Visitor, ids: Ids) => Promise<unknown>;
};
type Ids = { subject: string; frontDesk: string; observation: string };

const nowLocal = () => {
  const t = new Date(Date.now() - 60 * 60 * 1000);
  return new Date(t.getTime() - t.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

async function observationFields(subject: string) {
  const { readStandards } = await import("~/content/standards.server");
  const { contentDir } = await import("~/content/store.server");
  const standards = readStandards(contentDir()).standards;
  return {
    employeeId: subject,
    observedAt: nowLocal(),
    channel: "phone",
    notes: "Authorization matrix",
    ...Object.fromEntries(standards.map((s, i) => [`ratings.${s.id}`, i === 0 ? "4" : "na"])),
  };
}

const cases: Case[] = [
  {
    name: "GET /team",
    expected: managersOnly,
    run: async (v) =>
      matrixLoader({ request: await request(v, "/team"), context: context(), params: {} }),
  },
  {
    name: "GET /team/export.csv",
    expected: managersOnly,
    run: async (v) =>
      exportLoader({
        request: await request(v, "/team/export.csv"),
        context: context(),
        params: {},
      }),
  },
  {
    name: "GET /team/export.csv?team=<Front desk>",
    expected: ownTeamOnly,
    run: async (v, ids) =>
      exportLoader({
        request: await request(v, `/team/export.csv?team=${ids.frontDesk}`),
        context: context(),
        params: {},
      }),
  },
  {
    name: "GET /team/<Front desk employee>",
    expected: ownTeamOnly,
    run: async (v, ids) =>
      employeeLoader({
        request: await request(v, `/team/${ids.subject}`),
        context: context(),
        params: { userId: ids.subject },
      }),
  },
  {
    name: "GET /team/observations/new",
    expected: managersOnly,
    run: async (v) =>
      observeLoader({
        request: await request(v, "/team/observations/new"),
        context: context(),
        params: {},
      }),
  },
  {
    name: "POST /team/observations/new for a Front desk employee",
    expected: ownTeamOnly,
    run: async (v, ids) =>
      observeAction({
        request: await request(v, "/team/observations/new", await observationFields(ids.subject)),
        context: context(),
        params: {},
      }),
  },
  {
    name: "GET /team/recognition",
    expected: managersOnly,
    run: async (v) =>
      recogniseLoader({
        request: await request(v, "/team/recognition"),
        context: context(),
        params: {},
      }),
  },
  {
    name: "POST /team/recognition for a Front desk employee",
    expected: ownTeamOnly,
    run: async (v, ids) =>
      recogniseAction({
        request: await request(v, "/team/recognition", {
          employeeId: ids.subject,
          reason: "Kept a hard call calm",
          points: "5",
        }),
        context: context(),
        params: {},
      }),
  },
  {
    // Sam recognises his own Daniel but links Maya's observation of Tomas: a field error.
    name: "POST /team/recognition linking another team's observation",
    expected: { ...ownTeamOnly, otherManager: 400 },
    run: async (v, ids) => {
      const other = await prisma.user.findUniqueOrThrow({
        where: { email: "daniel.ek@demo.frontline.test" },
        select: { id: true },
      });
      return recogniseAction({
        request: await request(v, "/team/recognition", {
          employeeId: v === "otherManager" ? other.id : ids.subject,
          reason: "Linked to the wrong record",
          points: "3",
          observationId: ids.observation,
        }),
        context: context(),
        params: {},
      });
    },
  },
  {
    name: "GET /team/self-assessment?team=<Front desk>",
    expected: ownTeamOnly,
    run: async (v, ids) =>
      assessLoader({
        request: await request(v, `/team/self-assessment?team=${ids.frontDesk}`),
        context: context(),
        params: {},
      }),
  },
  {
    name: "POST /team/self-assessment for Front desk",
    expected: ownTeamOnly,
    run: async (v, ids) =>
      assessAction({
        request: await request(v, "/team/self-assessment", {
          teamId: ids.frontDesk,
          assessedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
          ...Object.fromEntries(allStatementFields.map((f) => [f, "4"])),
        }),
        context: context(),
        params: {},
      }),
  },
  {
    name: "GET /studio/<module>/analytics",
    expected: { ...all(403), anonymous: "login", trainer: "ok", admin: "ok" },
    run: async (v) =>
      analyticsLoader({
        request: await request(v, "/studio/handling-a-complaint/analytics"),
        context: context(),
        params: { slug: "handling-a-complaint" },
      }),
  },
  {
    // The observation is Tomas's: nobody else can acknowledge it (a field error, nothing written).
    name: "POST /me acknowledging someone else's observation",
    expected: { ...all(400), anonymous: "login" },
    run: async (v, ids) =>
      meAction({
        request: await request(v, "/me", {
          intent: "acknowledge",
          observationId: ids.observation,
          comment: "Not mine",
        }),
        context: context(),
        params: {},
      }),
  },
];

async function ids(): Promise<Ids> {
  const subject = await prisma.user.findUniqueOrThrow({
    where: { email: subjectEmail },
    select: { id: true, teamId: true },
  });
  const manager = await prisma.user.findUniqueOrThrow({
    where: { email: visitors.manager },
    select: { id: true },
  });
  const observation = await prisma.observation.create({
    data: {
      managerId: manager.id,
      employeeId: subject.id,
      observedAt: new Date(),
      channel: "phone",
      ratings: "{}",
    },
    select: { id: true },
  });
  return { subject: subject.id, frontDesk: subject.teamId!, observation: observation.id };
}

describe("authorization of the manager tools", () => {
  for (const testCase of cases) {
    it(`${testCase.name}: each visitor gets the expected answer`, async () => {
      const known = await ids();
      const got: Record<string, Outcome | number> = {};
      for (const visitor of Object.keys(visitors) as Visitor[]) {
        got[visitor] = outcomeOf(await settle(testCase.run(visitor, known)));
      }
      expect(got).toEqual(testCase.expected);
    }, 60_000);
  }

  it("an employee cannot acknowledge another person's observation, and nothing changes", async () => {
    const known = await ids();
    await meAction({
      request: await request("employee", "/me", {
        intent: "acknowledge",
        observationId: known.observation,
        comment: "x",
      }),
      context: context(),
      params: {},
    }).catch(() => null);
    const row = await prisma.observation.findUniqueOrThrow({
      where: { id: known.observation },
      select: { acknowledgedAt: true, employeeComment: true },
    });
    expect(row).toEqual({ acknowledgedAt: null, employeeComment: null });
  });

  it("covers every route of the manager tools", async () => {
    const { default: routes } = await import("~/routes");
    const paths = routes
      .map((r) => r.path)
      .filter((p): p is string => Boolean(p && (p.startsWith("team") || p.endsWith("analytics"))));
    const covered = cases.map((c) => c.name);
    for (const path of paths) {
      const pattern = path.replace(":userId", "<").replace(":slug", "<");
      expect(
        covered.some((name) => name.includes(`/${pattern.split("<")[0]}`)),
        path,
      ).toBe(true);
    }
  });
});
