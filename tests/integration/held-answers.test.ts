import type { Response } from "express";
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerAfterPause, heldAnswerCount } from "../../server/held-answers";

// A refused address's sign-in attempts are answered after a pause, so a flood runs at the pace
// of its connections; a client that hangs up frees its place, and past the cap answers go at once.
const fakeResponse = () => new EventEmitter() as unknown as Response;

afterEach(() => {
  vi.useRealTimers();
});

describe("answers held back from a refused address", () => {
  it("go out after a second, not before", () => {
    vi.useFakeTimers();
    const send = vi.fn();
    answerAfterPause(fakeResponse(), send);
    expect(heldAnswerCount()).toBe(1);
    vi.advanceTimersByTime(999);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledOnce();
    expect(heldAnswerCount()).toBe(0);
  });

  it("are dropped when the client hangs up, freeing their place", () => {
    vi.useFakeTimers();
    const send = vi.fn();
    const response = fakeResponse();
    answerAfterPause(response, send);
    response.emit("close");
    expect(heldAnswerCount()).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(send).not.toHaveBeenCalled();
  });

  it("go out at once when a thousand are already held", () => {
    vi.useFakeTimers();
    const held = Array.from({ length: 1000 }, () => vi.fn());
    for (const send of held) answerAfterPause(fakeResponse(), send);
    expect(heldAnswerCount()).toBe(1000);
    const overflow = vi.fn();
    answerAfterPause(fakeResponse(), overflow);
    expect(overflow).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1000);
    for (const send of held) expect(send).toHaveBeenCalledOnce();
    expect(heldAnswerCount()).toBe(0);
  });
});
