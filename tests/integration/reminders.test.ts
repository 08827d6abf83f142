import { once } from "node:events";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import type { MailMessage, Mailer } from "~/mail/mailer.server";
import { mailerFromEnv, smtpMailer } from "~/mail/mailer.server";
import { startReminderSchedule } from "~/training/rollout/reminder-schedule.server";
import { runReminderPass } from "~/training/rollout/reminders.server";
import { addDays, zonedInstant } from "~/training/rollout/time";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

// Demo people whose records no other test file touches (Call centre's manager and five of its
// employees), moved for this file into a team of their own, so the team holds exactly them and a
// digest lists only them. Their createdAt, time zones and team are set here and put back
// afterwards; every assignment, outbox row and completion made here is removed after each test,
// because the worker's database copy is shared with the test files that run after this one.

const slug = "canary-module";
const email = (local: string) => `${local}@demo.frontline.test`;
const manager = email("sam.okafor");
const members = ["piotr.nowak", "hana.kobayashi", "marek.kral", "sofia.rossi", "daniel.ek"].map(
  email,
);
const group = [manager, ...members];
const [piotr, hana, marek, sofia, daniel] = members as [string, string, string, string, string];

type Sent = MailMessage & { at: Date };

/** Stands in for the SMTP transport: keeps what would have been sent, and when. */
function recordingMailer(clock: { now: Date }, failFor: string[] = []) {
  const sent: Sent[] = [];
  const mailer: Mailer = {
    async send(message) {
      if (failFor.includes(message.to)) throw new Error("550 mailbox unavailable");
      sent.push({ ...message, at: clock.now });
    },
  };
  return { mailer, sent };
}

const ours = (sent: Sent[]) => sent.filter((m) => group.includes(m.to));
const recipients = (sent: Sent[]) =>
  ours(sent)
    .map((m) => m.to)
    .sort();

let teamId = "";
const ids = new Map<string, string>();
type Saved = {
  createdAt: Date;
  timeZone: string;
  active: boolean;
  teamId: string | null;
  locale: string;
};
const original = new Map<string, Saved>();
const assignmentIds: string[] = [];

beforeAll(async () => {
  const people = await prisma.user.findMany({
    where: { email: { in: group } },
    select: {
      id: true,
      email: true,
      createdAt: true,
      timeZone: true,
      active: true,
      teamId: true,
      locale: true,
    },
  });
  for (const { id, email: address, ...saved } of people) {
    ids.set(address, id);
    original.set(address, saved);
  }
  expect(ids.size).toBe(group.length);
  const team = await prisma.team.create({
    data: {
      name: "Reminders test",
      slug: "reminders-test",
      managers: { create: { userId: ids.get(manager)! } },
    },
  });
  teamId = team.id;
  // Joined long before the assignments below, so the due date counts from the assignment.
  await prisma.user.updateMany({
    where: { email: { in: members } },
    data: { teamId, createdAt: new Date("2026-01-01T00:00:00Z") },
  });
  // English unless a test says otherwise (some demo people speak Danish, say).
  await prisma.user.updateMany({ where: { email: { in: group } }, data: { locale: "en" } });
});

afterEach(async () => {
  await prisma.assignment.deleteMany({ where: { id: { in: assignmentIds.splice(0) } } });
  await prisma.reminderOutbox.deleteMany({ where: { userId: { in: [...ids.values()] } } });
  await prisma.moduleCompletion.deleteMany({
    where: { userId: { in: [...ids.values()] }, moduleSlug: slug },
  });
  for (const [address, was] of original) {
    await prisma.user.update({
      where: { email: address },
      data: { timeZone: was.timeZone, active: was.active, locale: "en" },
    });
  }
});

afterAll(async () => {
  for (const [address, was] of original) {
    await prisma.user.update({
      where: { email: address },
      data: { createdAt: was.createdAt, teamId: was.teamId, locale: was.locale },
    });
  }
  await prisma.team.delete({ where: { id: teamId } });
});

/** Canary module for the team's employees, due `dueDays` after the assignment's local date. */
async function assign(createdAt: string, dueDays = 7) {
  const row = await prisma.assignment.create({
    data: {
      moduleSlug: slug,
      roles: JSON.stringify(["employee"]),
      teamIds: JSON.stringify([teamId]),
      dueDays,
      createdAt: new Date(createdAt),
    },
  });
  assignmentIds.push(row.id);
}

async function complete(address: string) {
  await prisma.moduleCompletion.create({
    data: {
      userId: ids.get(address)!,
      moduleSlug: slug,
      moduleVersion: "2.3",
      contentHash: "test",
      certificateCode: `reminders-test-${address}`,
    },
  });
}

const setTimeZone = (address: string, timeZone: string) =>
  prisma.user.update({ where: { email: address }, data: { timeZone } });

const setLocale = (address: string, locale: string) =>
  prisma.user.update({ where: { email: address }, data: { locale } });

const at = (iso: string) => new Date(iso);

describe("a reminder pass", () => {
  it("sends the due-soon reminder once, to the active people who have not finished", async () => {
    await assign("2026-03-10T10:00:00Z"); // due Tuesday 17 March; due-soon on 14 March, 09:00 CET
    await complete(sofia);
    await prisma.user.update({ where: { email: daniel }, data: { active: false } });
    const clock = { now: at("2026-03-14T07:59:00Z") };
    const { mailer, sent } = recordingMailer(clock);

    await runReminderPass({ now: clock.now, mailer });
    expect(ours(sent)).toEqual([]); // 08:59 local: not yet

    clock.now = at("2026-03-14T08:00:00Z");
    await runReminderPass({ now: clock.now, mailer });
    expect(recipients(sent)).toEqual([hana, marek, piotr].sort());
    const message = sent.find((m) => m.to === piotr)!;
    expect(message.subject).toBe('Reminder: "Canary module" is due on Tuesday 17 March 2026');
    expect(message.text).toContain("Hello Piotr,");
    expect(message.text).toContain("\nhttp://localhost:3000/training/canary-module\n");

    const again = await runReminderPass({ now: clock.now, mailer });
    expect(again).toEqual({ queued: 0, sent: 0, failed: 0 });
    expect(ours(sent)).toHaveLength(3);
    const rows = await prisma.reminderOutbox.findMany({
      where: { userId: { in: [...ids.values()] } },
      select: { kind: true, slot: true, claimedAt: true, sentAt: true, error: true },
    });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toEqual({
        kind: "due-soon",
        slot: "2026-03-14",
        claimedAt: clock.now,
        sentAt: clock.now,
        error: null,
      });
    }
  });

  it("sends nothing more to someone who has completed the module", async () => {
    await assign("2026-03-10T10:00:00Z"); // due 17 March; overdue reminder on 18 March
    const clock = { now: at("2026-03-14T08:00:00Z") };
    const { mailer, sent } = recordingMailer(clock);
    await runReminderPass({ now: clock.now, mailer });
    expect(recipients(sent)).toEqual([hana, daniel, marek, piotr, sofia].sort());

    await complete(piotr);
    sent.length = 0;
    clock.now = at("2026-03-18T08:00:00Z");
    await runReminderPass({ now: clock.now, mailer });
    const toLearners = ours(sent).filter((m) => m.to !== manager);
    expect(toLearners.map((m) => m.to).sort()).toEqual([hana, daniel, marek, sofia].sort());
    expect(toLearners[0]!.subject).toBe(
      'Overdue: "Canary module" was due on Tuesday 17 March 2026',
    );
    // Piotr is in nobody's digest either.
    expect(sent.find((m) => m.to === manager)!.text).not.toContain("Piotr Nowak");
  });

  it("sends each message once when two passes run at the same time", async () => {
    await assign("2026-03-10T10:00:00Z");
    const clock = { now: at("2026-03-18T09:00:00Z") }; // overdue reminders and a digest are due
    const { mailer, sent } = recordingMailer(clock);
    const results = await Promise.all([
      runReminderPass({ now: clock.now, mailer }),
      runReminderPass({ now: clock.now, mailer }),
      runReminderPass({ now: clock.now, mailer }),
    ]);
    const mine = ours(sent);
    expect(mine).toHaveLength(members.length + 1);
    expect(new Set(mine.map((m) => `${m.to} ${m.subject}`)).size).toBe(mine.length);
    const total = (key: "queued" | "sent") => results.reduce((sum, r) => sum + r[key], 0);
    expect(total("queued")).toBe(sent.length);
    expect(total("sent")).toBe(sent.length);
    expect(
      await prisma.reminderOutbox.count({ where: { userId: { in: [...ids.values()] } } }),
    ).toBe(members.length + 1);
  });

  it("keeps the error of a failed send and does not send that row again", async () => {
    await assign("2026-03-10T10:00:00Z");
    const clock = { now: at("2026-03-14T08:00:00Z") };
    const failing = recordingMailer(clock, [hana]);
    const first = await runReminderPass({ now: clock.now, mailer: failing.mailer });
    expect(first.failed).toBe(1);
    expect(recipients(failing.sent)).toEqual([sofia, daniel, marek, piotr].sort());
    const row = await prisma.reminderOutbox.findFirstOrThrow({
      where: { user: { email: hana } },
      select: { claimedAt: true, sentAt: true, error: true },
    });
    expect(row).toEqual({ claimedAt: clock.now, sentAt: null, error: "550 mailbox unavailable" });

    clock.now = at("2026-03-15T08:00:00Z");
    const working = recordingMailer(clock);
    const later = await runReminderPass({ now: clock.now, mailer: working.mailer });
    expect(later).toEqual({ queued: 0, sent: 0, failed: 0 });
    expect(working.sent).toEqual([]);
  });
});

describe("the schedule across days, time zones and daylight-saving changes", () => {
  /** Passes every hour on the hour from `from` to `to`; returns what was sent and when. */
  async function hourly(from: string, to: string) {
    const clock = { now: at(from) };
    const { mailer, sent } = recordingMailer(clock);
    for (; clock.now <= at(to); clock.now = new Date(clock.now.getTime() + 3_600_000)) {
      await runReminderPass({ now: clock.now, mailer });
    }
    return ours(sent);
  }

  const kindOf = (subject: string) =>
    subject.startsWith("Reminder:")
      ? "due-soon"
      : subject.startsWith("Overdue:")
        ? "overdue"
        : subject.startsWith("Still overdue:")
          ? "overdue-weekly"
          : "digest";

  /** What one person should receive for a module due on `due`, each at 09:00 their time. */
  const expected = (to: string, due: string, timeZone: string, weeks: number) => [
    { to, kind: "due-soon", at: zonedInstant(addDays(due, -3), "09:00", timeZone) },
    { to, kind: "overdue", at: zonedInstant(addDays(due, 1), "09:00", timeZone) },
    ...Array.from({ length: weeks }, (_, i) => ({
      to,
      kind: "overdue-weekly",
      at: zonedInstant(addDays(due, 1 + 7 * (i + 1)), "09:00", timeZone),
    })),
  ];
  const byTimeThenTo = (a: { at: Date; to: string }, b: { at: Date; to: string }) =>
    a.at.getTime() - b.at.getTime() || a.to.localeCompare(b.to);
  /** Who got which reminder when, in a stable order (one pass sends in no particular order). */
  const timeline = (sent: Sent[]) =>
    sent
      .filter((m) => m.to !== manager)
      .map((m) => ({ to: m.to, kind: kindOf(m.subject), at: m.at }))
      .sort(byTimeThenTo);

  it("sends each reminder once, at 09:00 local, across the March change", async () => {
    // Clocks go forward in Ljubljana on Sunday 29 March 2026 (New York moved on 8 March).
    await assign("2026-03-24T10:00:00Z"); // due Tuesday 31 March in all three zones
    await setTimeZone(hana, "America/New_York");
    await setTimeZone(marek, "Asia/Tokyo");
    await complete(sofia);

    const sent = await hourly("2026-03-26T00:00:00Z", "2026-04-09T23:00:00Z");

    const learners = timeline(sent);
    expect(learners).toEqual(
      [
        ...expected(piotr, "2026-03-31", "Europe/Ljubljana", 1),
        ...expected(daniel, "2026-03-31", "Europe/Ljubljana", 1),
        ...expected(hana, "2026-03-31", "America/New_York", 1),
        ...expected(marek, "2026-03-31", "Asia/Tokyo", 1),
      ].sort(byTimeThenTo),
    );
    // Before the change 09:00 in Ljubljana is 08:00 UTC, after it 07:00 UTC: both were hit.
    expect(learners.find((m) => m.to === piotr)!.at.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(learners.filter((m) => m.to === piotr)[1]!.at.toISOString()).toBe(
      "2026-04-01T07:00:00.000Z",
    );
  });

  it("sends each reminder once, at 09:00 local, across the October change", async () => {
    // Clocks go back in Ljubljana on Sunday 25 October 2026: 02:00–03:00 happens twice.
    await assign("2026-10-20T10:00:00Z"); // due Tuesday 27 October
    await complete(sofia);
    const sent = await hourly("2026-10-22T00:00:00Z", "2026-10-29T23:00:00Z");
    const learners = timeline(sent);
    expect(learners).toEqual(
      [piotr, hana, marek, daniel]
        .flatMap((to) => expected(to, "2026-10-27", "Europe/Ljubljana", 0))
        .sort(byTimeThenTo),
    );
  });

  it("sends the manager one digest a week listing the team's overdue people", async () => {
    await assign("2026-03-02T10:00:00Z"); // due Monday 9 March; overdue from 10 March
    await complete(sofia);
    await prisma.user.update({ where: { email: daniel }, data: { active: false } });

    // Tuesday 10 March to Tuesday 17 March: ISO weeks 11 and 12.
    const sent = await hourly("2026-03-10T00:00:00Z", "2026-03-17T23:00:00Z");
    const digests = sent.filter((m) => m.to === manager);
    expect(digests.map((m) => m.at.toISOString())).toEqual([
      "2026-03-10T08:00:00.000Z", // Tuesday 09:00: the first morning anyone is overdue
      "2026-03-16T08:00:00.000Z", // Monday 09:00 of the next week
    ]);
    expect(digests[0]!.subject).toBe("Weekly digest: 3 overdue training items in your team");
    const lines = digests[0]!.text.split("\n").filter((l) => l.startsWith("- "));
    expect(lines).toEqual([
      '- Hana Kobayashi: "Canary module", due Monday 9 March 2026',
      '- Marek Král: "Canary module", due Monday 9 March 2026',
      '- Piotr Nowak: "Canary module", due Monday 9 March 2026',
    ]);
    // Nobody else's manager hears about this team.
    expect(await prisma.reminderOutbox.count({ where: { kind: "digest" } })).toBe(2);
  });
});

describe("messages in the recipient's language", () => {
  it("writes each reminder in its recipient's language, with the date in that language", async () => {
    await assign("2026-03-10T10:00:00Z"); // due Tuesday 17 March; due-soon on 14 March
    await setLocale(piotr, "sl");
    await setLocale(hana, "sk");
    await setLocale(marek, "lt");
    await setLocale(sofia, "da");
    const clock = { now: at("2026-03-14T08:00:00Z") };
    const { mailer, sent } = recordingMailer(clock);
    await runReminderPass({ now: clock.now, mailer });
    const to = (address: string) => sent.find((m) => m.to === address)!;

    expect(to(piotr).subject).toBe("Opomnik: rok za „Canary module“ je torek, 17. marec 2026");
    expect(to(piotr).text.split("\n")).toEqual([
      "Pozdravljeni, Piotr!",
      "",
      "Kratek opomnik: rok za modul usposabljanja „Canary module“ je torek, 17. marec 2026.",
      "Vzame približno 5 minut, nadaljujete pa lahko tam, kjer ste končali:",
      "http://localhost:3000/training/canary-module",
      "",
      "Hvala in lep pozdrav,",
      "Frontline",
    ]);
    expect(to(hana).subject).toBe("Pripomienka: „Canary module“ – termín utorok 17. marca 2026");
    expect(to(hana).text).toContain("Dobrý deň, Hana,");
    expect(to(marek).subject).toBe(
      "Priminimas: „Canary module“ – terminas 2026 m. kovo 17 d., antradienis",
    );
    expect(to(sofia).subject).toBe(
      "Påmindelse: »Canary module« skal være gennemført tirsdag den 17. marts 2026",
    );
    expect(to(sofia).text).toContain("Det tager omkring 5 minutter");
    // Daniel's language is English: his reminder reads as it always has.
    expect(to(daniel).subject).toBe('Reminder: "Canary module" is due on Tuesday 17 March 2026');
  });

  it("writes the weekly digest in the manager's language, whatever the team speaks", async () => {
    await assign("2026-03-02T10:00:00Z"); // due Monday 9 March; overdue from 10 March
    await complete(sofia);
    await complete(daniel);
    await setLocale(manager, "sl");
    await setLocale(piotr, "lt");
    const clock = { now: at("2026-03-10T08:00:00Z") };
    const { mailer, sent } = recordingMailer(clock);
    await runReminderPass({ now: clock.now, mailer });
    const digest = sent.find((m) => m.to === manager)!;
    expect(digest.subject).toBe(
      "Tedenski povzetek: 3 zamujene obveznosti usposabljanja v vaši ekipi",
    );
    expect(digest.text.split("\n")).toEqual([
      "Pozdravljeni, Sam!",
      "",
      "V vaši ekipi so 3 zamujene obveznosti usposabljanja:",
      "",
      "- Hana Kobayashi: „Canary module“, rok: ponedeljek, 9. marec 2026",
      "- Marek Král: „Canary module“, rok: ponedeljek, 9. marec 2026",
      "- Piotr Nowak: „Canary module“, rok: ponedeljek, 9. marec 2026",
      "",
      "Vsak posameznik prejema tudi svoje opomnike. Preverite, kako napreduje vsa ekipa:",
      "http://localhost:3000/team",
      "",
      "Frontline",
    ]);
    // Piotr's own reminder is in his language, not his manager's.
    expect(sent.find((m) => m.to === piotr)!.subject).toMatch(/^Vėluojama: „Canary module“/);
  });
});

describe("the hourly schedule", () => {
  it("runs a pass at once and then on each tick, never two at once, until stopped", async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const slowPass = async () => {
      passes += 1;
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
      // A failing pass is logged and the schedule goes on.
      if (passes === 1) throw new Error("database unavailable");
      return { queued: 0, sent: 0, failed: 0 };
    };
    const { mailer } = recordingMailer({ now: new Date() });
    const stop = startReminderSchedule(mailer, 5, slowPass);
    expect(passes).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await stop();
    const after = passes;
    expect(after).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(passes).toBe(after);
  });
});

describe("mailers", () => {
  it("refuses an SMTP_URL that is not smtp:// or smtps://", () => {
    expect(() => mailerFromEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => mailerFromEnv({ SMTP_URL: "smtp://user:secret@mail.example.com" })).not.toThrow();
  });

  it("hands a message to an SMTP server", async () => {
    // A minimal SMTP server: enough of the protocol for one plain message.
    const received: string[] = [];
    const server = createServer((socket) => {
      let data = false;
      let buffer = "";
      socket.write("220 test ready\r\n");
      socket.on("data", (chunk) => {
        buffer += chunk.toString();
        let end: number;
        while ((end = data ? buffer.indexOf("\r\n.\r\n") : buffer.indexOf("\r\n")) >= 0) {
          if (data) {
            received.push(buffer.slice(0, end));
            buffer = buffer.slice(end + 5);
            data = false;
            socket.write("250 queued\r\n");
            continue;
          }
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
          else if (verb === "DATA") {
            data = true;
            socket.write("354 go ahead\r\n");
          } else if (verb === "QUIT") socket.end("221 bye\r\n");
          else socket.write("250 ok\r\n");
        }
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const mailer = smtpMailer(
        `smtp://127.0.0.1:${port}`,
        "Frontline <no-reply@frontline.invalid>",
      );
      await mailer.send({ to: piotr, subject: "Hello", text: "Plain text body" });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain(`To: ${piotr}`);
      expect(received[0]).toContain("Subject: Hello");
      expect(received[0]).toContain("Plain text body");
    } finally {
      server.close();
    }
  });
});
