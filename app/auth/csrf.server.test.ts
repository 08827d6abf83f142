import { describe, expect, it } from "vitest";
import { checkRequestOrigin } from "./csrf.server";

const own = ["http://localhost:3000"];
const post = (origin: string | null, secFetchSite: string | null = null) =>
  checkRequestOrigin({ method: "POST", origin, secFetchSite, allowedOrigins: own });

describe("origin check for state-changing requests", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(
        checkRequestOrigin({
          method,
          origin: "https://evil.test",
          secFetchSite: "cross-site",
          allowedOrigins: own,
        }).ok,
      ).toBe(true);
    }
  });

  it("accepts a POST from this origin", () => {
    expect(post("http://localhost:3000").ok).toBe(true);
    expect(post("HTTP://LOCALHOST:3000").ok).toBe(true);
    expect(post(null, "same-origin").ok).toBe(true);
  });

  it("refuses a POST without Origin, with a foreign or opaque one, or from another site", () => {
    expect(post(null)).toEqual({ ok: false, reason: "missing Origin header" });
    expect(post("null").ok).toBe(false);
    expect(post("https://evil.test").ok).toBe(false);
    expect(post("http://localhost:3000.evil.test").ok).toBe(false);
    expect(post("https://localhost:3000").ok).toBe(false);
    expect(post("https://evil.test", "cross-site").ok).toBe(false);
    expect(post(null, "same-site").ok).toBe(false);
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(
        checkRequestOrigin({ method, origin: null, secFetchSite: null, allowedOrigins: own }).ok,
      ).toBe(false);
    }
  });

  it("accepts any of several configured origins and no other", () => {
    const allowed = ["https://frontline.example.com", "https://alt.example.com"];
    expect(
      checkRequestOrigin({
        method: "POST",
        origin: "https://frontline.example.com",
        secFetchSite: null,
        allowedOrigins: allowed,
      }).ok,
    ).toBe(true);
    expect(
      checkRequestOrigin({
        method: "POST",
        origin: "https://other.example.com",
        secFetchSite: null,
        allowedOrigins: allowed,
      }).ok,
    ).toBe(false);
  });
});
