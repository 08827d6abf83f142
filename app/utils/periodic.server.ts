import { log } from "./log.server";

/**
 * Runs `pass` now and then every `intervalMs`, the in-process alternative to cron. A tick that
 * finds the previous pass still running is skipped, so passes never overlap; a failed pass
 * (database down, say) is logged as `failedEvent` and the next tick tries again. The timer does
 * not keep the process alive. Returns a stop function that cancels further passes and resolves
 * once a pass in progress has finished.
 */
export function runPeriodically(
  intervalMs: number,
  pass: () => Promise<void>,
  failedEvent: string,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = pass()
      .catch((error: unknown) =>
        log.error(failedEvent, { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
