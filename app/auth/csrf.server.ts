// Cross-site request forgery defence without tokens: a state-changing request must come from a
// page of this origin, which browsers prove with Origin and Sec-Fetch-Site (both unforgeable by a
// foreign page). A request that carries neither is refused too: no browser we support omits both.

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  /** This server's origins, e.g. "https://frontline.example.com". */
  allowedOrigins: readonly string[];
};

export type OriginCheck = { ok: true } | { ok: false; reason: string };

export function checkRequestOrigin(input: OriginCheckInput): OriginCheck {
  if (safeMethods.has(input.method.toUpperCase())) return { ok: true };
  if (input.secFetchSite === "same-origin") return { ok: true };
  if (!input.origin || input.origin === "null") {
    return { ok: false, reason: "missing Origin header" };
  }
  if (input.allowedOrigins.includes(input.origin.toLowerCase())) return { ok: true };
  return { ok: false, reason: `foreign origin ${input.origin}` };
}
