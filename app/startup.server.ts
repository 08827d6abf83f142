import { syncModuleVersions } from "~/content/sync.server";
import { listModuleArtefacts } from "~/content/store.server";
import { prisma } from "~/db.server";
import { env, isProduction } from "~/env.server";
import { log } from "~/utils/log.server";
import { seedDemoObservations } from "~/demo/seed-observations.server";
import { seedDemoSelfAssessments } from "~/demo/seed-self-assessments.server";
import { seedDemoProgress, seedDemoSignIns } from "~/demo/seed-progress.server";
import { seedDemoOrganisation } from "~/demo/seed-organisation.server";
import { migrate } from "~/db/migrate.server";
import { fillSearchKeys } from "~/admin/people-list.server";

/** Demo data is for trying Frontline: in production only when asked for with DEMO_SEED=true. */
export function demoSeedWanted(): boolean {
  const asked = env().DEMO_SEED;
  return asked ?? !isProduction();
}

/** Bring the database up to date (schema, demo data, module versions) before serving. */
export async function prepareDatabase(): Promise<void> {
  const url = env().DATABASE_URL;
  const { applied } = await migrate(url, { log: (line) => log.info("db.migrate", { line }) });
  log.info("db.ready", { applied: applied.length, postgres: url.startsWith("postgres") });
  await fillSearchKeys();
  const outcome = demoSeedWanted() ? await seedDemoOrganisation(prisma) : null;
  if (outcome) log.info("db.demo_seed", { outcome });
  const artefacts = await listModuleArtefacts();
  await syncModuleVersions(prisma, artefacts);
  // The demo's assignments and progress need the course and its versions: seeded after both.
  if (outcome === "seeded") {
    await seedDemoProgress(artefacts);
    await seedDemoSelfAssessments();
    await seedDemoObservations();
    await seedDemoSignIns();
  }
}
