// The bare Remix app's HTTP server, as Frontline's server/index.ts serves the app but with
// nothing of the app's own: Express, compression, the client build's static files and Remix's
// Express adapter. `node bench/bare/server.mjs` after `npm run bench:build-bare`; PORT (3000)
// and HOST (all interfaces) as for Frontline; DATABASE_URL as bench/bare/app/db.server.ts says.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const buildDir =
  process.env.BARE_BUILD_DIR ?? fileURLToPath(new URL("../.work/bare/build", import.meta.url));
const build = await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href);

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(
  "/assets",
  express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }),
);
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT ?? 3000);
const server = process.env.HOST ? app.listen(port, process.env.HOST) : app.listen(port);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
