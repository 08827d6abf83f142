import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** Remix's future flags; the bench's bare app (bench/bare/vite.config.ts) is built with the same. */
export const remixFuture = {
  v3_fetcherPersist: true,
  v3_relativeSplatPath: true,
  v3_throwAbortReason: true,
  v3_singleFetch: true,
  v3_lazyRouteDiscovery: true,
  v3_routeConfig: true,
};

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  server: { port: 3000 },
  build: { target: "es2022" },
  optimizeDeps: {
    // Pre-bundled up front, or the first dev load re-optimises and breaks hooks.
    include: ["@conform-to/react", "@conform-to/zod/v4", "zod", "recharts"],
    // Server-only packages the scanner finds through *.server.ts imports: never for the browser.
    exclude: [
      "@node-rs/argon2",
      "@prisma/client",
      "@prisma/adapter-better-sqlite3",
      "@prisma/adapter-pg",
      "@remix-run/node",
      "@oslojs/crypto",
      "@oslojs/encoding",
      "better-sqlite3",
      "pg",
    ],
  },
  plugins: [
    tailwindcss(),
    remix({
      ignoredRouteFiles: ["**/*"],
      future: remixFuture,
    }),
  ],
});
