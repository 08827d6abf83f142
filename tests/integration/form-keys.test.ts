import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { action as adminAction } from "~/routes/admin+/index";
import { action as peopleAction } from "~/routes/admin+/people";
import { action as newObservation } from "~/routes/team+/observations.new";
import { action as recogniseAction } from "~/routes/team+/recognition";
import { observationStandards } from "~/team/observations.server";
import { statusOf } from "../support/module-actions";
import { demo } from "../support/sessions";
import { at, fieldErrors, idOf, postAs, wall } from "../support/team";

// Every form that creates a record carries a one-time key: a double submit, a resend or twenty
// copies of one request at once store one record (and one audit event), and the repeats are
// answered as the first was.

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const manager = demo.manager;
const employee = at("lucia.ferrante");
const twenty = <T>(submit: () => Promise<T>) =>
  Promise.all(Array.from({ length: 20 }, () => submit()));

const auditCount = (action: string) => prisma.auditEvent.count({ where: { action } });

describe("create forms with a one-time key", () => {
  it("a recognition sent twenty times at once is stored once: one row, its points once, one audit event", async () => {
    const toId = await idOf(employee);
    const reason = `Stayed late to call a guest back (${randomUUID()}).`;
    const form = { formKey: randomUUID(), employeeId: toId, reason, points: "100" };
    const auditsBefore = await auditCount("recognition.give");
    const answers = await twenty(() => postAs(recogniseAction, manager, "/team/recognition", form));
    expect(answers.map(statusOf)).toEqual(Array(20).fill(200));
    const rows = await prisma.recognition.findMany({ where: { reason }, select: { points: true } });
    expect(rows).toEqual([{ points: 100 }]);
    expect(await auditCount("recognition.give")).toBe(auditsBefore + 1);
    // Sent again later (a resend after a lost answer): still one.
    expect(statusOf(await postAs(recogniseAction, manager, "/team/recognition", form))).toBe(200);
    expect(await prisma.recognition.count({ where: { reason } })).toBe(1);
    // The same words with the next form's key are a second recognition, as meant.
    await postAs(recogniseAction, manager, "/team/recognition", { ...form, formKey: randomUUID() });
    expect(await prisma.recognition.count({ where: { reason } })).toBe(2);
  });

  it("an observation submitted twice goes to the same record page, stored once", async () => {
    const employeeId = await idOf(employee);
    const [first, ...rest] = observationStandards();
    const notes = `Double-clicked save (${randomUUID()}).`;
    const form = {
      formKey: randomUUID(),
      employeeId,
      observedAt: wall(new Date(Date.now() - 60 * 60 * 1000)),
      channel: "phone",
      notes,
      [`ratings.${first!.id}`]: "4",
      ...Object.fromEntries(rest.map((s) => [`ratings.${s.id}`, "na"])),
    };
    const answers = await twenty(() =>
      postAs(newObservation, manager, "/team/observations/new", form),
    );
    const locations = new Set(answers.map((a) => (a as Response).headers.get("Location")));
    const rows = await prisma.observation.findMany({ where: { notes }, select: { id: true } });
    expect(rows).toHaveLength(1);
    expect([...locations]).toEqual([`/team/${employeeId}#observation-${rows[0]!.id}`]);
  });

  it("an assignment and a new person are created once however often the admin's form arrives", async () => {
    const team = await prisma.team.findUniqueOrThrow({
      where: { slug: "online-chat" },
      select: { id: true },
    });
    const assign = {
      formKey: randomUUID(),
      intent: "assign",
      moduleSlug: "canary-module",
      teamIds: team.id,
      dueRule: "after_assignment",
      dueDays: "17",
    };
    const before = await prisma.assignment.count();
    const assigned = await twenty(() => postAs(adminAction, demo.admin, "/admin", assign));
    expect(assigned.map(statusOf)).toEqual(Array(20).fill(200));
    expect(await prisma.assignment.count()).toBe(before + 1);

    const email = `once.${randomUUID().slice(0, 8)}@example.test`;
    const person = {
      formKey: randomUUID(),
      intent: "add-person",
      name: "Ona Once",
      email,
      role: "employee",
      password: "a long and unusual passphrase",
    };
    const added = await twenty(() => postAs(peopleAction, demo.admin, "/admin/people", person));
    expect(added.map(statusOf)).toEqual(Array(20).fill(200));
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    // Later, the same form again: answered as saved, not "this e-mail is taken".
    const again = await postAs(peopleAction, demo.admin, "/admin/people", person);
    expect(statusOf(again)).toBe(200);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("a form without its key, or with something else, is out of date: 400 and nothing stored", async () => {
    const toId = await idOf(employee);
    const reason = `No key here (${randomUUID()}).`;
    for (const formKey of [[], "1", "not-a-uuid", `${randomUUID()}x`]) {
      const result = await postAs(recogniseAction, manager, "/team/recognition", {
        formKey,
        employeeId: toId,
        reason,
        points: "5",
      });
      expect(statusOf(result)).toBe(400);
      expect(fieldErrors(result).formKey).toEqual(["forms:formKey"]);
    }
    expect(await prisma.recognition.count({ where: { reason } })).toBe(0);
  });

  it("one person's key is not another's: two managers may send the same key", async () => {
    const key = randomUUID();
    const reason = `Shared key (${randomUUID()}).`;
    for (const [who, whom] of [
      [manager, employee],
      [at("sam.okafor"), at("ines.duarte")],
    ] as const) {
      const result = await postAs(recogniseAction, who, "/team/recognition", {
        formKey: key,
        employeeId: await idOf(whom),
        reason,
        points: "3",
      });
      expect(statusOf(result)).toBe(200);
    }
    expect(await prisma.recognition.count({ where: { reason } })).toBe(2);
  });
});
