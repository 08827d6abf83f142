import type { Db } from "~/db.server";
import { log } from "~/utils/log.server";

export type Health =
  { ok: true; database: "up"; latencyMs: number } | { ok: false; database: "down" };

const timeoutMs = 2000;

/** One round trip to the database, bounded in time so a hung server still gets an answer. */
export async function checkDatabase(db: Db): Promise<Health> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, database: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    log.error("health.database_down", {
      error: error instanceof Error ? error.message : String(error),
    });
    return { ok: false, database: "down" };
  } finally {
    clearTimeout(timer);
  }
}
