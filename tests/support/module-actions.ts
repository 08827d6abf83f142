import { prisma } from "~/db.server";
import { action, loader } from "~/routes/training+/$slug";
import { context, formRequest, settle } from "./requests";
import { loaderArgs, requestAs } from "./sessions";

/** POST a module page's form as a demo user; returns the redirect Response or the 400 data. */
export async function post(email: string, slug: string, fields: Record<string, string | string[]>) {
  const cookie = (await requestAs(email, "/")).headers.get("Cookie")!;
  return settle(
    action({
      request: formRequest(`/training/${slug}`, fields, { Cookie: cookie }),
      context: context(),
      params: { slug },
    }),
  );
}

/** The module page's loader data for a demo user, as JSON text (what the browser would get). */
export async function pageData(email: string, slug: string, search = "") {
  const data = await loader(await loaderArgs(email, `/training/${slug}${search}`, { slug }));
  return { data, json: JSON.stringify(data) };
}

export const statusOf = (result: unknown) =>
  result instanceof Response
    ? result.status
    : ((result as { init?: { status?: number } }).init?.status ?? 200);

/** Every training record of one user: a bad request must leave these unchanged. */
export async function trainingRows(email: string) {
  const { id } = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const where = { userId: id };
  const [attempts, runs, attestations, completions] = await Promise.all([
    prisma.quizAttempt.count({ where }),
    prisma.scenarioRun.findMany({
      where,
      select: { id: true, steps: true, status: true },
      orderBy: { id: "asc" },
    }),
    prisma.attestation.count({ where }),
    prisma.moduleCompletion.count({ where }),
  ]);
  return { attempts, runs, attestations, completions };
}
