import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { homePath } from "~/auth/roles";

// "/" has no page of its own: each role has a home.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return redirect(homePath(user.role));
}
