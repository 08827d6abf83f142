import { describe, expect, it } from "vitest";
import { parseCsv } from "~/admin/csv-file";
import { applyImport, guessMapping } from "~/admin/import-people.server";
import { openInvitation } from "~/admin/invitations.server";
import { actorOf } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { action as importAction } from "~/routes/admin+/people.import";
import { runReminderPass } from "~/training/rollout/reminders.server";
import type { Mailer, MailMessage } from "~/mail/mailer.server";
import { statusOf } from "../support/module-actions";
import { context, settle } from "../support/requests";
import { demo, requestAs } from "../support/sessions";
import { idOf, postAs } from "../support/team";

// The CSV import at /admin/people/import, through its action as the browser posts it: the upload
// (multipart), then preview and apply (the file's text back with the column mapping). Real files:
// a BOM and semicolons as Excel writes them in Slovenia, Windows-1250 bytes, formula cells, a
// 100 MB stream.

const bom = "\uFEFF";

async function upload(body: BodyInit, type?: string, length?: string) {
  const cookie = (await requestAs(demo.admin, "/")).headers.get("Cookie")!;
  const headers: Record<string, string> = { Cookie: cookie, Origin: "http://localhost" };
  if (type) headers["Content-Type"] = type;
  if (length) headers["Content-Length"] = length;
  const request = new Request("http://localhost/admin/people/import", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  return settle(importAction({ request, context: context(), params: {} }));
}

async function uploadFile(
  bytes: Uint8Array<ArrayBuffer> | string,
  createTeams = false,
  name = "staff.csv",
) {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type: "text/csv" }));
  if (createTeams) form.set("createTeams", "on");
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return upload(await request.arrayBuffer(), request.headers.get("Content-Type")!);
}

type PreviewAnswer = {
  step: "preview";
  text: string;
  fileName: string;
  mapping: Record<string, number>;
  preview: {
    counts: Record<string, number>;
    newTeams: string[];
    rows: {
      line: number;
      email: string;
      status: string;
      reasons: { key: string }[];
      changes: string[];
    }[];
  };
};
const answer = (result: unknown) =>
  ((result as { data?: unknown }).data ?? result) as PreviewAnswer & {
    error?: string;
    result?: Record<string, number>;
  };

const apply = (previewed: PreviewAnswer, createTeams = false) =>
  postAs(importAction, demo.admin, "/admin/people/import", {
    intent: "apply",
    text: previewed.text,
    fileName: previewed.fileName,
    ...(createTeams ? { createTeams: "on" } : {}),
    ...Object.fromEntries(
      Object.entries(previewed.mapping).map(([f, c]) => [`map.${f}`, String(c)]),
    ),
  });

const counts = async () => ({
  users: await prisma.user.count(),
  teams: await prisma.team.count(),
  events: await prisma.auditEvent.count(),
  outbox: await prisma.reminderOutbox.count(),
});

const slovenianFile = [
  "E-pošta;Ime in priimek;Ekipa;Vloga;Jezik;Datum zaposlitve;Vodja",
  "spela.kovac@example.test;Špela Kovač;Trgovina Maribor;Zaposleni;Slovenščina;1. 3. 2026;maya.patel.import@example.test",
  "maya.patel.import@example.test;Maya Import;Trgovina Maribor;vodja;en;2024-09-01;",
  '"ziga.zupan@example.test";"Žiga Županič";"Trgovina Koper";employee;sl;01.02.2025;',
  "",
].join("\r\n");

describe("importing people from a CSV file", () => {
  it("reads a Slovenian Excel file (BOM, semicolons, Slovenian headings), previews, imports once", async () => {
    const before = await counts();
    const previewed = answer(await uploadFile(bom + slovenianFile, true));
    expect(previewed.error).toBeNull();
    expect(previewed.mapping).toEqual({
      email: 0,
      name: 1,
      team: 2,
      role: 3,
      locale: 4,
      hiredAt: 5,
      managerEmail: 6,
    });
    expect(previewed.preview.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(previewed.preview.newTeams).toEqual(["Trgovina Maribor", "Trgovina Koper"]);
    // A preview writes nothing.
    expect(await counts()).toEqual(before);

    const done = answer(await apply(previewed, true));
    expect(done.result).toMatchObject({ created: 3, updated: 0, teams: 2, invited: 3 });
    const spela = await prisma.user.findUniqueOrThrow({
      where: { email: "spela.kovac@example.test" },
      select: {
        name: true,
        role: true,
        locale: true,
        hiredAt: true,
        team: { select: { name: true } },
      },
    });
    expect(spela).toEqual({
      name: "Špela Kovač",
      role: "employee",
      locale: "sl",
      hiredAt: new Date("2026-03-01T09:00:00Z"),
      team: { name: "Trgovina Maribor" },
    });
    const managers = await prisma.teamManager.findMany({
      where: { team: { name: "Trgovina Maribor" } },
      select: { user: { select: { email: true } } },
    });
    expect(managers.map((m) => m.user.email)).toEqual(["maya.patel.import@example.test"]);
    expect(await prisma.auditEvent.count({ where: { action: "people.import" } })).toBe(1);

    // The same file again: everyone unchanged, and importing it writes nothing at all.
    const again = answer(await uploadFile(bom + slovenianFile, true));
    expect(again.preview.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    const settled = await counts();
    answer(await apply(again, true));
    expect(await counts()).toEqual(settled);
  });

  it("sends each new person an invitation whose link only the e-mail holds", async () => {
    // Applied directly (the page starts sending at once, to the configured mailer); the reminder
    // pass sends what the import queued.
    const parsed = parseCsv("email,name,team\r\nnoor.sent@example.test,Noor Sent,Front desk\r\n");
    if (!parsed.ok) throw new Error(parsed.message);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: demo.admin } });
    const applied = await applyImport(
      { ...actorOf(admin, "127.0.0.1"), id: admin.id },
      parsed.file,
      guessMapping(parsed.file.header),
      { createTeams: false, fileName: "one.csv" },
    );
    expect(applied).toMatchObject({ ok: true, created: 1 });
    const sent: MailMessage[] = [];
    const mailer: Mailer = { send: async (m) => void sent.push(m) };
    await runReminderPass({ mailer });
    const mail = sent.find((m) => m.to === "noor.sent@example.test");
    expect(mail?.text).toMatch(/\/invite\/[\w-]{43}/);
    expect(mail?.text).toContain("Alex Morgan");
    const token = /\/invite\/([\w-]{43})/.exec(mail!.text)![1]!;
    expect((await openInvitation(token))?.user.email).toBe("noor.sent@example.test");
    const row = await prisma.reminderOutbox.findFirstOrThrow({
      where: { user: { email: "noor.sent@example.test" }, kind: "invitation" },
    });
    expect(row.sentAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(token);
    // Sent once: another pass sends nothing more.
    sent.length = 0;
    await runReminderPass({ mailer });
    expect(sent.filter((m) => m.to === "noor.sent@example.test")).toEqual([]);
  });

  it("previews updates and errors with line numbers, and applies nothing while any row is in error", async () => {
    const eli = demo.employee;
    const file = [
      "email,name,team,role,language,hire date,manager e-mail",
      `${eli},Eli Brooks,Call centre,,,,`,
      "fresh.person@example.test,Fresh Person,Front desk,,,,",
      "fresh.person@example.test,Fresh Twice,Front desk,,,,",
      'formula@example.test,=HYPERLINK("http://evil"),Front desk,,,,',
      "no-name@example.test,,Front desk,,,,",
      "odd@example.test,Odd Date,Front desk,,,03/01/2026,",
      "team@example.test,No Team,Nowhere desk,,,,",
      "role@example.test,Bad Role,Front desk,boss,,,",
      "mgr@example.test,Bad Manager,Front desk,,,,employee@demo.frontline.test",
    ].join("\n");
    const previewed = answer(await uploadFile(file));
    const byLine = new Map(previewed.preview.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({
      status: "update",
      changes: ["team: Front desk → Call centre"],
    });
    expect(byLine.get(3)?.status).toBe("create");
    const reason = (line: number) => byLine.get(line)!.reasons.map((r) => r.key);
    expect(reason(4)).toEqual(["admin:import.reasons.duplicate"]);
    expect(reason(5)).toEqual(["admin:import.reasons.formula"]);
    expect(reason(6)).toEqual(["admin:import.reasons.noName"]);
    expect(reason(7)).toEqual(["admin:import.reasons.badDate"]);
    expect(reason(8)).toEqual(["admin:import.reasons.unknownTeam"]);
    expect(reason(9)).toEqual(["admin:import.reasons.badRole"]);
    expect(reason(10)).toEqual(["admin:import.reasons.notAManager"]);
    expect(previewed.preview.counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 7 });

    const before = await counts();
    const refused = await apply(previewed);
    expect(statusOf(refused)).toBe(400);
    expect(await counts()).toEqual(before);
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { email: eli }, include: { team: true } })).team
        ?.name,
    ).toBe("Front desk");
  });

  it("changes a manager to an employee, who then stops managing their team", async () => {
    const lead = await prisma.user.create({
      data: { email: "lead.demoted@example.test", name: "Lead Demoted", role: "manager" },
    });
    const team = await prisma.team.create({ data: { name: "Kiosk 9", slug: "kiosk-9" } });
    await prisma.teamManager.create({ data: { teamId: team.id, userId: lead.id } });
    const previewed = answer(await uploadFile("email,role\nlead.demoted@example.test,Zaposleni\n"));
    expect(previewed.preview.rows[0]).toMatchObject({
      status: "update",
      changes: ["role: manager → employee", "no longer manages: Kiosk 9"],
    });
    answer(await apply(previewed));
    expect(await prisma.teamManager.count({ where: { userId: lead.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: lead.id } })).role).toBe("employee");
  });

  it("refuses wrong encodings, broken files and oversized uploads with a clear message, writing nothing", async () => {
    const before = await counts();
    // "Čop" in Windows-1250, as Excel's plain "CSV" writes it in Slovenia.
    const cp1250 = new Uint8Array([
      ...Buffer.from("email;name\r\nx@example.test;"),
      0xc8,
      0x6f,
      0x70,
    ]);
    expect(answer(await uploadFile(cp1250)).error).toBe("admin:import.errors.notUtf8");
    const utf16 = new Uint8Array([0xff, 0xfe, 0x65, 0x00]);
    expect(answer(await uploadFile(utf16)).error).toBe("admin:import.errors.utf16");
    expect(answer(await uploadFile('email,name\r\n"x@example.test,Open quote\r\n')).error).toBe(
      'admin:import.errors.unclosedQuote|{"line":2}',
    );
    expect(answer(await uploadFile("name\r\nNo E-mail Column\r\n")).error).toBe(
      "admin:import.errors.noEmailColumn",
    );

    // 100 MB, streamed without a length: refused after reading little more than the limit.
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 100 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const big = await upload(stream, "multipart/form-data; boundary=x");
    expect(statusOf(big)).toBe(400);
    expect(answer(big).error).toBe("admin:import.errors.tooLarge");
    expect(pulled).toBeLessThan(8 * 1024 * 1024);
    // A declared 100 MB is refused before reading anything.
    expect(
      answer(await upload("x", "multipart/form-data; boundary=x", String(100 * 1024 * 1024))).error,
    ).toBe("admin:import.errors.tooLarge");
    expect(await counts()).toEqual(before);
    expect(await idOf(demo.admin)).toBeTruthy();
  });
});
