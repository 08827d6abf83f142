import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env; the CLI is used here for `prisma generate` only (migrations are applied
// by the app itself, see docs/decisions/003-migration-runner.md).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/frontline.db" },
});
