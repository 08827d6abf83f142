import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSessionUser, endSession } from "~/auth/session.server";
import { log } from "~/utils/log.server";

// Logging out changes state, so only POST does it; a GET just goes home.
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const clearCookie = await endSession(request);
  if (user) log.info("logout", { userId: user.id });
  return redirect("/login", { headers: { "Set-Cookie": clearCookie } });
}
