import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isSignInPath, signInTurns, withReadBody } from "../../server/sign-in-turns";
import { rawPost, type RawAnswer } from "../support/raw-post";

// Sign-in turns over real HTTP: an Express app with the middleware in front of a login handler
// that echoes the form it is played back and answers only when the test lets it. Addresses come
// from X-Forwarded-For (trust proxy), so one test can be several clients.

type Options = Parameters<typeof signInTurns>[0];
let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function start(options: Partial<Options> = {}) {
  const app = express();
  app.set("trust proxy", true);
  const turns = signInTurns({ refused: () => false, ...options });
  const handled: string[] = [];
  const gates: Array<() => void> = [];
  app.post("*", (req, res, next) => (isSignInPath(req.path) ? void turns(req, res, next) : next()));
  app.post("/login", (req, res) => {
    const chunks: Buffer[] = [];
    const source = withReadBody(req, res);
    source.on("data", (chunk: Buffer) => chunks.push(chunk));
    source.on("end", () => {
      const form = Buffer.concat(chunks).toString();
      handled.push(new URLSearchParams(form).get("email") ?? "");
      gates.push(() => res.status(200).type("text/plain").send(form));
    });
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  /** Let the oldest attempt inside the handler answer. */
  const release = async () => {
    await until(() => gates.length > 0);
    gates.shift()!();
  };
  return { port, handled, release };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

type Answer = RawAnswer;
/** A sign-in post; `slow` sends the form's first part and stops. */
const attempt = (port: number, address: string, email: string, slow = false) =>
  rawPost({
    port,
    path: "/login",
    headers: { "X-Forwarded-For": address },
    form: `email=${encodeURIComponent(email)}&password=secret`,
    partial: slow,
  });

describe("sign-in turns", () => {
  it("let one attempt per address through at a time, and other addresses at once", async () => {
    const { port, handled, release } = await start();
    const first = attempt(port, "198.51.100.1", "a@example.test");
    await until(() => handled.length === 1);
    const second = attempt(port, "198.51.100.1", "b@example.test");
    const elsewhere = attempt(port, "198.51.100.2", "c@example.test");
    await until(() => handled.length === 2);
    expect(handled).toEqual(["a@example.test", "c@example.test"]);
    await release();
    expect(await first).toEqual({ status: 200, body: "email=a%40example.test&password=secret" });
    await release();
    await elsewhere;
    await until(() => handled.length === 3);
    expect(handled[2]).toBe("b@example.test");
    await release();
    expect((await second).status).toBe(200);
  });

  it("do not let a client that sends its form slowly hold the turn: it gets 408 at the deadline", async () => {
    const { port, handled, release } = await start({ bodyDeadlineMs: 400 });
    const slow = attempt(port, "198.51.100.3", "slow@example.test", true);
    await new Promise((r) => setTimeout(r, 50));
    const valid = attempt(port, "198.51.100.3", "valid@example.test");
    await until(() => handled.length === 1);
    expect(handled).toEqual(["valid@example.test"]);
    await release();
    expect((await valid).status).toBe(200);
    const refused = await slow;
    expect(refused.status).toBe(408);
    expect(refused.body).toBe("The sign-in form took too long to arrive. Try again.");
    expect(handled).toEqual(["valid@example.test"]);
  });

  it("keep one place per account: a flood at one account holds one place, another account still gets its turn", async () => {
    const { port, handled, release } = await start();
    const address = "198.51.100.4";
    const inProgress = attempt(port, address, "someone@example.test");
    await until(() => handled.length === 1);
    const flood: Array<Promise<Answer>> = [];
    for (let i = 0; i < 5; i++) {
      flood.push(attempt(port, address, "victim@example.test"));
      await new Promise((r) => setTimeout(r, 20));
    }
    const valid = attempt(port, address, "colleague@example.test");
    // The first four flood attempts were each superseded by the next.
    const superseded = await Promise.all(flood.slice(0, 4));
    expect(superseded.map((a) => a.status)).toEqual([409, 409, 409, 409]);
    expect(superseded[0]!.body).toBe(
      "A newer sign-in attempt for this account took this one's place.",
    );
    await release();
    await inProgress;
    await until(() => handled.length === 2);
    await release();
    await until(() => handled.length === 3);
    await release();
    expect(handled).toEqual([
      "someone@example.test",
      "victim@example.test",
      "colleague@example.test",
    ]);
    expect((await valid).status).toBe(200);
    expect((await flood[4]!).status).toBe(200);
  });

  it("answer 503 only when as many different accounts as allowed are waiting", async () => {
    const { port, handled, release } = await start({ maxWaiting: 2 });
    const address = "198.51.100.5";
    const first = attempt(port, address, "one@example.test");
    await until(() => handled.length === 1);
    const waiting = [
      attempt(port, address, "two@example.test"),
      attempt(port, address, "three@example.test"),
    ];
    await new Promise((r) => setTimeout(r, 50));
    const overflow = await attempt(port, address, "four@example.test");
    expect(overflow.status).toBe(503);
    for (let i = 0; i < 3; i++) await release();
    expect([(await first).status, ...(await Promise.all(waiting)).map((a) => a.status)]).toEqual([
      200, 200, 200,
    ]);
  });

  it("check a waiting attempt again when its turn comes", async () => {
    let refusedNow = false;
    const { port, handled, release } = await start({
      refused: (_req, res) => {
        if (!refusedNow) return false;
        res.status(429).send("refused");
        return true;
      },
    });
    const first = attempt(port, "198.51.100.6", "one@example.test");
    await until(() => handled.length === 1);
    const queued = attempt(port, "198.51.100.6", "two@example.test");
    await new Promise((r) => setTimeout(r, 50));
    refusedNow = true;
    await release();
    await first;
    expect((await queued).status).toBe(429);
    expect(handled).toEqual(["one@example.test"]);
  });

  it("refuse a form larger than a sign-in form can be", async () => {
    const { port } = await start({ maxBodyBytes: 64 });
    const answer = await attempt(port, "198.51.100.7", `${"x".repeat(80)}@example.test`);
    expect(answer.status).toBe(413);
  });
});

describe("the sign-in path", () => {
  it.each([
    "/login",
    "/login.data",
    "/%6cogin",
    "/%6C%6F%67%69%6E",
    "/LOGIN",
    "/Login/",
    "/login//",
  ])("%s is the sign-in form's (the router reaches the login route with it)", (path) =>
    expect(isSignInPath(path)).toBe(true),
  );

  it.each(["/logins", "/log%20in", "/%E0%A4%A", "/me/login", "/"])("%s is not", (path) =>
    expect(isSignInPath(path)).toBe(false),
  );
});
