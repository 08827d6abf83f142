import { describe, expect, it } from "vitest";
import {
  accountSlowdownMs,
  decideSlowdown,
  decideThrottle,
  fixedWindow,
  loginThrottle,
  throttleKeys,
  writeThrottle,
} from "./throttle";

const minute = 60 * 1000;
const now = new Date("2026-05-04T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const failures = (count: number, spacing = 10_000) =>
  Array.from({ length: count }, (_, i) => ago(i * spacing));

describe("failed-login throttle", () => {
  const rule = loginThrottle.account;

  it("allows 10 failures on an account in 15 minutes and refuses the 11th attempt", () => {
    expect(rule).toEqual({ limit: 10, windowMs: 15 * minute });
    expect(decideThrottle(failures(9), now, rule)).toEqual({ allowed: true });
    expect(decideThrottle(failures(10), now, rule).allowed).toBe(false);
  });

  it("gives a client address (an office behind one NAT) a higher limit", () => {
    expect(loginThrottle.client).toEqual({ limit: 100, windowMs: 15 * minute });
    expect(decideThrottle(failures(99, 1000), now, loginThrottle.client)).toEqual({
      allowed: true,
    });
    expect(decideThrottle(failures(100, 1000), now, loginThrottle.client).allowed).toBe(false);
  });

  it("says when the next attempt will be allowed", () => {
    // Ten failures, the oldest 90 s ago: it leaves the window in 13.5 minutes.
    const decision = decideThrottle(failures(10), now, rule);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 90 });
  });

  it("forgets failures older than the window", () => {
    const old = Array.from({ length: 20 }, (_, i) => ago(15 * minute + i * 1000));
    expect(decideThrottle([...old, ...failures(9)], now, rule)).toEqual({ allowed: true });
  });

  it("keys by account from an address, by address and by account (case-insensitive)", () => {
    expect(throttleKeys(" Eli@Example.com ", "203.0.113.7")).toEqual({
      pair: "pair:eli@example.com|203.0.113.7",
      client: "client:203.0.113.7",
      account: "account:eli@example.com",
    });
    expect(throttleKeys("eli@example.com", undefined).client).toBeNull();
  });
});

describe("an account guessed from many addresses", () => {
  const rule = loginThrottle.account;

  it("is slowed, not locked: past the limit, one attempt per 30 s after the latest failure", () => {
    expect(accountSlowdownMs).toBe(30_000);
    expect(decideSlowdown(failures(9), now, rule, accountSlowdownMs)).toEqual({ allowed: true });
    // Ten failures, the latest 10 s ago: 20 s to wait, then one more attempt may go.
    const latestTenSecondsAgo = failures(10).map((d) => new Date(d.getTime() - 10_000));
    expect(decideSlowdown(latestTenSecondsAgo, now, rule, accountSlowdownMs)).toEqual({
      allowed: false,
      retryAfterSeconds: 20,
      slowed: true,
    });
    const later = new Date(now.getTime() + 20_000);
    expect(decideSlowdown(latestTenSecondsAgo, later, rule, accountSlowdownMs)).toEqual({
      allowed: true,
    });
  });
});

describe("write limit windows", () => {
  it("allows 120 state-changing requests per user a minute", () => {
    expect(writeThrottle).toEqual({ limit: 120, windowMs: minute });
  });

  it("numbers fixed windows and says how long is left of the current one", () => {
    const start = fixedWindow(new Date("2026-05-04T12:00:00.000Z"), minute);
    expect(start.retryAfterSeconds).toBe(60);
    const late = fixedWindow(new Date("2026-05-04T12:00:59.200Z"), minute);
    expect(late).toEqual({ bucket: start.bucket, retryAfterSeconds: 1 });
    const next = fixedWindow(new Date("2026-05-04T12:01:00.000Z"), minute);
    expect(next.bucket).toBe(start.bucket + 1);
    // Bucket numbers fit the 32-bit integer column for a few thousand years.
    expect(next.bucket).toBeLessThan(2 ** 31);
  });
});
