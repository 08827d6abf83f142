/**
 * At most `slots` tasks run at once; the rest wait their turn in arrival order. Used to keep
 * CPU-heavy work (password hashing) from taking every core while other requests wait.
 */
export function semaphore(slots: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running < slots) running++;
    // A released slot passes straight to the next waiter, so `running` stays counted.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  }
  return {
    run,
    /** Tasks waiting for a slot. */
    get waiting() {
      return waiting.length;
    },
    /** Nothing running and nothing waiting. */
    get idle() {
      return running === 0 && waiting.length === 0;
    },
  };
}
