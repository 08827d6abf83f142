import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { demoPassword, expect, test } from "./fixtures";

// Expected bad input never becomes an error: every route of app/routes.ts is asked, signed out
// and signed in, with the mistakes a scanner or a broken client makes (an escape that does not
// decode, filters and forms nobody offers, methods no page takes, OPTIONS) against a production
// server of its own, whose whole log this test reads. Any answer of 500 or more, any error-level
// line and any stack trace fails it.

const dir = path.resolve("tests/.tmp/bad-requests");
let server: ChildProcess;
let origin: string;
const output: string[] = [];

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${output.join("")}`);
    const up = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not start:\n${output.join("")}`);
}

/** Route patterns from app/routes.ts, parameters filled with a real module or an unknown id. */
function routePaths() {
  const source = readFileSync("app/routes.ts", "utf8");
  const patterns = [...source.matchAll(/route\("([^"]*)"/g)].map((m) => `/${m[1]}`);
  return ["/", ...patterns].map((p) =>
    p.replace(":slug", "our-service-policy").replace(/:[A-Za-z]+/g, "not-an-id"),
  );
}

async function signIn(email: string) {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password: demoPassword }),
  });
  const cookie = response.headers.get("set-cookie");
  expect(response.status, `signing in as ${email}`).toBe(302);
  return cookie!.split(";")[0]!;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["build/server.js"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DEMO_SEED: "true",
      DATABASE_URL: `file:${path.join(dir, "app.db")}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      COOKIE_SECURE: "false",
      LOG_LEVEL: "info",
      REMINDERS_SCHEDULE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  await waitUntilUp(`${origin}/healthz`);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("every route answers malformed and unexpected requests without a server error", async () => {
  test.setTimeout(180_000);
  const people = {
    "signed out": "",
    employee: await signIn("employee@demo.frontline.test"),
    manager: await signIn("manager@demo.frontline.test"),
    admin: await signIn("admin@demo.frontline.test"),
  };
  const answers: string[] = [];
  const ask = async (who: string, cookie: string, method: string, url: string, body?: string) => {
    const response = await fetch(`${origin}${url}`, {
      method,
      redirect: "manual",
      headers: {
        Origin: origin,
        ...(cookie ? { Cookie: cookie } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }),
      },
      body,
    });
    await response.arrayBuffer();
    answers.push(`${response.status} ${method} ${url} (${who})`);
    return response;
  };

  const options = await ask("signed out", "", "OPTIONS", "/training");
  expect(options.status).toBe(204);
  expect(options.headers.get("allow")).toBe("GET, HEAD, POST");
  const malformed = await ask("signed out", "", "GET", "/training/%E0%A4%A");
  expect(malformed.status).toBe(400);
  expect(await fetch(`${origin}/training/%ZZ`).then((r) => r.text())).toBe(
    "Bad request: this web address is not written correctly.",
  );
  const put = await ask("signed out", "", "PUT", "/team");
  expect(put.status).toBe(405);

  for (const [who, cookie] of Object.entries(people)) {
    for (const route of routePaths()) {
      await ask(
        who,
        cookie,
        "GET",
        `${route}?status=bogus&module=%ZZ&page=-1&sort=%00&q=${"x".repeat(3000)}`,
      );
      await ask(who, cookie, "GET", `${route}/%E0%A4%A`);
      await ask(who, cookie, "GET", `${route === "/" ? "/_root" : route}.data?_routes=nothing`);
      await ask(who, cookie, "OPTIONS", route);
      await ask(who, cookie, "DELETE", route);
      await ask(who, cookie, "POST", route, "intent=bogus&%ZZ=1&email=%00");
      await ask(who, cookie, "POST", route, "");
    }
  }

  // Let the last answers' log lines arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const serverErrors = answers.filter((line) => Number(line.slice(0, 3)) >= 500);
  expect(serverErrors).toEqual([]);
  const log = output.join("").split("\n");
  expect(log.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  expect(log.filter((line) => /^\s+at /.test(line) || /^\w*Error\b/.test(line))).toEqual([]);
  expect(answers.length).toBe(3 + Object.keys(people).length * routePaths().length * 7);
});
