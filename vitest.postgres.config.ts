import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// PostgreSQL integration tests, run by `npm run test:pg` (scripts/test-postgres.ts), which starts
// a throwaway server and passes TEST_DATABASE_URL. No SQLite global setup here.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["tests/integration/postgres/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // The files share one database.
    fileParallelism: false,
    testTimeout: 30_000,
  },
});
