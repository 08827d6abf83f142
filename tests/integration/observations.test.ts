import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { action as meAction, loader as meLoader } from "~/routes/me+/index";
import { loader as recordLoader } from "~/routes/team+/$userId";
import { action as newAction, loader as newLoader } from "~/routes/team+/observations.new";
import { observationStandards } from "~/team/observations.server";
import { statusOf } from "../support/module-actions";
import { settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";
import { at, fieldErrors, idOf, postAs, wall } from "../support/team";

// Front desk (Maya Patel) and Call centre (Sam Okafor) people no other test depends on.
const tomas = at("tomas.horvat");
const lucia = at("lucia.ferrante");
const sam = at("sam.okafor");
const hour = 60 * 60 * 1000;
const standards = observationStandards();
const [first, second, third] = standards.map((s) => s.id);
// Messages and labels travel as keys; their English words are what a person reads.
const en = fixedT("en", "team");
const inWords = (messages: string[] | null | undefined) => messages?.map((m) => errorText(en, m));

let tomasId = "";
beforeAll(async () => {
  tomasId = await idOf(tomas);
});

function form(overrides: Record<string, string | string[] | undefined> = {}) {
  const fields: Record<string, string | string[] | undefined> = {
    employeeId: tomasId,
    observedAt: wall(new Date(Date.now() - 2 * hour)),
    channel: "phone",
    notes: "Restated the facts before proposing anything.",
    ...Object.fromEntries(standards.map((s) => [`ratings.${s.id}`, "na"])),
    [`ratings.${first}`]: "4",
    [`ratings.${second}`]: "2",
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string | string[]] => e[1] !== undefined),
  );
}

const create = (email: string, fields: Record<string, string | string[]>) =>
  postAs(newAction, email, "/team/observations/new", fields);

const observationCount = () => prisma.observation.count();

describe("recording an observation", () => {
  it("a manager records one for someone in their team and sees it on their record", async () => {
    const result = await create(demo.manager, form());
    expect(result).toBeInstanceOf(Response);
    const location = (result as Response).headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/team/${tomasId}#observation-`));
    const id = location.split("#observation-")[1]!;
    const row = await prisma.observation.findUniqueOrThrow({ where: { id } });
    expect(row.channel).toBe("phone");
    expect(JSON.parse(row.ratings)).toMatchObject({ [first!]: 4, [second!]: 2, [third!]: null });
    expect(Object.keys(JSON.parse(row.ratings))).toHaveLength(standards.length);

    const page = await recordLoader(await loaderArgs(demo.manager, location, { userId: tomasId }));
    expect(page.observations[0]).toMatchObject({
      id,
      channel: "team:channels.phone",
      by: "Maya Patel",
      notes: "Restated the facts before proposing anything.",
      acknowledgedOn: null,
    });
    expect(en(page.observations[0]!.channel)).toBe("Phone");
  });

  it("offers only the manager's own team in the form", async () => {
    const data = await newLoader(await loaderArgs(demo.manager, "/team/observations/new"));
    expect(data.people.map((t) => t.name)).toEqual(["Front desk"]);
    expect(data.standards).toHaveLength(standards.length);
  });

  it("another team's manager gets 404 for the person, their record and a new observation", async () => {
    const before = await observationCount();
    expect(statusOf(await create(sam, form()))).toBe(404);
    const record = await settle(
      recordLoader(await loaderArgs(sam, `/team/${tomasId}`, { userId: tomasId })),
    );
    expect(statusOf(record)).toBe(404);
    expect(await observationCount()).toBe(before);
  });

  it("an employee may not record observations (403)", async () => {
    const before = await observationCount();
    expect(statusOf(await create(demo.employee, form()))).toBe(403);
    const page = await settle(newLoader(await loaderArgs(demo.employee, "/team/observations/new")));
    expect(statusOf(page)).toBe(403);
    expect(await observationCount()).toBe(before);
  });

  const now = Date.now();
  const bad: [string, Record<string, string | undefined>, string][] = [
    ["no employee", { employeeId: undefined }, "employeeId"],
    ["an unknown channel", { channel: "fax" }, "channel"],
    ["no channel", { channel: undefined }, "channel"],
    ["a time in the future", { observedAt: wall(new Date(now + 2 * hour)) }, "observedAt"],
    ["a time over a year ago", { observedAt: wall(new Date(now - 370 * 24 * hour)) }, "observedAt"],
    ["an impossible date", { observedAt: "2026-02-30T10:00" }, "observedAt"],
    ["no date", { observedAt: undefined }, "observedAt"],
    ["every standard N/A", { [`ratings.${first}`]: "na", [`ratings.${second}`]: "na" }, "ratings"],
    ["a rating of 6", { [`ratings.${first}`]: "6" }, `ratings.${first}`],
    ["a standard left out", { [`ratings.${third}`]: undefined }, `ratings.${third}`],
    ["notes over 2,000 characters", { notes: "x".repeat(2001) }, "notes"],
  ];
  it.each(bad)("%s is a 400 with a field error and writes nothing", async (_, fields, key) => {
    const before = await observationCount();
    const result = await create(demo.manager, form(fields));
    expect(statusOf(result)).toBe(400);
    expect(fieldErrors(result)[key]?.length).toBeGreaterThan(0);
    expect(await observationCount()).toBe(before);
  });

  it("a body that is not a form is a 400", async () => {
    const before = await observationCount();
    const { requestAs } = await import("../support/sessions");
    const cookie = (await requestAs(demo.manager, "/")).headers.get("Cookie")!;
    const request = new Request("http://localhost:3000/team/observations/new", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: "{}",
    });
    const { context } = await import("../support/requests");
    expect(statusOf(await settle(newAction({ request, context: context(), params: {} })))).toBe(
      400,
    );
    expect(await observationCount()).toBe(before);
  });
});

describe("acknowledging", () => {
  const acknowledge = (email: string, observationId: string, comment?: string) =>
    postAs(meAction, email, "/me", {
      intent: "acknowledge",
      observationId,
      ...(comment === undefined ? {} : { comment }),
    });

  it("the observed employee acknowledges once, with a comment; nobody else can", async () => {
    const location = ((await create(demo.manager, form())) as Response).headers.get("Location")!;
    const id = location.split("#observation-")[1]!;

    const stranger = await acknowledge(lucia, id, "Not mine");
    expect(statusOf(stranger)).toBe(400);
    expect(inWords(fieldErrors(stranger)[""])).toEqual(["There is no such observation of yours."]);
    const managerTry = await acknowledge(demo.manager, id);
    expect(statusOf(managerTry)).toBe(400);
    expect((await prisma.observation.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBe(
      null,
    );

    const tooLong = await acknowledge(tomas, id, "x".repeat(1001));
    expect(statusOf(tooLong)).toBe(400);
    expect(fieldErrors(tooLong).comment?.length).toBe(1);
    expect((await prisma.observation.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBe(
      null,
    );

    expect(statusOf(await acknowledge(tomas, id, "Thanks, noted."))).toBe(200);
    const again = await acknowledge(tomas, id, "Changed my mind");
    expect(statusOf(again)).toBe(400);
    expect(inWords(fieldErrors(again)[""])).toEqual([
      "You have already acknowledged this observation.",
    ]);
    const row = await prisma.observation.findUniqueOrThrow({ where: { id } });
    expect(row.acknowledgedAt).not.toBeNull();
    expect(row.employeeComment).toBe("Thanks, noted.");

    const mine = await meLoader(await loaderArgs(tomas, "/me"));
    expect(mine.observations.find((o) => o.id === id)).toMatchObject({
      comment: "Thanks, noted.",
      by: "Maya Patel",
    });
    const theirs = await meLoader(await loaderArgs(lucia, "/me"));
    expect(theirs.observations.map((o) => o.id)).not.toContain(id);
  });

  it("an unknown id or a missing intent is a 400 and writes nothing", async () => {
    expect(statusOf(await acknowledge(tomas, "no-such-observation"))).toBe(400);
    const result = await postAs(meAction, tomas, "/me", { observationId: "x" });
    expect(statusOf(result)).toBe(400);
  });
});

describe("trend per standard", () => {
  it("gives each standard's ratings oldest first, skipping N/A, with the average", async () => {
    const person = at("daniel.ek");
    const personId = await idOf(person);
    const days = [20, 10, 3];
    const firstRatings = ["2", "na", "5"];
    for (const [i, daysAgo] of days.entries()) {
      const result = await create(
        sam,
        form({
          employeeId: personId,
          observedAt: wall(new Date(Date.now() - daysAgo * 24 * hour)),
          [`ratings.${first}`]: firstRatings[i],
          [`ratings.${second}`]: String(i + 2),
        }),
      );
      expect(result).toBeInstanceOf(Response);
    }
    const page = await recordLoader(
      await loaderArgs(sam, `/team/${personId}`, { userId: personId }),
    );
    const trend = (id: string) => page.trend.find((t) => t.standardId === id)!;
    expect(trend(first!).points.map((p) => p.rating)).toEqual([2, 5]);
    expect(trend(first!).average).toBe(3.5);
    expect(trend(second!).points.map((p) => p.rating)).toEqual([2, 3, 4]);
    expect(trend(second!).average).toBe(3);
    expect(trend(third!).points).toEqual([]);
    // Oldest first in the trend, newest first in the list.
    const times = trend(second!).points.map((p) => p.at);
    expect([...times].sort()).toEqual(times);
    expect(page.observations.map((o) => o.observedAt)).toEqual([...times].reverse());
  });
});
