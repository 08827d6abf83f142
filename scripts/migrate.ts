// `npm run db:migrate`: apply the pending migrations to DATABASE_URL (default file:./data/frontline.db).
import { migrate } from "../app/db/migrate.server";

const url = process.env.DATABASE_URL || "file:./data/frontline.db";
// Only the scheme and host: a PostgreSQL URL may carry a password.
const shown = url.startsWith("file:") ? url : url.replace(/\/\/[^@/]*@/, "//***@");
console.log(`migrating ${shown}`);
try {
  const { applied } = await migrate(url, { log: (line) => console.log(`  ${line}`) });
  console.log(applied.length ? `done: ${applied.join(", ")}` : "done: nothing to apply");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
