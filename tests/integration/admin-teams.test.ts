import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as adminAction } from "~/routes/admin+/index";
import { action as peopleAction } from "~/routes/admin+/people";
import { loader as matrixLoader } from "~/routes/team+/index";
import { statusOf } from "../support/module-actions";
import { demo, loaderArgs } from "../support/sessions";
import { at, fieldErrors, idOf, postAs } from "../support/team";

// Teams run from /admin: created with managers (one or several), renamed, handed to other
// managers, archived once empty. Each change is one audit event; a refused form changes nothing.

const post = (fields: Record<string, string | string[]>) =>
  postAs(adminAction, demo.admin, "/admin", fields);
const teamsOf = async (email: string) =>
  (await matrixLoader(await loaderArgs(email, "/team"))).teams.map((t) => t.name);
const events = (action: string) => prisma.auditEvent.count({ where: { action } });
const managersOf = async (name: string) =>
  (
    await prisma.teamManager.findMany({
      where: { team: { name } },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { email: true } } },
    })
  ).map((m) => m.user.email);

describe("teams at /admin", () => {
  it("adds a team with two managers, who both see it at once; a taken name or a non-manager is refused", async () => {
    const maya = await idOf(demo.manager);
    const sam = await idOf(at("sam.okafor"));
    expect(
      await post({ intent: "add-team", name: "Returns desk", managerIds: [maya, sam] }),
    ).toMatchObject({ team: "Returns desk" });
    const team = await prisma.team.findUniqueOrThrow({
      where: { name: "Returns desk" },
      select: { slug: true, archivedAt: true },
    });
    expect(team).toEqual({ slug: "returns-desk", archivedAt: null });
    expect(await managersOf("Returns desk")).toEqual([demo.manager, at("sam.okafor")]);
    expect(await teamsOf(demo.manager)).toContain("Returns desk");
    expect(await teamsOf(at("sam.okafor"))).toContain("Returns desk");
    expect(await events("team.add")).toBe(1);
    expect(
      (await prisma.auditEvent.findFirstOrThrow({ where: { action: "team.add" } })).summary,
    ).toBe("managers: Maya Patel, Sam Okafor");

    const before = await prisma.team.count();
    const taken = await post({ intent: "add-team", name: "returns DESK" });
    expect(statusOf(taken)).toBe(400);
    expect(fieldErrors(taken)).toEqual({ name: ["admin:errors.teamNameTaken"] });
    const employee = await idOf(demo.employee);
    const notManager = await post({
      intent: "add-team",
      name: "Gift wrap",
      managerIds: [maya, employee],
    });
    expect(fieldErrors(notManager)).toEqual({ managerIds: ["admin:errors.notAManager"] });
    expect(await prisma.team.count()).toBe(before);
    expect(await events("team.add")).toBe(1);
  });

  it("renames a team and hands it to another manager, whose views follow at once", async () => {
    const sam = await idOf(at("sam.okafor"));
    const { id } = await prisma.team.create({
      data: {
        name: "Click and collect",
        slug: "click-and-collect",
        managers: { create: { userId: await idOf(demo.manager) } },
      },
      select: { id: true },
    });
    expect(await teamsOf(demo.manager)).toContain("Click and collect");
    await post({ intent: "update-team", teamId: id, name: "Click & collect", managerIds: sam });
    expect(await prisma.team.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Click & collect",
      slug: "click-collect",
    });
    expect(await managersOf("Click & collect")).toEqual([at("sam.okafor")]);
    expect(await teamsOf(demo.manager)).not.toContain("Click & collect");
    expect(await teamsOf(at("sam.okafor"))).toContain("Click & collect");
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "team.update", targetId: id },
      select: { summary: true },
    });
    expect(event.summary).toBe(
      "name: Click and collect → Click & collect; managers: Maya Patel → Sam Okafor",
    );
  });

  it("archives a team only once nobody active is in it; an archived team takes no one new", async () => {
    const frontDesk = await prisma.team.findUniqueOrThrow({ where: { name: "Front desk" } });
    const busy = await post({ intent: "archive-team", teamId: frontDesk.id });
    expect(statusOf(busy)).toBe(400);
    expect(
      (await prisma.team.findUniqueOrThrow({ where: { id: frontDesk.id } })).archivedAt,
    ).toBeNull();

    const { id } = await prisma.team.create({
      data: { name: "Pop-up store", slug: "pop-up-store" },
      select: { id: true },
    });
    await post({ intent: "archive-team", teamId: id });
    expect((await prisma.team.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    expect(await events("team.archive")).toBe(1);
    const added = await postAs(peopleAction, demo.admin, "/admin/people", {
      intent: "add-person",
      formKey: crypto.randomUUID(),
      name: "Pat Popup",
      email: "pat.popup@example.test",
      role: "employee",
      teamId: id,
      locale: "en",
    });
    expect(fieldErrors(added)).toMatchObject({ teamId: ["admin:errors.unknownTeam"] });
    expect(await prisma.user.count({ where: { email: "pat.popup@example.test" } })).toBe(0);

    await post({ intent: "restore-team", teamId: id });
    expect((await prisma.team.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    expect(await events("team.restore")).toBe(1);
  });
});
