// `npm run reminders`: one reminder pass against DATABASE_URL (default file:./data/frontline.db),
// for cron. It queues what is due, sends what is queued, prints the counts, and exits 1 when a
// message failed or the pass could not run. Safe to run as often as you like: nothing is sent
// twice (see docs/reminders.md).
import { migrate } from "../app/db/migrate.server";

process.env.DATABASE_URL ||= "file:./data/frontline.db";
const url = process.env.DATABASE_URL;

try {
  // The schema first, so a cron job that runs before the server after a deploy still works.
  await migrate(url);
  // Imported only now: these open the app's database client, which should find the schema ready.
  // In production the course comes from build/content/modules.json, elsewhere from content/.
  const { runReminderPass } = await import("../app/training/rollout/reminders.server");
  const { mailerFromEnv } = await import("../app/mail/mailer.server");
  const { prisma } = await import("../app/db.server");
  const { syncModuleVersions } = await import("../app/content/sync.server");
  const { listModuleArtefacts } = await import("../app/content/store.server");
  try {
    // Record new module versions too, so re-training due dates are right even before a restart.
    await syncModuleVersions(prisma, await listModuleArtefacts());
    const counts = await runReminderPass({ mailer: mailerFromEnv() });
    console.log(`reminders: queued ${counts.queued}, sent ${counts.sent}, failed ${counts.failed}`);
    if (counts.failed > 0) {
      console.error("some messages failed: see the error column of ReminderOutbox");
      process.exitCode = 1;
    }
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
