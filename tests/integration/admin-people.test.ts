import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listModuleArtefacts } from "~/content/store.server";
import { syncModuleVersions } from "~/content/sync.server";
import { prisma } from "~/db.server";
import { loader as peopleLoader, action as peopleAction } from "~/routes/admin+/people";
import { action as personAction } from "~/routes/admin+/people.$userId";
import { loader as matrixLoader } from "~/routes/team+/index";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { searchKeyOf } from "~/utils/search-key";
import { statusOf } from "../support/module-actions";
import { demo, loaderArgs } from "../support/sessions";
import { at, fieldErrors, idOf, postAs } from "../support/team";

// /admin/people: the list's search, filters, sort and pages; a person changed in place (and the
// views that follow); and the bulk actions, all or nothing.

const list = async (query = "") =>
  (await peopleLoader(await loaderArgs(demo.admin, `/admin/people${query}`))) as Awaited<
    ReturnType<typeof peopleLoader>
  >;
const names = async (query: string) => (await list(query)).rows.map((r) => r.name);
const edit = (userId: string, fields: Record<string, string>) =>
  postAs(
    personAction,
    demo.admin,
    `/admin/people/${userId}`,
    { intent: "update-person", ...fields },
    { userId },
  );
const bulk = (fields: Record<string, string | string[]>) =>
  postAs(peopleAction, demo.admin, "/admin/people", { intent: "bulk", ...fields });
const matrixPeople = async (email: string) =>
  (await matrixLoader(await loaderArgs(email, "/team"))).rows.map((r) => r.email);
const teamId = async (name: string) =>
  (await prisma.team.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;

// The course's versions, for the enrolments a move brings (assignments need a published version).
beforeAll(async () => {
  await syncModuleVersions(prisma, await listModuleArtefacts());
}, 120_000);

async function newcomer(name: string, team: string | null = null) {
  return prisma.user.create({
    data: {
      name,
      searchKey: searchKeyOf(name),
      // Unique even for people made in the same millisecond.
      email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${randomUUID().slice(0, 8)}@example.test`,
      teamId: team ? await teamId(team) : null,
    },
    select: { id: true, email: true },
  });
}

describe("the people list", () => {
  it("finds people by name ignoring accents and case, or by part of the e-mail", async () => {
    expect(await names("?q=INES")).toEqual(["Inês Duarte"]);
    expect(await names("?q=kral")).toEqual(["Marek Král"]);
    expect(await names("?q=Inês")).toEqual(["Inês Duarte"]);
    expect(await names("?q=tomas.horvat%40demo")).toEqual(["Tomas Horvat"]);
    expect(await names("?q=nobody-called-this")).toEqual([]);
  });

  it("filters by team, role, status, language and sign-in, and sorts either way", async () => {
    const callCentre = await teamId("Call centre");
    const team = await list(`?team=${callCentre}`);
    expect(team.rows.every((r) => r.team?.name === "Call centre")).toBe(true);
    expect(team.total).toBe(
      await prisma.user.count({ where: { teamId: callCentre, active: true } }),
    );
    expect(await names("?role=trainer")).toEqual(["Tara Quinn"]);
    expect((await list("?locale=sl")).rows.map((r) => r.locale)).toEqual(
      expect.arrayContaining(["sl"]),
    );
    expect((await list("?locale=sl")).rows.every((r) => r.locale === "sl")).toBe(true);
    expect((await list("?team=none")).rows.every((r) => r.team === null)).toBe(true);

    const someone = await newcomer("Quiet Leaver");
    await prisma.user.update({ where: { id: someone.id }, data: { active: false } });
    expect(await names("?q=quiet+leaver")).toEqual([]);
    expect(await names("?q=quiet+leaver&status=inactive")).toEqual(["Quiet Leaver"]);
    expect(await names("?q=quiet+leaver&status=all&signIn=never")).toEqual(["Quiet Leaver"]);
    expect(await names("?q=quiet+leaver&status=all&signIn=signed-in")).toEqual([]);

    const ascending = await names("?team=" + callCentre);
    const descending = await names(`?team=${callCentre}&dir=desc`);
    expect(descending).toEqual([...ascending].reverse());
    // A value the list does not know is the default, not an error.
    expect(await names(`?team=${callCentre}&sort=password&dir=sideways`)).toEqual(ascending);
  });

  it("pages through everyone without repeating or skipping anyone", async () => {
    for (let i = 0; i < 60; i++) await newcomer(`Pager Person ${String(i).padStart(2, "0")}`);
    const first = await list("?q=pager+person");
    expect(first.total).toBe(60);
    expect(first.pageCount).toBe(2);
    const second = await list("?q=pager+person&page=2");
    const seen = [...first.rows, ...second.rows].map((r) => r.name);
    expect(new Set(seen).size).toBe(60);
    // Past the end: the last page.
    expect((await list("?q=pager+person&page=99")).page).toBe(2);
  });
});

describe("a person changed in place", () => {
  it("moves to another team: the new manager sees them at once, the old one no longer", async () => {
    const person = await newcomer("Moving Person", "Front desk");
    expect(await matrixPeople(demo.manager)).toContain(person.email);
    const result = await edit(person.id, {
      name: "Moving Person",
      email: person.email,
      role: "employee",
      teamId: await teamId("Call centre"),
      locale: "lt",
      hiredAt: "2025-02-03",
      timeZone: "Europe/Vilnius",
    });
    expect(statusOf(result)).toBe(200);
    expect(await matrixPeople(demo.manager)).not.toContain(person.email);
    expect(await matrixPeople(at("sam.okafor"))).toContain(person.email);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "person.update", targetId: person.id },
    });
    expect(event.summary).toBe(
      "team: Front desk → Call centre; language: en → lt; hire date: — → 2025-02-03; time zone: Europe/Ljubljana → Europe/Vilnius",
    );
  });

  it("takes their assignments with them: a team's module reaches them once they are in it", async () => {
    const person = await newcomer("Assigned Mover", "Online chat");
    const callCentre = await teamId("Call centre");
    await prisma.assignment.create({
      data: {
        moduleSlug: "recording-a-complaint",
        teamIds: JSON.stringify([callCentre]),
        dueDays: 10,
      },
    });
    const slugs = async () => (await listEnrollments([person.id])).map((e) => e.slug);
    expect(await slugs()).not.toContain("recording-a-complaint");
    await edit(person.id, {
      name: "Assigned Mover",
      email: person.email,
      role: "employee",
      teamId: callCentre,
      locale: "en",
      timeZone: "Europe/Ljubljana",
    });
    const [moved] = (await listEnrollments([person.id])).filter(
      (e) => e.slug === "recording-a-complaint",
    );
    expect(moved).toMatchObject({ status: "not-started" });
    // And out again: the module leaves their list (nothing was done, so nothing is kept).
    await edit(person.id, {
      name: "Assigned Mover",
      email: person.email,
      role: "employee",
      teamId: await teamId("Online chat"),
      locale: "en",
      timeZone: "Europe/Ljubljana",
    });
    expect(await slugs()).not.toContain("recording-a-complaint");
  });

  it("renames (found by the new name), and a manager who becomes an employee stops managing", async () => {
    const lead = await newcomer("Shift Lead");
    await prisma.user.update({ where: { id: lead.id }, data: { role: "manager" } });
    await prisma.teamManager.create({
      data: { teamId: await teamId("Online chat"), userId: lead.id },
    });
    await edit(lead.id, {
      name: "Šárka Lead",
      email: lead.email,
      role: "employee",
      locale: "en",
      timeZone: "Europe/Ljubljana",
    });
    expect(await names("?q=sarka")).toEqual(["Šárka Lead"]);
    expect(await prisma.teamManager.count({ where: { userId: lead.id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "person.update", targetId: lead.id },
    });
    expect(event.summary).toBe(
      "name: Shift Lead → Šárka Lead; role: manager → employee; no longer manages: Online chat",
    );
  });

  it("refuses a taken e-mail, an archived team or the admin's own role, changing nothing", async () => {
    const person = await newcomer("Careful Person");
    const base = { name: "Careful Person", role: "employee", locale: "en", timeZone: "UTC" };
    const before = await prisma.auditEvent.count();
    const taken = await edit(person.id, { ...base, email: demo.employee });
    expect(statusOf(taken)).toBe(400);
    expect(fieldErrors(taken)).toEqual({ email: ["admin:errors.emailTaken"] });
    const archived = await prisma.team.create({
      data: { name: "Closed kiosk", slug: "closed-kiosk", archivedAt: new Date() },
    });
    const toArchived = await edit(person.id, { ...base, email: person.email, teamId: archived.id });
    expect(fieldErrors(toArchived)).toEqual({ teamId: ["admin:errors.unknownTeam"] });
    const admin = await idOf(demo.admin);
    const own = await edit(admin, {
      ...base,
      name: "Alex Morgan",
      email: demo.admin,
      role: "employee",
    });
    expect(fieldErrors(own)).toEqual({ role: ["admin:errors.ownRole"] });
    const unknown = await edit("no-such-person", { ...base, email: "x@example.test" });
    expect(statusOf(unknown)).toBe(404);
    expect(await prisma.auditEvent.count()).toBe(before);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin } })).toMatchObject({
      role: "admin",
    });
  });
});

describe("bulk actions", () => {
  it("move ticked people to a team together, or nobody when the team is unknown", async () => {
    const a = await newcomer("Bulk Mover A", "Front desk");
    const b = await newcomer("Bulk Mover B", "Online chat");
    const refused = await bulk({ action: "move-team", userIds: [a.id, b.id], teamId: "nope" });
    expect(statusOf(refused)).toBe(400);
    const onlineChat = await teamId("Online chat");
    const moved = (await bulk({
      action: "move-team",
      userIds: [a.id, b.id],
      teamId: onlineChat,
    })) as { done: { changed: number; skipped: number; team: string } };
    expect(moved.done).toEqual({
      action: "move-team",
      changed: 1,
      skipped: 1,
      team: "Online chat",
    });
    const teams = await prisma.user.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { teamId: true },
    });
    expect(teams.map((t) => t.teamId)).toEqual([onlineChat, onlineChat]);
  });

  it("deactivate ticked people and end their sessions; the admin's own account refuses it all", async () => {
    const a = await newcomer("Bulk Leaver A");
    const b = await newcomer("Bulk Leaver B");
    await prisma.session.create({
      data: { id: `bulk-${a.id}`, userId: a.id, expiresAt: new Date(Date.now() + 60_000) },
    });
    const withSelf = await bulk({
      action: "deactivate",
      userIds: [a.id, b.id, await idOf(demo.admin)],
    });
    expect(statusOf(withSelf)).toBe(400);
    expect(await prisma.user.count({ where: { id: { in: [a.id, b.id] }, active: false } })).toBe(0);
    const done = (await bulk({ action: "deactivate", userIds: [a.id, b.id] })) as {
      done: { changed: number };
    };
    expect(done.done.changed).toBe(2);
    expect(await prisma.user.count({ where: { id: { in: [a.id, b.id] }, active: false } })).toBe(2);
    expect(await prisma.session.count({ where: { userId: a.id } })).toBe(0);
    expect(
      await prisma.auditEvent.count({
        where: { action: "person.deactivate", targetId: { in: [a.id, b.id] } },
      }),
    ).toBe(2);
    const none = await bulk({ action: "activate", userIds: [] });
    expect(fieldErrors(none)).toEqual({ userIds: ["admin:errors.bulkNobody"] });
  });

  it("send new invitation links only to people still to choose a password", async () => {
    const invitee = await newcomer("Bulk Invitee");
    const eli = await idOf(demo.employee);
    const sent = (await bulk({ action: "resend-invitation", userIds: [invitee.id, eli] })) as {
      done: { changed: number; skipped: number };
    };
    expect(sent.done).toMatchObject({ changed: 1, skipped: 1 });
    expect(await prisma.invitation.count({ where: { userId: invitee.id } })).toBe(1);
    expect(await prisma.invitation.count({ where: { userId: eli } })).toBe(0);
  });
});
