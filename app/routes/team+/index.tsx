import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { roleLabels, isRole } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { teamsVisibleTo } from "~/team/teams.server";

export const meta: MetaFunction = () => [{ title: "My team · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  return { teams: await teamsVisibleTo(user) };
}

export default function TeamHome() {
  const { teams } = useLoaderData<typeof loader>();
  return (
    <Page
      title="My team"
      lead="The people you look after. Completion, observations and recognition build on this list."
    >
      {teams.length === 0 ? (
        <EmptyState title="You don't manage a team yet">
          An administrator can make you a team's manager.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {teams.map((team) => (
            <section
              key={team.id}
              aria-labelledby={`team-${team.id}`}
              className="min-w-0 rounded-2xl border border-slate-200 bg-white"
            >
              <header className="flex items-baseline justify-between border-b border-slate-200 px-5 py-4">
                <h2 id={`team-${team.id}`} className="text-lg font-semibold">
                  {team.name}
                </h2>
                <p className="text-sm text-slate-600">
                  {team.members.length} {team.members.length === 1 ? "person" : "people"}
                </p>
              </header>
              <ul className="divide-y divide-slate-100">
                {team.members.map((member) => (
                  <li key={member.id} className="flex items-center justify-between gap-4 px-5 py-3">
                    <div className="min-w-0">
                      <p className="truncate font-medium text-slate-900">{member.name}</p>
                      <p className="truncate text-sm text-slate-600">{member.email}</p>
                    </div>
                    <span className="shrink-0 rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">
                      {member.active
                        ? isRole(member.role)
                          ? roleLabels[member.role]
                          : member.role
                        : "Inactive"}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
