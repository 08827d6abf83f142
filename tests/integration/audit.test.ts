import { describe, expect, it } from "vitest";
import { actorOf, audit } from "~/audit/audit.server";
import { createSession } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { localDate } from "~/training/rollout/time";
import { action as peopleAction } from "~/routes/admin+/people";
import { action as personAction } from "~/routes/admin+/people.$userId";
import { loader as auditLoader } from "~/routes/admin+/audit";
import { loader as csvLoader } from "~/routes/admin+/audit.csv";
import { cookiePair, context, formRequest, settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";

// The audit log: what one change writes, that nobody can alter it, and how admins read it. (That
// every action writes exactly one event is checked for all of them in fuzz-actions.test.ts.)

/** The admin posts a form: to the people list, or to one person's page when it names them. */
async function postAsAdmin(fields: Record<string, string>, clientAddress: string) {
  const admin = await prisma.user.findUniqueOrThrow({
    where: { email: demo.admin },
    select: { id: true },
  });
  const cookie = cookiePair(await createSession(admin.id));
  const { userId, ...form } = fields;
  return settle<unknown>(
    userId
      ? personAction({
          request: formRequest(`/admin/people/${userId}`, form, { Cookie: cookie }),
          context: context(clientAddress),
          params: { userId },
        })
      : peopleAction({
          request: formRequest("/admin/people", form, { Cookie: cookie }),
          context: context(clientAddress),
          params: {},
        }),
  );
}

const newest = () =>
  prisma.auditEvent.findFirstOrThrow({ orderBy: [{ at: "desc" }, { id: "desc" }] });

describe("audit events", () => {
  it("records who added whom, with what, from where; a refused form records nothing", async () => {
    const before = await prisma.auditEvent.count();
    await postAsAdmin(
      {
        intent: "add-person",
        name: "Audit Person",
        email: "audit.person@demo.frontline.test",
        role: "employee",
        teamId: "",
        timeZone: "Europe/Ljubljana",
        locale: "sl",
        password: "copper kettle on a quiet shelf",
      },
      "203.0.113.7",
    );
    expect(await prisma.auditEvent.count()).toBe(before + 1);
    const person = await prisma.user.findUniqueOrThrow({
      where: { email: "audit.person@demo.frontline.test" },
      select: { id: true },
    });
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: demo.admin } });
    expect(await newest()).toMatchObject({
      actorId: admin.id,
      actorLabel: `${admin.name} <admin@demo.frontline.test>`,
      action: "person.add",
      targetType: "person",
      targetId: person.id,
      targetLabel: "Audit Person <audit.person@demo.frontline.test>",
      summary: "role: employee; team: none; language: sl; first password set by admin",
      clientAddress: "203.0.113.7",
    });

    // The same e-mail again is refused: no person, no event.
    const refused = await postAsAdmin(
      {
        intent: "add-person",
        name: "Audit Person",
        email: "audit.person@demo.frontline.test",
        role: "employee",
        timeZone: "Europe/Ljubljana",
        locale: "en",
        password: "copper kettle on a quiet shelf",
      },
      "203.0.113.7",
    );
    expect((refused as { init?: { status?: number } }).init?.status).toBe(400);
    expect(await prisma.auditEvent.count()).toBe(before + 1);

    // Deactivating says what it ended; doing it twice changes (and records) nothing more.
    await createSession(person.id);
    await postAsAdmin({ intent: "deactivate", userId: person.id }, "203.0.113.8");
    expect(await newest()).toMatchObject({
      action: "person.deactivate",
      summary: "active → inactive; 1 sessions ended",
    });
    await postAsAdmin({ intent: "deactivate", userId: person.id }, "203.0.113.8");
    expect(await prisma.auditEvent.count()).toBe(before + 2);
  });

  it("cannot be changed or deleted by anyone, the app included (database triggers)", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: demo.admin } });
    const event = await audit(
      prisma,
      actorOf(admin, "127.0.0.1"),
      "assignment.end",
      { type: "assignment", id: null, label: "a module" },
      "active → ended",
    );
    // SQLite's RAISE(ABORT) reaches Prisma as a constraint failure; the raw query keeps the words.
    await expect(
      prisma.auditEvent.update({ where: { id: event.id }, data: { summary: "nothing" } }),
    ).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      prisma.$executeRawUnsafe(
        `UPDATE "AuditEvent" SET "summary" = 'x' WHERE "id" = '${event.id}'`,
      ),
    ).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).summary).toBe(
      "active → ended",
    );
  });
});

describe("/admin/audit", () => {
  type Page = { total: number; pages: number; events: { action: string; targetLabel: string }[] };
  const read = async (query: string) =>
    (await settle(auditLoader(await loaderArgs(demo.admin, `/admin/audit${query}`)))) as Page;

  it("filters by action, actor, target and dates, and pages by 50", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: demo.admin } });
    const actor = actorOf(admin, "127.0.0.1");
    for (let i = 0; i < 55; i++)
      await audit(
        prisma,
        actor,
        "recognition.give",
        {
          type: "person",
          id: null,
          label: `Paging Target ${i}`,
        },
        `${i} points`,
      );
    const all = await read("?action=recognition.give&target=Paging%20Target");
    expect(all.total).toBe(55);
    expect(all.pages).toBe(2);
    expect(all.events).toHaveLength(50);
    expect(all.events[0]!.targetLabel).toBe("Paging Target 54"); // newest first
    const second = await read("?action=recognition.give&target=Paging%20Target&page=2");
    expect(second.events.map((e) => e.targetLabel)).toEqual(
      [4, 3, 2, 1, 0].map((i) => `Paging Target ${i}`),
    );
    expect((await read(`?actor=${encodeURIComponent(admin.email)}&target=Paging`)).total).toBe(55);
    expect((await read("?actor=nobody-at-all&target=Paging")).total).toBe(0);
    expect((await read("?target=Paging&from=2000-01-01&to=2000-12-31")).total).toBe(0);
    // Days are the admin's own (an hour before midnight UTC it is already tomorrow in Ljubljana).
    const today = localDate(new Date(), admin.timeZone);
    expect((await read(`?target=Paging&from=${today}&to=${today}`)).total).toBe(55);
  });

  it("answers 400 for a filter that is not valid", async () => {
    for (const query of ["?action=person.delete", "?from=yesterday", "?page=0"]) {
      const result = await settle(
        auditLoader(await loaderArgs(demo.admin, `/admin/audit${query}`)),
      );
      expect((result as { init?: { status?: number } }).init?.status, query).toBe(400);
    }
  });

  it("answers the CSV's bad filter or separator with 400 and a message as text", async () => {
    for (const query of ["?action=person.delete", "?sep=x"]) {
      const result = (await settle(
        csvLoader(await loaderArgs(demo.admin, `/admin/audit.csv${query}`)),
      )) as Response;
      expect(result.status, query).toBe(400);
      expect(result.headers.get("Content-Type"), query).toBe("text/plain; charset=utf-8");
    }
    const semicolons = (await csvLoader(
      await loaderArgs(demo.admin, "/admin/audit.csv?action=person.add&sep=%3B"),
    )) as Response;
    const header = (await semicolons.text()).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header).toBe("When (UTC);Who;Action;Target type;Target;What changed;From address");
  });

  it("streams the filtered log as CSV, formula signs neutralised", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: demo.admin } });
    await audit(
      prisma,
      actorOf(admin, "198.51.100.9"),
      "observation.add",
      { type: "observation", id: null, label: "=HYPERLINK(evil)" },
      "phone; 3 of 5 standards rated",
    );
    const response = (await csvLoader(
      await loaderArgs(demo.admin, "/admin/audit.csv?action=observation.add&target=HYPERLINK"),
    )) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("When (UTC),Who,Action,Target type,Target,What changed,From address");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z,.*<admin@demo\.frontline\.test>,observation\.add,observation,'=HYPERLINK\(evil\),"phone; 3 of 5 standards rated",198\.51\.100\.9$/,
    );
  });
});
