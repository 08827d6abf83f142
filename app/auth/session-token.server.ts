import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

// 20 random bytes = 160 bits from the platform CSPRNG (ASVS 7.2.3 asks for at least 128).
const tokenBytes = 20;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(tokenBytes);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session's id in the database: SHA-256 of the token, so a leaked table holds no usable token. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Cheap shape check before touching the database: base32 lower-case of 20 bytes is 32 chars. */
export function looksLikeSessionToken(value: string): boolean {
  return /^[a-z2-7]{32}$/.test(value);
}
