import { createSession } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { context, cookiePair, getRequest } from "./requests";

/** A GET request carrying a fresh session cookie for the demo account with that e-mail. */
export async function requestAs(email: string, path: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return getRequest(path, cookiePair(await createSession(user.id)));
}

export const demo = {
  employee: "employee@demo.frontline.test",
  manager: "manager@demo.frontline.test",
  trainer: "trainer@demo.frontline.test",
  admin: "admin@demo.frontline.test",
} as const;

/** Loader arguments for a signed-in demo user opening a URL. */
export async function loaderArgs(email: string, url: string, params: Record<string, string> = {}) {
  return { request: await requestAs(email, url), context: context(), params };
}
