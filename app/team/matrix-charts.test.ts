import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "~/training/rollout/time";
import type { MatrixItem } from "./matrix-charts";
import { completionByModule, niceTicks, overdueOverTime } from "./matrix-charts";

const item = (over: Partial<MatrixItem>): MatrixItem => ({
  slug: "a",
  title: "A",
  version: "1.0",
  status: "not-started",
  dueDate: "2026-11-30",
  completedOn: null,
  ...over,
});

describe("completionByModule", () => {
  it("counts each status per module, modules without items at zero", () => {
    const rows = completionByModule(
      [
        { slug: "a", title: "A" },
        { slug: "b", title: "B" },
      ],
      [item({ status: "overdue" }), item({ status: "overdue" }), item({ status: "completed" })],
    );
    expect(rows[0]).toMatchObject({ slug: "a", overdue: 2, completed: 1, "not-started": 0 });
    expect(rows[1]).toMatchObject({ slug: "b", overdue: 0, completed: 0 });
  });
});

describe("overdueOverTime", () => {
  it("gives one point a week, today last", () => {
    const points = overdueOverTime([], "2026-11-23");
    expect(points).toHaveLength(12);
    expect(points.at(-1)!.date).toBe("2026-11-23");
    expect(points[0]!.date).toBe("2026-09-07");
  });

  it("counts an item from the day after it was due until it was completed", () => {
    const late = item({ dueDate: "2026-11-01", completedOn: "2026-11-12" });
    const open = item({ dueDate: "2026-11-10" });
    const points = overdueOverTime([late, open], "2026-11-23", 4);
    expect(points).toEqual([
      { date: "2026-11-02", overdue: 1 },
      { date: "2026-11-09", overdue: 1 },
      { date: "2026-11-16", overdue: 1 },
      { date: "2026-11-23", overdue: 1 },
    ]);
    // Due on the 10th: not yet overdue on the 9th, overdue from the 11th.
    expect(overdueOverTime([open], "2026-11-10", 1)[0]!.overdue).toBe(0);
    expect(overdueOverTime([open], "2026-11-11", 1)[0]!.overdue).toBe(1);
  });
});

describe("overdueOverTime against its definition", () => {
  it("counts, at each point, the items due before it and not completed by it", () => {
    const day = fc.integer({ min: -120, max: 30 }).map((n) => addDays("2026-11-23", n));
    const anItem = fc
      .record({ dueDate: day, completedOn: fc.option(day, { nil: null }) })
      .map((over) => item(over));
    fc.assert(
      fc.property(
        fc.array(anItem, { maxLength: 40 }),
        fc.integer({ min: 1, max: 14 }),
        (items, weeks) => {
          const points = overdueOverTime(items, "2026-11-23", weeks);
          for (const { date, overdue } of points) {
            const expected = items.filter(
              (i) => i.dueDate < date && (i.completedOn === null || i.completedOn > date),
            ).length;
            expect(overdue).toBe(expected);
          }
        },
      ),
    );
  });
});

describe("niceTicks", () => {
  it("steps in round whole numbers from 0 past the largest value", () => {
    expect(niceTicks(1000)).toEqual([0, 250, 500, 750, 1000]);
    expect(niceTicks(18)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(9);
        expect(ticks.every(Number.isInteger)).toBe(true);
      }),
    );
  });
});
