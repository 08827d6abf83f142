import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { remixFuture } from "../../vite.config";

// The bare Remix app the bench measures Frontline against (bench/bare/README.md): the same Vite,
// Remix plugin and future flags as the app's vite.config.ts, nothing else (no Tailwind, no
// aliases). Built by the bench, or by `npm run bench:build-bare`, into bench/.work/bare/build.
//
// Vite's root is the repository, so the Remix plugin reads Frontline's package.json (it looks
// there for the server runtime and isbot before using its default entry files) and packages
// resolve from the repository's node_modules; everything of its own stays under bench/.

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  publicDir: false,
  cacheDir: "bench/.work/bare/vite-cache",
  build: { target: "es2022" },
  logLevel: "warn",
  plugins: [
    remix({
      appDirectory: "bench/bare/app",
      buildDirectory: "bench/.work/bare/build",
      future: remixFuture,
    }),
  ],
});
