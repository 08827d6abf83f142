import { beforeAll, describe, expect, it } from "vitest";
import {
  derivePostgresSchema,
  diffMigrationsToSchema,
  ensurePrisma6,
  layout,
  readProjectFile,
} from "../../scripts/lib/prisma-diff";

// The committed migrations must build exactly the schema the Prisma clients are generated from;
// when they do not, `npm run db:new -- <name>` writes the missing migration.
const hint = "the migrations and the schema disagree: run `npm run db:new -- <name>`";

describe("schema agreement", () => {
  // First use installs Prisma 6 into scripts/prisma6 from the npm registry.
  beforeAll(() => ensurePrisma6(), 180_000);

  it("prisma/postgres/schema.prisma is what db:new derives from prisma/schema.prisma", () => {
    expect(readProjectFile(layout.postgresql.schema)).toBe(
      derivePostgresSchema(readProjectFile(layout.sqlite.schema)),
    );
  });

  it("the SQLite migrations build prisma/schema.prisma", async () => {
    const sql = await diffMigrationsToSchema("sqlite", readProjectFile(layout.sqlite.schema));
    expect(sql, hint).toBeNull();
  }, 120_000);

  it("the PostgreSQL migrations build prisma/postgres/schema.prisma", async () => {
    const sql = await diffMigrationsToSchema(
      "postgresql",
      readProjectFile(layout.postgresql.schema),
    );
    expect(sql, hint).toBeNull();
  }, 120_000);
});
