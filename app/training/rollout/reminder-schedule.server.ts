import type { Mailer } from "~/mail/mailer.server";
import { log } from "~/utils/log.server";
import { runPeriodically } from "~/utils/periodic.server";
import type { PassCounts } from "./reminders.server";
import { runReminderPass } from "./reminders.server";

// The in-process alternative to cron (REMINDERS_SCHEDULE=hourly): a pass at start, then one an
// hour. Slots fall on the hour in local time, so hourly passes send each reminder within the hour
// it is due; the outbox makes any extra pass harmless.

/**
 * Run a reminder pass now and then every `intervalMs` (app/utils/periodic.server.ts: passes never
 * overlap, a failed one is logged and retried by the next). Returns a stop function that cancels
 * further passes and resolves once a pass in progress has finished.
 */
export function startReminderSchedule(
  mailer: Mailer,
  intervalMs = 3_600_000,
  // Replaceable so a test can watch the timing without a database.
  pass: (mailer: Mailer) => Promise<PassCounts> = (m) => runReminderPass({ mailer: m }),
): () => Promise<void> {
  return runPeriodically(
    intervalMs,
    async () => log.info("reminders.pass", await pass(mailer)),
    "reminders.pass_failed",
  );
}
