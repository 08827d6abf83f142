import { describe, expect, it } from "vitest";
import { semaphore } from "./semaphore";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("semaphore", () => {
  it("runs at most its slots at once, in arrival order, and every task finishes", async () => {
    const { run } = semaphore(2);
    let active = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        run(async () => {
          started.push(i);
          active++;
          most = Math.max(most, active);
          await tick();
          active--;
          return i * 10;
        }),
      ),
    );
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("frees the slot of a task that fails", async () => {
    const slots = semaphore(1);
    const { run } = slots;
    let finish = () => {};
    const first = run(() => new Promise<void>((resolve) => (finish = resolve)));
    const failing = run(() => Promise.reject(new Error("no")));
    expect(slots.waiting).toBe(1);
    finish();
    await first;
    await expect(failing).rejects.toThrow("no");
    expect(slots.waiting).toBe(0);
    expect(await run(async () => "next")).toBe("next");
  });
});
