import { rawPost } from "../support/raw-post";
import { expect, test } from "./fixtures";

test.describe("HTTP hardening", () => {
  test("a POST to /login without Origin gets 403 before any work", async ({ request }) => {
    const response = await request.post("/login", {
      form: { email: "employee@demo.frontline.test", password: "frontline-demo" },
      headers: { Origin: "" },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });

  test("a POST from a foreign origin gets 403", async ({ request }) => {
    const response = await request.post("/logout", { headers: { Origin: "https://evil.example" } });
    expect(response.status()).toBe(403);
  });

  test("a POST whose Origin matches a Host header it made up gets 403", async ({ baseURL }) => {
    // A client (not a browser) can name any Host; the allowed origins are the configured ones.
    const { port } = new URL(baseURL!);
    const { status } = await rawPost({
      port,
      path: "/login",
      headers: { Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}` },
      form: "email=employee%40demo.frontline.test&password=frontline-demo",
    });
    expect(status).toBe(403);
  });

  test("pages carry a CSP with a fresh nonce, and the security headers", async ({ request }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const csp = first.headers()["content-security-policy"]!;
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Every inline script carries the nonce.
    const html = await first.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  test("static files carry the security headers too", async ({ request }) => {
    const response = await request.get("/favicon.svg");
    expect(response.status()).toBe(200);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("object-src 'none'");
  });

  test("/healthz answers 200 after a database round trip", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "up" });
  });

  test("the 11th wrong password within the window gets 429", async ({ request }) => {
    const attempt = (password: string) =>
      request.post("/login", {
        form: { email: "ravi.menon@demo.frontline.test", password },
        headers: { Origin: "http://localhost:3100" },
      });
    for (let i = 0; i < 10; i++) expect((await attempt(`wrong-${i}`)).status()).toBe(401);
    const refused = await attempt("wrong-again");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  });
});
