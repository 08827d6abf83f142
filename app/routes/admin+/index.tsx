import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { setUserActive, listTeams, listUsers } from "~/admin/users.server";
import { requireArea } from "~/auth/permissions.server";
import { isRole, roleLabels } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { FormErrors } from "~/components/ui/form-errors";
import { formErrorResponse, readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Admin · Frontline" }];

const SetActiveSchema = z.object({
  intent: z.enum(["deactivate", "activate"], { error: "Choose activate or deactivate." }),
  userId: z.string({ error: "Choose a user." }).min(1).max(64),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireArea(request, "admin");
  const [users, teams] = await Promise.all([listUsers(), listTeams()]);
  return { users, teams };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireArea(request, "admin");
  const body = await readForm(request);
  if (!body.ok) return formErrorResponse(body.message);
  const submission = parseWithZod(body.formData, { schema: SetActiveSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { intent, userId } = submission.value;
  const result = await setUserActive(admin.id, userId, intent === "activate");
  if (!result.ok) {
    return data({ result: submission.reply({ formErrors: [result.message] }) }, { status: 400 });
  }
  return { result: submission.reply() };
}

export default function AdminHome() {
  const { users, teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors =
    actionData?.result.status === "error"
      ? Object.values(actionData.result.error ?? {}).flat()
      : [];
  return (
    <Page title="Admin" lead="People, teams and roles across the organisation.">
      <FormErrors id="admin-errors" errors={errors.filter((e): e is string => Boolean(e))} />
      <section aria-labelledby="teams-heading" className="mb-10">
        <h2 id="teams-heading" className="mb-3 text-lg font-semibold">
          Teams
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {teams.map((team) => (
            <li key={team.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <p className="font-semibold">{team.name}</p>
              <p className="text-sm text-slate-600">
                {team._count.members} members · managed by {team.manager?.name ?? "nobody"}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3 text-lg font-semibold">
          People
        </h2>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Name
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Role
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Team
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Sessions
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id}>
                  <td className="px-4 py-3">
                    <p className="font-medium text-slate-900">{user.name}</p>
                    <p className="text-slate-600">{user.email}</p>
                  </td>
                  <td className="px-4 py-3">
                    {isRole(user.role) ? roleLabels[user.role] : user.role}
                  </td>
                  <td className="px-4 py-3">{user.team?.name ?? "—"}</td>
                  <td className="px-4 py-3 tabular-nums">{user._count.sessions}</td>
                  <td className="px-4 py-3">
                    <Form method="post" className="flex items-center gap-3">
                      <input type="hidden" name="userId" value={user.id} />
                      <span className={user.active ? "text-green-800" : "text-slate-600"}>
                        {user.active ? "Active" : "Inactive"}
                      </span>
                      <button
                        type="submit"
                        name="intent"
                        value={user.active ? "deactivate" : "activate"}
                        aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
                        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                      >
                        {user.active ? "Deactivate" : "Reactivate"}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
