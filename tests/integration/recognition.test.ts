import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";
import { loader as meLoader } from "~/routes/me+/index";
import { loader as recordLoader } from "~/routes/team+/$userId";
import { action as newObservation } from "~/routes/team+/observations.new";
import { action, loader } from "~/routes/team+/recognition";
import { observationStandards } from "~/team/observations.server";
import { statusOf } from "../support/module-actions";
import { settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";
import { at, fieldErrors, idOf, postAs, wall } from "../support/team";

// Front desk (Maya Patel) and Call centre (Sam Okafor) people no other test depends on.
const lucia = at("lucia.ferrante");
const colleague = at("tomas.horvat");
const sam = at("sam.okafor");
const ines = at("ines.duarte");
// Badges and messages travel as keys; their English words are what a person reads.
const en = fixedT("en", "team");

async function observe(manager: string, employeeId: string) {
  const [first] = observationStandards();
  const result = await postAs(newObservation, manager, "/team/observations/new", {
    employeeId,
    observedAt: wall(new Date(Date.now() - 60 * 60 * 1000)),
    channel: "in-person",
    [`ratings.${first!.id}`]: "5",
    ...Object.fromEntries(
      observationStandards()
        .slice(1)
        .map((s) => [`ratings.${s.id}`, "na"]),
    ),
  });
  return (result as Response).headers.get("Location")!.split("#observation-")[1]!;
}

const recognise = (email: string, fields: Record<string, string>) =>
  postAs(action, email, "/team/recognition", fields);
const count = () => prisma.recognition.count();

describe("recognition", () => {
  it("a manager recognises someone in their team, linked to an observation; it shows everywhere", async () => {
    const luciaId = await idOf(lucia);
    const observationId = await observe(demo.manager, luciaId);
    const result = await recognise(demo.manager, {
      employeeId: luciaId,
      reason: "Calmed a furious guest and found a fair fix together.",
      points: "25",
      badge: "calm-under-pressure",
      observationId,
    });
    expect(statusOf(result)).toBe(200);
    const row = await prisma.recognition.findFirstOrThrow({
      where: { toId: luciaId },
      orderBy: { createdAt: "desc" },
    });
    expect(row).toMatchObject({ points: 25, badge: "calm-under-pressure", observationId });

    const page = await loader(await loaderArgs(demo.manager, "/team/recognition"));
    expect(page.wall[0]).toMatchObject({
      to: { id: luciaId, name: "Lucia Ferrante", team: "Front desk" },
      badge: "team:badges.calm-under-pressure.title",
      points: 25,
      from: "Maya Patel",
    });
    expect(en(page.wall[0]!.badge!)).toBe("Calm under pressure");
    const record = await recordLoader(
      await loaderArgs(demo.manager, `/team/${luciaId}`, { userId: luciaId }),
    );
    expect(record.recognitions.totalPoints).toBeGreaterThanOrEqual(25);
    expect(record.recognitions.items[0]).toMatchObject({ id: row.id, observationId });

    const own = await meLoader(await loaderArgs(lucia, "/me"));
    expect(own.recognitions[0]).toMatchObject({ id: row.id, points: 25 });
    expect(own.teamWall.team).toBe("Front desk");
    const teammate = await meLoader(await loaderArgs(colleague, "/me"));
    expect(teammate.teamWall.items.map((r) => r.id)).toContain(row.id);
    const otherTeam = await meLoader(await loaderArgs(ines, "/me"));
    expect(otherTeam.teamWall.items.map((r) => r.id)).not.toContain(row.id);
    const otherWall = await loader(await loaderArgs(sam, "/team/recognition"));
    expect(otherWall.wall.map((r) => r.id)).not.toContain(row.id);
  });

  it("prefills the person and observation from a record page's link, only if they are the manager's", async () => {
    const luciaId = await idOf(lucia);
    const observationId = await observe(demo.manager, luciaId);
    const url = `/team/recognition?employee=${luciaId}&observation=${observationId}`;
    expect((await loader(await loaderArgs(demo.manager, url))).defaults).toEqual({
      employeeId: luciaId,
      observationId,
    });
    expect((await loader(await loaderArgs(sam, url))).defaults).toEqual({
      employeeId: "",
      observationId: "",
    });
  });

  it("another team's manager gets 404 for the person and cannot link their observation", async () => {
    const luciaId = await idOf(lucia);
    const observationId = await observe(demo.manager, luciaId);
    const before = await count();
    const outside = await recognise(sam, {
      employeeId: luciaId,
      reason: "Great work",
      points: "5",
    });
    expect(statusOf(outside)).toBe(404);
    const ownPerson = await recognise(sam, {
      employeeId: await idOf(ines),
      reason: "Great work",
      points: "5",
      observationId,
    });
    expect(statusOf(ownPerson)).toBe(400);
    expect(fieldErrors(ownPerson).observationId?.length).toBe(1);
    expect(await count()).toBe(before);
  });

  it("an observation of someone else in the team cannot be linked", async () => {
    const observationId = await observe(demo.manager, await idOf(colleague));
    const before = await count();
    const result = await recognise(demo.manager, {
      employeeId: await idOf(lucia),
      reason: "Great work",
      points: "5",
      observationId,
    });
    expect(statusOf(result)).toBe(400);
    expect(fieldErrors(result).observationId?.map((m) => errorText(en, m))).toEqual([
      "Choose one of this person's observations, or none.",
    ]);
    expect(await count()).toBe(before);
  });

  it("an employee may not open or post the recognition page (403)", async () => {
    const before = await count();
    const result = await recognise(demo.employee, {
      employeeId: await idOf(lucia),
      reason: "Great work",
      points: "5",
    });
    expect(statusOf(result)).toBe(403);
    expect(
      statusOf(await settle(loader(await loaderArgs(demo.employee, "/team/recognition")))),
    ).toBe(403);
    expect(await count()).toBe(before);
  });

  const bad: [string, Record<string, string | undefined>, string][] = [
    ["no employee", { employeeId: undefined }, "employeeId"],
    ["a reason under 5 characters", { reason: "Nice" }, "reason"],
    ["a reason over 500 characters", { reason: "x".repeat(501) }, "reason"],
    ["no reason", { reason: undefined }, "reason"],
    ["0 points", { points: "0" }, "points"],
    ["101 points", { points: "101" }, "points"],
    ["fractional points", { points: "2.5" }, "points"],
    ["points that are not a number", { points: "lots" }, "points"],
    ["an unknown badge", { badge: "employee-of-the-month" }, "badge"],
  ];
  it.each(bad)("%s is a 400 with a field error and writes nothing", async (_, overrides, key) => {
    const fields: Record<string, string | undefined> = {
      employeeId: await idOf(lucia),
      reason: "Great follow-up with the Jensens.",
      points: "10",
      ...overrides,
    };
    const before = await count();
    const result = await recognise(
      demo.manager,
      Object.fromEntries(
        Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(fieldErrors(result)[key]?.length).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });
});
