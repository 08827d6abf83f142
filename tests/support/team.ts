import type { ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "~/db.server";
import { wallClockValue } from "~/team/observations.server";
import { context, formRequest, settle } from "./requests";
import { requestAs } from "./sessions";

export const at = (local: string) => `${local}@demo.frontline.test`;

export const idOf = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/** POST a form to a route's action as a demo user; a thrown Response or data() comes back. */
export async function postAs(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  email: string,
  path: string,
  fields: Record<string, string | string[]>,
  params: Record<string, string> = {},
) {
  const cookie = (await requestAs(email, "/")).headers.get("Cookie")!;
  return settle(
    action({ request: formRequest(path, fields, { Cookie: cookie }), context: context(), params }),
  );
}

/** The field errors of a 400 answer in Conform's reply shape. */
export const fieldErrors = (result: unknown) =>
  (result as { data: { result: { error?: Record<string, string[] | null> } } }).data.result.error ??
  {};

/** "YYYY-MM-DDTHH:mm" as a demo manager's form shows it (their zone is Europe/Ljubljana). */
export const wall = (date: Date) => wallClockValue(date, "Europe/Ljubljana");
