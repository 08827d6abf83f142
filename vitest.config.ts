import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// Separate from vite.config.ts so the Remix plugin does not run under tests.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/h5p/**/*.test.ts",
    ],
    exclude: [...configDefaults.exclude, "tests/integration/postgres/**"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/setup-each.ts"],
    environment: "node",
    restoreMocks: true,
    pool: "forks",
  },
});
