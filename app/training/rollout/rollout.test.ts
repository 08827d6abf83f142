import { describe, expect, it } from "vitest";
import { byUrgency, dueDate, dueDeadline, moduleStatus } from "./due";
import { currentReminder, reminderSlots } from "./schedule";
import { addDays, isoWeek, localDate, zonedInstant } from "./time";

const tz = "Europe/Ljubljana";

describe("local dates and times", () => {
  it("finds wall-clock instants on both sides of a daylight-saving change", () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026 in Central Europe.
    expect(zonedInstant("2026-03-28", "09:00", tz).toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(zonedInstant("2026-03-30", "09:00", tz).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(zonedInstant("2026-10-26", "09:00", tz).toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect(zonedInstant("2026-05-01", "00:00", "America/New_York").toISOString()).toBe(
      "2026-05-01T04:00:00.000Z",
    );
  });

  it("reads the local date of an instant", () => {
    expect(localDate(new Date("2026-03-01T23:30:00Z"), tz)).toBe("2026-03-02");
    expect(localDate(new Date("2026-03-01T23:30:00Z"), "UTC")).toBe("2026-03-01");
    expect(addDays("2026-02-27", 3)).toBe("2026-03-02");
    expect(isoWeek("2026-11-23")).toBe("2026-W48");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
  });
});

describe("due dates", () => {
  const base = {
    dueDays: 14,
    hiredAt: new Date("2026-02-02T08:00:00Z"),
    reopenedAt: null,
    timeZone: tz,
  };

  it("counts days from the assignment, or from the hire date for new hires", () => {
    const assignedAt = new Date("2026-03-01T10:00:00Z");
    expect(dueDate({ ...base, rule: "after_assignment", assignedAt })).toBe("2026-03-15");
    expect(dueDate({ ...base, rule: "after_hire", assignedAt })).toBe("2026-02-16");
    expect(dueDate({ ...base, rule: "after_hire", hiredAt: null, assignedAt })).toBe("2026-03-15");
  });

  it("counts from the MAJOR bump for people re-training", () => {
    const reopenedAt = new Date("2026-06-10T12:00:00Z");
    expect(
      dueDate({
        ...base,
        rule: "after_assignment",
        assignedAt: new Date("2026-01-01T00:00:00Z"),
        reopenedAt,
      }),
    ).toBe("2026-06-24");
  });

  it("lasts until local midnight at the end of the due date, across a DST change", () => {
    expect(dueDeadline("2026-03-28", tz).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(dueDeadline("2026-03-29", tz).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});

describe("status", () => {
  const input = {
    completedCurrentMajor: false,
    completedOlderMajor: false,
    started: false,
    dueDate: "2026-04-10",
    timeZone: tz,
  };
  const before = new Date("2026-04-10T21:59:00Z");
  const after = new Date("2026-04-10T22:00:00Z");

  it("tells each status apart", () => {
    expect(moduleStatus({ ...input, now: before })).toBe("not-started");
    expect(moduleStatus({ ...input, started: true, now: before })).toBe("in-progress");
    expect(moduleStatus({ ...input, completedOlderMajor: true, started: true, now: before })).toBe(
      "needs-retraining",
    );
    expect(moduleStatus({ ...input, started: true, now: after })).toBe("overdue");
    expect(moduleStatus({ ...input, completedCurrentMajor: true, now: after })).toBe("completed");
  });

  it("orders by urgency", () => {
    const items = [
      { status: "completed" as const, dueDate: "2026-01-01" },
      { status: "not-started" as const, dueDate: "2026-05-01" },
      { status: "in-progress" as const, dueDate: "2026-04-01" },
      { status: "needs-retraining" as const, dueDate: "2026-06-01" },
      { status: "overdue" as const, dueDate: "2026-03-01" },
    ];
    expect([...items].sort(byUrgency).map((i) => i.status)).toEqual([
      "overdue",
      "needs-retraining",
      "in-progress",
      "not-started",
      "completed",
    ]);
  });
});

describe("reminder schedule", () => {
  const due = "2026-04-10";

  it("reminds 3 days before, 1 day after, then weekly, at 09:00 local time", () => {
    const slots = reminderSlots(due, tz, new Date("2026-05-01T12:00:00Z"));
    expect(slots.map((s) => [s.kind, s.slot, s.at.toISOString()])).toEqual([
      ["due-soon", "2026-04-07", "2026-04-07T07:00:00.000Z"],
      ["overdue", "2026-04-11", "2026-04-11T07:00:00.000Z"],
      ["overdue-weekly", "2026-04-18", "2026-04-18T07:00:00.000Z"],
      ["overdue-weekly", "2026-04-25", "2026-04-25T07:00:00.000Z"],
    ]);
  });

  it("sends only the latest slot that has come", () => {
    expect(currentReminder(due, tz, new Date("2026-04-07T06:59:00Z"))).toBeNull();
    expect(currentReminder(due, tz, new Date("2026-04-07T07:00:00Z"))?.kind).toBe("due-soon");
    expect(currentReminder(due, tz, new Date("2026-04-11T07:00:00Z"))?.kind).toBe("overdue");
    expect(currentReminder(due, tz, new Date("2026-04-24T12:00:00Z"))?.slot).toBe("2026-04-18");
  });

  it("is neither shifted nor doubled by a daylight-saving change", () => {
    // Due on 1 April: the due-soon reminder (29 March) falls on the day the clocks go forward.
    const slots = reminderSlots("2026-04-01", tz, new Date("2026-04-20T00:00:00Z"));
    expect(slots.map((s) => [s.slot, s.at.toISOString()])).toEqual([
      ["2026-03-29", "2026-03-29T07:00:00.000Z"], // 09:00 CEST
      ["2026-04-02", "2026-04-02T07:00:00.000Z"],
      ["2026-04-09", "2026-04-09T07:00:00.000Z"],
      ["2026-04-16", "2026-04-16T07:00:00.000Z"],
    ]);
    // Autumn: due 27 October, weekly reminders either side of 25 October keep 09:00 local.
    const autumn = reminderSlots("2026-10-20", tz, new Date("2026-11-05T00:00:00Z"));
    expect(autumn.map((s) => s.at.toISOString())).toEqual([
      "2026-10-17T07:00:00.000Z",
      "2026-10-21T07:00:00.000Z",
      "2026-10-28T08:00:00.000Z",
      "2026-11-04T08:00:00.000Z",
    ]);
    // Checked every 30 minutes through the change, each slot comes up exactly once.
    const seen: string[] = [];
    for (
      let t = Date.parse("2026-03-28T00:00:00Z");
      t < Date.parse("2026-04-20T00:00:00Z");
      t += 30 * 60_000
    ) {
      const slot = currentReminder("2026-04-01", tz, new Date(t));
      if (slot && seen.at(-1) !== slot.slot) seen.push(slot.slot);
    }
    expect(seen).toEqual(["2026-03-29", "2026-04-02", "2026-04-09", "2026-04-16"]);
  });
});
