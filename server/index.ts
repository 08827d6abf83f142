// First: the heap policy holds from start-up on (server/heap-policy.ts).
import "./heap-policy";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { randomBytes } from "node:crypto";
import { checkRequestOrigin } from "~/auth/csrf.server";
import { throttledClientWait } from "~/auth/throttled-clients";
import { prepareDatabase } from "~/startup.server";
import { appOrigins, env, isProduction } from "~/env.server";
import { fixedT } from "~/i18n/i18n.server";
import { mailerFromEnv } from "~/mail/mailer.server";
import { startCompletionRepair } from "~/training/completion-repair.server";
import { startReminderSchedule } from "~/training/rollout/reminder-schedule.server";
import { log } from "~/utils/log.server";
import { retryWhileStorageFull, withStorageFullAnswers } from "~/utils/storage-full.server";
import { answerAfterPause } from "./held-answers";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";
import { isSignInPath, signInTurns, withReadBody } from "./sign-in-turns";
import { visitorLocale } from "./visitor-locale";

// Frontline's HTTP server: security headers and the origin check for every request, static
// assets, then Remix. Migrations run before it listens.

const config = env();
const production = isProduction();

// A full disk makes the server wait for space here instead of exiting (and restarting in a loop).
await retryWhileStorageFull(prepareDatabase);
// Completions owed after a request was cut off (a crash, a full disk), now and every 5 minutes.
startCompletionRepair();
// Opt-in hourly reminder passes in this process; without it, run `npm run reminders` from cron.
if (process.env.REMINDERS_SCHEDULE === "hourly") startReminderSchedule(mailerFromEnv());

const viteDevServer = production
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);

app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  res.set(securityHeaders({ secure: req.secure }));
  res.set(
    "Content-Security-Policy",
    contentSecurityPolicy(res.locals.cspNonce, { dev: !production }),
  );
  next();
});

// Expected bad input is answered here, in the visitor's language, and logged at info level only:
// an address whose %-escapes do not decode (Express's router would throw on it and print a stack)
// and methods no page takes. OPTIONS is answered with what is allowed (no cross-origin use).
const methodsServed = new Set(["GET", "HEAD", "POST"]);
const allowHeader = [...methodsServed].join(", ");
const decodes = (path: string) => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};

app.use((req, res, next) => {
  const refuse = (status: number, key: "server.malformedAddress" | "server.methodNotAllowed") => {
    log.info("request.refused", { method: req.method, path: req.path.slice(0, 200), status });
    const locale = visitorLocale(req.headers);
    res
      .status(status)
      .set("Content-Language", locale)
      .type("text/plain")
      .send(fixedT(locale, "auth")(key));
  };
  if (!decodes(req.path)) return refuse(400, "server.malformedAddress");
  if (req.method === "OPTIONS") return void res.status(204).set("Allow", allowHeader).end();
  if (!methodsServed.has(req.method)) {
    res.set("Allow", allowHeader);
    return refuse(405, "server.methodNotAllowed");
  }
  next();
});

// Sign-in attempts from an address the login throttle has refused are turned away here, before
// any other work, until its wait is over (app/auth/throttled-clients.ts), after a pause that
// keeps a flood at the pace of its connections (server/held-answers.ts). In the visitor's language.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function refusedAsThrottled(req: express.Request, res: express.Response) {
  const wait = throttledClientWait(req.ip);
  if (wait === null) return false;
  const minutes = Math.ceil(wait / 60);
  const locale = visitorLocale(req.headers);
  const t = fixedT(locale, "auth");
  const title = escapeHtml(t("server.throttledTitle"));
  const body = escapeHtml(t("server.throttledBody", { count: minutes }));
  const back = escapeHtml(t("server.backToLogin"));
  answerAfterPause(res, () =>
    res
      .status(429)
      .set("Retry-After", String(wait))
      .set("Content-Language", locale)
      .type("html")
      .send(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head>` +
          `<body><main><h1>${title}</h1><p>${body}</p><p><a href="/login">${back}</a></p></main></body></html>`,
      ),
  );
  return true;
}

// Other sign-in attempts take turns per address (server/sign-in-turns.ts).
// Matched as the router reads the path, so an escaped or upper-case spelling is no way around.
const signIn = signInTurns({ refused: refusedAsThrottled });
app.post("*", (req, res, next) => (isSignInPath(req.path) ? void signIn(req, res, next) : next()));

// Refuse cross-site state changes before any other work (see app/auth/csrf.server.ts). The
// allowed origins are configured (APP_ORIGIN), never read from the request's Host header.
const origins = appOrigins();
if (production && config.APP_ORIGIN.length === 0) {
  log.warn("server.appOriginUnset", {
    servingAs: origins[0],
    hint: "set APP_ORIGIN to the address people open: links in certificates and e-mails use it, and browsers that send no Sec-Fetch-Site can post forms only from it",
  });
}
app.use((req, res, next) => {
  const check = checkRequestOrigin({
    method: req.method,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    allowedOrigins: origins,
  });
  if (check.ok) return next();
  log.warn("csrf.refused", {
    method: req.method,
    path: req.path,
    reason: check.reason,
    clientAddress: req.ip,
  });
  const locale = visitorLocale(req.headers);
  res
    .status(403)
    .set("Content-Language", locale)
    .type("text/plain")
    .send(fixedT(locale, "auth")("server.foreignOrigin"));
});

app.use(compression());

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // Fingerprinted assets can be cached for a year; the rest of public/ for an hour.
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Only a path naming a file can be one of public/'s (favicon.ico, robots.txt...): the pages
  // and their data (.data) go straight on, without a look at the disk for each request.
  const publicFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) =>
    /\.[a-z0-9]+$/i.test(req.path) && !req.path.endsWith(".data")
      ? publicFiles(req, res, next)
      : next(),
  );
}

// Every loader and action answers a full disk with a 507 page saying nothing was saved.
const build = viteDevServer
  ? () =>
      (viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(
        withStorageFullAnswers,
      )
  : withStorageFullAnswers(
      (await import(
        /* @vite-ignore */ new URL("./server/index.js", import.meta.url).href
      )) as ServerBuild,
    );

const remix = createRequestHandler({
  build,
  mode: production ? "production" : "development",
  getLoadContext: (req, res) => ({
    cspNonce: res.locals.cspNonce as string,
    clientAddress: req.ip,
  }),
});
// A sign-in form was read before its turn (server/sign-in-turns.ts): Remix gets it played back.
app.all("*", (req, res, next) => remix(withReadBody(req, res), res, next));

const onListening = () => {
  log.info("server.listening", {
    url: `http://localhost:${config.PORT}`,
    mode: production ? "production" : "development",
  });
};
const server = config.HOST
  ? app.listen(config.PORT, config.HOST, onListening)
  : app.listen(config.PORT, onListening);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("server.stopping", { signal });
    server.close(() => process.exit(0));
    // Keep-alive connections can hold close() open; don't wait for them forever.
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
