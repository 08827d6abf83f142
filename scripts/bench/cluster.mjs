// `node cluster.mjs <workers>` in the bench server folder: the production server in several
// processes sharing one port through Node's cluster module, for the scale-out figure. Workers
// start one after another so only the first one migrates the database.
import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";

if (cluster.isPrimary) {
  const workers = Number(process.argv[2] ?? 2);
  let started = 0;
  const next = () => {
    if (started++ < workers) cluster.fork().once("listening", next);
  };
  next();
  cluster.on("exit", (worker, code) => {
    if (code !== 0) process.exit(code ?? 1);
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
} else {
  await import(pathToFileURL(path.resolve("build/server.js")).href);
}
