import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// `npm run test:pg` (scripts/test-postgres.ts) starts a throwaway PostgreSQL server, passes
// TEST_DATABASE_URL (an empty database, for the migration checks in tests/integration/postgres)
// and runs the whole integration suite against it: the global setup migrates and seeds a template
// database, and each worker gets its own database created from it.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    // Uses no database (Prisma's engine diffs against servers of its own): `test:unit` covers it.
    exclude: [...configDefaults.exclude, "tests/integration/schema-agreement.test.ts"],
    globalSetup: ["tests/setup/postgres-global-setup.ts"],
    setupFiles: ["tests/setup/setup-each.ts"],
    environment: "node",
    restoreMocks: true,
    pool: "forks",
    // The server shares the machine's cores with the workers.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
