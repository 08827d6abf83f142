import type { Request, Response } from "express";
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isSignInPath, signInTurns } from "../../server/sign-in-turns";

// Sign-in attempts from one address go one at a time; other addresses are not held up, a slow
// client cannot hold its address's turn for long, and a refused address is answered at once.
type FakeResponse = EventEmitter & { statusCode?: number };
const request = (ip: string) => ({ ip }) as unknown as Request;
const response = () => {
  const res = new EventEmitter() as FakeResponse;
  const chain = Object.assign(res, {
    status: (code: number) => ((res.statusCode = code), chain),
    set: () => chain,
    type: () => chain,
    send: () => chain,
  });
  return chain as unknown as Response & FakeResponse;
};
const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in turns", () => {
  it("let one attempt per address through at a time, in order, and other addresses at once", async () => {
    const turns = signInTurns({ refused: () => false });
    const first = response();
    const second = response();
    const order: string[] = [];
    turns(request("198.51.100.1"), first, () => order.push("first"));
    turns(request("198.51.100.1"), second, () => order.push("second"));
    turns(request("198.51.100.2"), response(), () => order.push("elsewhere"));
    await flush();
    expect(order).toEqual(["first", "elsewhere"]);
    first.emit("close");
    await flush();
    expect(order).toEqual(["first", "elsewhere", "second"]);
  });

  it("end a turn after two seconds even if the answer has not gone", async () => {
    vi.useFakeTimers();
    const turns = signInTurns({ refused: () => false });
    const order: string[] = [];
    turns(request("198.51.100.3"), response(), () => order.push("slow"));
    turns(request("198.51.100.3"), response(), () => order.push("next"));
    await vi.advanceTimersByTimeAsync(1999);
    expect(order).toEqual(["slow"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(["slow", "next"]);
  });

  it("check a waiting attempt again when its turn comes, and refuse a queue too long", async () => {
    let refusedNow = false;
    const turns = signInTurns({ refused: () => refusedNow, maxWaiting: 1 });
    const first = response();
    const passed: string[] = [];
    turns(request("198.51.100.4"), first, () => passed.push("first"));
    turns(request("198.51.100.4"), response(), () => passed.push("queued"));
    const overflow = response();
    turns(request("198.51.100.4"), overflow, () => passed.push("overflow"));
    expect(overflow.statusCode).toBe(503);
    refusedNow = true;
    first.emit("close");
    await flush();
    expect(passed).toEqual(["first"]);
  });
});

describe("the sign-in path", () => {
  it.each([
    "/login",
    "/login.data",
    "/%6cogin",
    "/%6C%6F%67%69%6E",
    "/LOGIN",
    "/Login/",
    "/login//",
  ])("%s is the sign-in form's (the router reaches the login route with it)", (path) =>
    expect(isSignInPath(path)).toBe(true),
  );

  it.each(["/logins", "/log%20in", "/%E0%A4%A", "/me/login", "/"])("%s is not", (path) =>
    expect(isSignInPath(path)).toBe(false),
  );
});
