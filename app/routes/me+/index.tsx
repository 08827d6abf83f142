import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState, Page } from "~/components/page";
import { formatLocalDate } from "~/components/training/status-badge";
import { myRecord } from "~/training/record.server";

export const meta: MetaFunction = () => [{ title: "My record · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return myRecord(user.id);
}

const shortDate = (date: string) => (
  <time dateTime={date} className="whitespace-nowrap">
    {formatLocalDate(date, "medium")}
  </time>
);

function Badge({
  tone,
  children,
}: {
  tone: "green" | "amber" | "sky" | "slate";
  children: string;
}) {
  const tones = {
    green: "bg-green-100 text-green-900",
    amber: "bg-amber-100 text-amber-900",
    sky: "bg-sky-100 text-sky-900",
    slate: "bg-slate-100 text-slate-800",
  };
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

function ModuleCell({ title, version }: { title: string; version: string }) {
  return (
    <>
      <span className="font-medium text-slate-900">{title}</span>
      <span className="block text-xs text-slate-600">Version {version}</span>
    </>
  );
}

/**
 * A table that reflows into one labelled block per row on a phone. The explicit roles keep it a
 * table for screen readers once the display changes (Safari drops table semantics otherwise).
 */
function RecordTable({
  labelledBy,
  columns,
  rows,
}: {
  labelledBy: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
      <table role="table" aria-labelledby={labelledBy} className="w-full text-left text-sm">
        <thead role="rowgroup" className="bg-slate-50 max-sm:sr-only">
          <tr role="row">
            {columns.map((column) => (
              <th
                key={column}
                role="columnheader"
                scope="col"
                className="px-4 py-2.5 font-semibold whitespace-nowrap text-slate-700"
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.key} role="row" className="max-sm:block max-sm:px-4 max-sm:py-3">
              {row.cells.map((cell, i) => (
                <td
                  key={columns[i]}
                  role="cell"
                  data-label={columns[i]}
                  className="px-4 py-3 align-top text-slate-800 max-sm:flex max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:w-28 max-sm:before:shrink-0 max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]"
                >
                  <div className="min-w-0">{cell}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="scroll-mt-6">
      <h2 id={id} className="mb-3 flex items-baseline gap-2 text-lg font-semibold text-slate-900">
        {title}
        <span className="text-sm font-normal text-slate-600">({count})</span>
      </h2>
      {count ? (
        children
      ) : (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {empty}
        </p>
      )}
    </section>
  );
}

export default function MyRecordPage() {
  const { completions, attempts, runs, attestations } = useLoaderData<typeof loader>();
  const nothing = !completions.length && !attempts.length && !runs.length && !attestations.length;
  return (
    <Page
      title="My record"
      lead="Everything you have done in training, kept for every version of every module."
    >
      {nothing ? (
        <EmptyState title="Nothing on record yet">
          Quizzes you take, role-plays you play and statements you sign appear here.{" "}
          <Link to="/training" className="font-medium text-brand-700 underline underline-offset-2">
            Start with my training
          </Link>
          .
        </EmptyState>
      ) : (
        <div className="space-y-10">
          <Section
            id="completions"
            title="Completed modules"
            count={completions.length}
            empty="No module completed yet."
          >
            <RecordTable
              labelledBy="completions"
              columns={["Module", "Completed on", "Certificate"]}
              rows={completions.map((c) => ({
                key: c.id,
                cells: [
                  <ModuleCell title={c.module} version={c.version} />,
                  shortDate(c.completedOn),
                  c.hasCertificate ? (
                    <Link
                      to={`/training/${c.slug}/certificate`}
                      aria-label={`Certificate for ${c.module}`}
                      className="font-medium whitespace-nowrap text-brand-700 underline underline-offset-2 hover:text-brand-900"
                    >
                      View certificate
                    </Link>
                  ) : (
                    <span className="text-slate-600">Replaced by a later version</span>
                  ),
                ],
              }))}
            />
          </Section>

          <Section
            id="attempts"
            title="Quiz attempts"
            count={attempts.length}
            empty="No quiz taken yet."
          >
            <RecordTable
              labelledBy="attempts"
              columns={["Module", "Quiz", "Attempt", "Score", "Result", "Date"]}
              rows={attempts.map((a) => ({
                key: a.id,
                cells: [
                  <ModuleCell title={a.module} version={a.version} />,
                  a.quiz,
                  <span className="tabular-nums">{a.number}</span>,
                  <span className="tabular-nums">{a.score}%</span>,
                  a.passed ? (
                    <Badge tone="green">Passed</Badge>
                  ) : (
                    <Badge tone="amber">Not passed</Badge>
                  ),
                  shortDate(a.submittedOn),
                ],
              }))}
            />
          </Section>

          <Section
            id="runs"
            title="Role-plays"
            count={runs.length}
            empty="No role-play played yet."
          >
            <RecordTable
              labelledBy="runs"
              columns={["Module", "Role-play", "Run", "Status", "Score", "Ending", "Date"]}
              rows={runs.map((r) => ({
                key: r.id,
                cells: [
                  <ModuleCell title={r.module} version={r.version} />,
                  r.scenario,
                  <span className="tabular-nums">{r.number}</span>,
                  <Badge
                    tone={
                      r.status === "Finished"
                        ? "green"
                        : r.status === "In progress"
                          ? "sky"
                          : "slate"
                    }
                  >
                    {r.status}
                  </Badge>,
                  r.result ? (
                    <span className="whitespace-nowrap tabular-nums">
                      {r.result.score} of {r.result.maxScore}
                      {r.result.passed ? "" : " (below the pass score)"}
                    </span>
                  ) : (
                    <span className="text-slate-600">—</span>
                  ),
                  r.result?.ending ?? <span className="text-slate-600">—</span>,
                  shortDate(r.on),
                ],
              }))}
            />
          </Section>

          <Section
            id="attestations"
            title="Signed statements"
            count={attestations.length}
            empty="No statement signed yet."
          >
            <ul className="space-y-3">
              {attestations.map((a) => (
                <li key={a.id} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
                  <h3 className="font-semibold text-slate-900">
                    {a.module}{" "}
                    <span className="text-sm font-normal text-slate-600">version {a.version}</span>
                  </h3>
                  <blockquote className="mt-2 border-l-4 border-brand-600 pl-4 text-slate-800">
                    {a.statement}
                  </blockquote>
                  <p className="mt-3 text-sm text-slate-700">
                    Signed as <strong className="font-semibold">{a.typedName}</strong> on{" "}
                    <time dateTime={a.signedOn}>{formatLocalDate(a.signedOn)}</time>
                  </p>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
