// `npm run db:new -- <name>`: after editing prisma/schema.prisma, regenerate
// prisma/postgres/schema.prisma and write the next migration for both dialects, offline.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  derivePostgresSchema,
  diffMigrationsToSchema,
  layout,
  migrationLock,
  readProjectFile,
  root,
  type Dialect,
} from "./lib/prisma-diff";

const dialects: Dialect[] = ["sqlite", "postgresql"];

// Prisma's own naming: UTC timestamp, then the name with anything but letters, digits and _
// replaced by _.
function migrationName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}_${name.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 200);
}

function existing(dialect: Dialect): string[] {
  const dir = path.join(root, layout[dialect].migrations);
  return existsSync(dir) ? readdirSync(dir).filter((n) => /^\d{14}_/.test(n)) : [];
}

const name = process.argv.slice(2).join("_").trim();
if (!name) {
  console.error("usage: npm run db:new -- <name>   (e.g. npm run db:new -- add_policy_table)");
  process.exit(1);
}

const source = readProjectFile(layout.sqlite.schema);
const schemas: Record<Dialect, string> = {
  sqlite: source,
  postgresql: derivePostgresSchema(source),
};

const scripts: Partial<Record<Dialect, string>> = {};
for (const dialect of dialects) {
  console.log(`diffing ${layout[dialect].migrations} → ${layout[dialect].schema} …`);
  const sql = await diffMigrationsToSchema(dialect, schemas[dialect]);
  if (sql) scripts[dialect] = sql;
}

// The derived schema is kept in step even when no SQL changes (a comment, say).
if (readProjectFile(layout.postgresql.schema) !== schemas.postgresql) {
  writeFileSync(path.join(root, layout.postgresql.schema), schemas.postgresql);
  console.log(`regenerated ${layout.postgresql.schema}`);
}

if (!scripts.sqlite && !scripts.postgresql) {
  console.log("no changes: the migrations already match the schema");
  process.exit(0);
}

const folder = migrationName(name);
const latest = dialects.flatMap(existing).sort().at(-1);
if (latest && latest >= folder) {
  console.error(`${folder} would not sort after the existing migration ${latest}; check the clock`);
  process.exit(1);
}

for (const dialect of dialects) {
  const dir = path.join(root, layout[dialect].migrations);
  mkdirSync(path.join(dir, folder), { recursive: true });
  const lock = path.join(dir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, migrationLock(dialect));
  // What Prisma writes for a migration with nothing to do, so both folders keep the same names.
  writeFileSync(
    path.join(dir, folder, "migration.sql"),
    scripts[dialect] ?? "-- This is an empty migration.",
  );
  console.log(`wrote ${layout[dialect].migrations}/${folder}/migration.sql`);
}
console.log("next: npm run db:generate && npm run db:migrate");
