import { data, redirect } from "@remix-run/node";
import { log } from "~/utils/log.server";
import type { Area } from "./roles";
import { canEnter, homePath } from "./roles";
import type { SessionUser } from "./session.server";
import { getSessionUser } from "./session.server";
import { twoFactorRequired } from "./two-factor.server";

export { getSessionUser as getUser };

/** A local path to return to after login, or null for anything that could leave the site. */
export function safeRedirectPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return null;
  // Browsers treat "\\" like "/" and drop control characters, turning "/\\evil" into "//evil".
  if ([...value].some((ch) => ch === "\\" || ch.charCodeAt(0) < 0x20)) return null;
  // A Location header takes bytes only ("/é" threw, a 500): percent-encode the rest as UTF-8, as
  // a browser would, and change nothing else (resolving "/..//x" would make it "//x").
  return value.replace(/[^\x21-\x7e]/gu, (ch) =>
    [...Buffer.from(ch, "utf8")].map((byte) => `%${byte.toString(16).toUpperCase()}`).join(""),
  );
}

/** Where someone whose role must use two-factor sign-in turns it on; the only page open until then. */
export const twoFactorSetupPath = "/me/security";

/**
 * The signed-in user, or a redirect to /login that comes back here afterwards. Someone whose role
 * must use two-factor sign-in (TWO_FACTOR_ROLES) and has not turned it on is sent to turn it on.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (user) {
    if (!user.twoFactor && twoFactorRequired(user.role)) {
      const path = new URL(request.url).pathname.replace(/\.data$/, "");
      if (path !== twoFactorSetupPath) throw redirect(`${twoFactorSetupPath}?twoFactor=required`);
    }
    return user;
  }
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const search = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  throw redirect(`/login${search}`);
}

/** The signed-in user if their role may enter the area; otherwise 403 (and a log line). */
export async function requireArea(request: Request, area: Area): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canEnter(user.role, area)) {
    log.warn("authz.denied", {
      userId: user.id,
      role: user.role,
      area,
      method: request.method,
      path: new URL(request.url).pathname,
    });
    throw data({ message: "common:errors.roleDenied" }, { status: 403 });
  }
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getSessionUser(request);
  if (user) throw redirect(homePath(user.role));
}
