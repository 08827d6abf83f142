import { build } from "esbuild";

// Bundles server/index.ts (and the app modules it imports) into build/server.js; packages stay
// external and load from node_modules. The Remix app itself is built by `remix vite:build`.
await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  alias: { "~": "./app" },
  sourcemap: true,
  logLevel: "warning",
});
console.log("built build/server.js");
