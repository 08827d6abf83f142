import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";

export const testOrigin = "http://localhost:3000";

let clientCounter = 0;
/** A distinct client address per call, so throttle counts in one test don't leak into another. */
export function freshClientAddress() {
  clientCounter += 1;
  return `198.51.100.${clientCounter}`;
}

export function context(clientAddress = freshClientAddress()): AppLoadContext {
  return { cspNonce: "test-nonce", clientAddress };
}

/**
 * A form post as a page sends it. Pages' create forms carry a one-time key (`formKey`, see
 * app/db/form-keys.server.ts), so a fresh one is added unless the fields name one: tests of
 * repeats send the same key twice, tests of a missing key send `formKey: []`.
 */
export function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  if (!("formKey" in fields)) fields = { ...fields, formKey: randomUUID() };
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(new URL(path, testOrigin), {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: testOrigin,
      ...headers,
    },
    body,
  });
}

export function getRequest(path: string, cookie?: string) {
  return new Request(new URL(path, testOrigin), { headers: cookie ? { Cookie: cookie } : {} });
}

/** "name=value" from a Set-Cookie header, as a browser would send it back. */
export function cookiePair(setCookie: string | null): string {
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0]!;
}

/** Run a loader or action; a thrown Response (redirect, 403) comes back as the result. */
export async function settle<T>(work: Promise<T>): Promise<T | Response> {
  try {
    return await work;
  } catch (error) {
    // Loaders throw redirects as Responses and 403/404s as `data()` results.
    if (error instanceof Response) return error;
    if (error && typeof error === "object" && "init" in error) return error as T;
    throw error;
  }
}
