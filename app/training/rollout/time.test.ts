import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDate, zonedInstant } from "./time";

// localDate remembers zone offsets per quarter hour; it must still agree with Intl everywhere,
// including either side of daylight-saving changes and in zones with half-hour shifts.
const zones = [
  "Europe/Ljubljana",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/St_Johns",
  "UTC",
];
const exactDate = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);

describe("local dates", () => {
  it("agree with Intl for any instant and zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          // Twice: the second answer comes from the remembered offset.
          expect(localDate(new Date(ms), zone)).toBe(exactDate(new Date(ms), zone));
          expect(localDate(new Date(ms), zone)).toBe(exactDate(new Date(ms), zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("agree around midnight on the days clocks change", () => {
    // Ljubljana springs forward on 29 March 2026 at 02:00 and falls back on 25 October.
    for (const day of ["2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25"]) {
      const midnight = zonedInstant(day, "00:00", "Europe/Ljubljana");
      for (const shift of [-1000, 0, 1000, 3_600_000]) {
        const instant = new Date(midnight.getTime() + shift);
        expect(localDate(instant, "Europe/Ljubljana")).toBe(exactDate(instant, "Europe/Ljubljana"));
      }
    }
  });
});
