import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireArea } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { studioList } from "~/content/modules.server";

export const meta: MetaFunction = () => [{ title: "Studio · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireArea(request, "studio");
  return { modules: await studioList() };
}

function State({ problems, draft }: { problems: number; draft: boolean }) {
  if (problems) {
    return (
      <span className="rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-semibold text-red-800">
        {problems} problem{problems === 1 ? "" : "s"}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap gap-1">
      <span className="rounded-full bg-green-100 px-2.5 py-0.5 text-xs font-semibold text-green-800">
        Valid
      </span>
      {draft ? (
        <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900">
          Draft
        </span>
      ) : null}
    </span>
  );
}

export default function StudioHome() {
  const { modules } = useLoaderData<typeof loader>();
  const broken = modules.filter((m) => m.problems > 0).length;
  return (
    <Page
      title="Studio"
      lead={
        broken
          ? `${modules.length} modules; ${broken} need${broken === 1 ? "s" : ""} fixing before they can be published.`
          : `${modules.length} modules, all valid. Drafts are visible to trainers and admins only.`
      }
    >
      {modules.length === 0 ? (
        <EmptyState title="No modules yet">
          Modules are folders under <code>content/modules/</code>; each one you add shows up here.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Course modules and their validation state</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Module
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  State
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Version
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Practice
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  For
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {modules.map((m) => (
                <tr key={m.slug}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/studio/${m.slug}`}
                      className="font-medium text-brand-800 hover:underline"
                    >
                      {m.title}
                    </Link>
                    <p className="text-xs text-slate-600">{m.file}</p>
                  </td>
                  <td className="px-4 py-3">
                    <State problems={m.problems} draft={m.draft} />
                  </td>
                  <td className="px-4 py-3 tabular-nums">{m.version ?? "—"}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {m.quizzes} quiz{m.quizzes === 1 ? "" : "zes"}
                    {m.scenarios ? `, ${m.scenarios} role-play${m.scenarios === 1 ? "" : "s"}` : ""}
                  </td>
                  <td className="px-4 py-3 text-slate-700">
                    {m.audience
                      ? [...m.audience.roles, ...(m.audience.teams ?? [])].join(", ")
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
