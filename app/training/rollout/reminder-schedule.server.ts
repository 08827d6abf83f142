import type { Mailer } from "~/mail/mailer.server";
import { log } from "~/utils/log.server";
import type { PassCounts } from "./reminders.server";
import { runReminderPass } from "./reminders.server";

// The in-process alternative to cron (REMINDERS_SCHEDULE=hourly): a pass at start, then one an
// hour. Slots fall on the hour in local time, so hourly passes send each reminder within the hour
// it is due; the outbox makes any extra pass harmless.

/**
 * Run a reminder pass now and then every `intervalMs`. A tick that finds the previous pass still
 * running is skipped, so passes never overlap. Returns a stop function that cancels further passes
 * and resolves once a pass in progress has finished.
 */
export function startReminderSchedule(
  mailer: Mailer,
  intervalMs = 3_600_000,
  // Replaceable so a test can watch the timing without a database.
  pass: (mailer: Mailer) => Promise<PassCounts> = (m) => runReminderPass({ mailer: m }),
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    if (stopped || running) return;
    running = pass(mailer)
      .then(
        (counts) => log.info("reminders.pass", counts),
        // A failed pass (database down, say) must not stop the schedule: the next one retries.
        (error: unknown) =>
          log.error("reminders.pass_failed", {
            error: error instanceof Error ? error.message : String(error),
          }),
      )
      .finally(() => {
        running = null;
      });
  };

  tick();
  const timer = setInterval(tick, intervalMs);
  // The schedule alone must not keep the process alive (a stopping server exits).
  timer.unref();

  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
