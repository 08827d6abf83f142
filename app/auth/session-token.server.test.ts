import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateSessionToken,
  looksLikeSessionToken,
  sessionIdFromToken,
} from "./session-token.server";

describe("session tokens", () => {
  it("carries 160 random bits: 32 base32 characters, different every time", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(looksLikeSessionToken(token)).toBe(true);
    // 32 base32 characters × 5 bits = 160 bits.
    expect([...tokens][0]).toHaveLength(32);
  });

  it("stores the SHA-256 of the token, never the token", () => {
    const token = generateSessionToken();
    const id = sessionIdFromToken(token);
    expect(id).toBe(createHash("sha256").update(token).digest("hex"));
    expect(id).not.toContain(token);
    expect(sessionIdFromToken(token)).toBe(id);
    expect(sessionIdFromToken(generateSessionToken())).not.toBe(id);
  });

  it("rejects values that cannot be tokens before any lookup", () => {
    expect(looksLikeSessionToken("")).toBe(false);
    expect(looksLikeSessionToken("A".repeat(32))).toBe(false);
    expect(looksLikeSessionToken("a".repeat(31))).toBe(false);
    expect(looksLikeSessionToken("' OR 1=1 --aaaaaaaaaaaaaaaaaaaaa")).toBe(false);
  });
});
