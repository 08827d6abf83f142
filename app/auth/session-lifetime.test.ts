import { describe, expect, it } from "vitest";
import {
  absoluteExpiry,
  absoluteLifetimeMs,
  checkSessionLifetime,
  initialExpiry,
  slidingLifetimeMs,
  touchIntervalMs,
} from "./session-lifetime";

const day = 24 * 60 * 60 * 1000;
const start = new Date("2026-03-01T08:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);
const fresh = () => ({ createdAt: start, lastSeenAt: start, expiresAt: initialExpiry(start) });

describe("session lifetime", () => {
  it("uses a 30-day sliding window and a 90-day cap", () => {
    expect(slidingLifetimeMs).toBe(30 * day);
    expect(absoluteLifetimeMs).toBe(90 * day);
    expect(initialExpiry(start)).toEqual(later(30 * day));
    expect(absoluteExpiry(start)).toEqual(later(90 * day));
  });

  it("does not write on every request: activity within the hour needs no update", () => {
    expect(checkSessionLifetime(fresh(), later(touchIntervalMs - 1))).toEqual({
      valid: true,
      touch: null,
    });
  });

  it("slides the expiry forward from the last activity", () => {
    const decision = checkSessionLifetime(fresh(), later(10 * day));
    expect(decision).toEqual({
      valid: true,
      touch: { expiresAt: later(40 * day), lastSeenAt: later(10 * day) },
    });
  });

  it("ends a session left idle for 30 days", () => {
    expect(checkSessionLifetime(fresh(), later(30 * day))).toEqual({ valid: false });
    expect(checkSessionLifetime(fresh(), later(30 * day - 1)).valid).toBe(true);
  });

  it("never slides past the absolute cap, even for a user active every day", () => {
    let session = fresh();
    for (let d = 1; d < 90; d++) {
      const decision = checkSessionLifetime(session, later(d * day));
      expect(decision.valid).toBe(true);
      if (decision.valid && decision.touch) session = { ...session, ...decision.touch };
      expect(session.expiresAt.getTime()).toBeLessThanOrEqual(later(90 * day).getTime());
    }
    expect(session.expiresAt).toEqual(later(90 * day));
    expect(checkSessionLifetime(session, later(90 * day))).toEqual({ valid: false });
  });
});
