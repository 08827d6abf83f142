import { describe, expect, it } from "vitest";
import { checkLoginThrottle } from "~/auth/throttle.server";
import { loginThrottle, throttleKeys } from "~/auth/throttle";
import { throttledClientWait } from "~/auth/throttled-clients";
import { prisma } from "~/db.server";

// An address over the login limit is remembered, so the HTTP server can turn its next attempts
// away without rendering a page; an address under it is not.
describe("addresses refused by the login throttle", () => {
  it("are remembered until their wait is over, and others are not", async () => {
    const flooding = "203.0.113.77";
    const now = new Date();
    await prisma.loginFailure.createMany({
      data: Array.from({ length: loginThrottle.client.limit }, (_, i) => ({
        key: `client:${flooding}`,
        at: new Date(now.getTime() - i * 1000),
      })),
    });
    expect(throttledClientWait(flooding)).toBeNull();

    const decision = await checkLoginThrottle(throttleKeys("someone@example.test", flooding), {
      knownDevice: false,
    });
    expect(decision.allowed).toBe(false);
    const wait = throttledClientWait(flooding)!;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // Once the wait is over, the database decides again.
    expect(throttledClientWait(flooding, Date.now() + (wait + 1) * 1000)).toBeNull();

    const quiet = "203.0.113.78";
    expect(
      (
        await checkLoginThrottle(throttleKeys("someone@example.test", quiet), {
          knownDevice: false,
        })
      ).allowed,
    ).toBe(true);
    expect(throttledClientWait(quiet)).toBeNull();
  });
});
