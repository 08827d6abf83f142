import { describe, expect, it } from "vitest";
import { seededShuffle } from "./shuffle";

const options = ["a", "b", "c", "d", "e"];

describe("seeded shuffle", () => {
  it("gives the same order for the same attempt, every time", () => {
    expect(seededShuffle(options, "user-1:quiz:1")).toEqual(
      seededShuffle(options, "user-1:quiz:1"),
    );
  });

  it("keeps every option exactly once", () => {
    expect([...seededShuffle(options, "x")].sort()).toEqual(options);
  });

  it("gives other attempts other orders", () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, n) => seededShuffle(options, `user-1:quiz:${n}`).join("")),
    );
    expect(orders.size).toBeGreaterThan(10);
  });
});
