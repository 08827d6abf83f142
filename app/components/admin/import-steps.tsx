import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TableFrame, dataCell, headingsOf } from "~/components/ui/data-table";
import { filterControl } from "~/components/ui/filter-controls";
import { useFormat } from "~/i18n/use-format";

// The import's three steps on one page: choose a file; check the columns and every row; the
// result. Plain forms: they work without JavaScript.

const fields = ["email", "name", "team", "role", "locale", "hiredAt", "managerEmail"] as const;
type Mapping = Record<(typeof fields)[number], number>;
type Row = {
  line: number;
  email: string;
  name: string;
  status: "create" | "update" | "unchanged" | "error";
  reasons: { key: string; values?: Record<string, string | number> }[];
  changes: string[];
};
type Preview = {
  rows: Row[];
  hidden: number;
  counts: Record<Row["status"], number>;
  newTeams: string[];
};

const statusStyle: Record<Row["status"], string> = {
  create: "bg-green-100 text-green-900",
  update: "bg-blue-100 text-blue-900",
  unchanged: "bg-slate-100 text-slate-700",
  error: "bg-red-100 text-red-900",
};

export function ImportUpload({
  maxMiB,
  maxRows,
  another = false,
}: {
  maxMiB: number;
  maxRows: number;
  /** A file has been previewed already: this one replaces it. */
  another?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const busy = useNavigation().state === "submitting";
  return (
    <section
      aria-labelledby="upload-heading"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="upload-heading" className="text-lg font-semibold">
        {another ? t("admin:import.upload.another") : t("admin:import.upload.heading")}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        {t("admin:import.upload.explain", {
          maxMiB: format.number(maxMiB),
          maxRows: format.number(maxRows),
        })}{" "}
        <a href="/admin/people/import?template" className="font-medium text-brand-800 underline">
          {t("admin:import.upload.template")}
        </a>
      </p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="mt-4 grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            {t("admin:import.upload.file")}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            className="mt-1.5 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-900"
          />
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input type="checkbox" name="createTeams" className="size-4 accent-brand-700" />
            {t("admin:import.createTeams")}
          </label>
        </div>
        <Button type="submit" disabled={busy}>
          {t("admin:import.upload.submit")}
        </Button>
      </Form>
    </section>
  );
}

export function ImportPreview({
  fileName,
  text,
  header,
  mapping,
  createTeams,
  preview,
}: {
  fileName: string;
  text: string;
  header: string[];
  mapping: Mapping;
  createTeams: boolean;
  preview: Preview | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const busy = useNavigation().state === "submitting";
  const changing = preview ? preview.counts.create + preview.counts.update : 0;
  const canApply = preview !== null && preview.counts.error === 0 && changing > 0;
  return (
    <section aria-labelledby="preview-heading" className="space-y-6">
      <h2 id="preview-heading" className="text-lg font-semibold">
        {t("admin:import.preview.heading", { file: fileName })}
      </h2>
      {preview ? (
        <ul
          className="grid grid-cols-2 gap-3 sm:grid-cols-4"
          aria-label={t("admin:import.preview.counts")}
        >
          {(["create", "update", "unchanged", "error"] as const).map((status) => (
            <li key={status} className={`rounded-xl p-4 ${statusStyle[status]}`}>
              <span className="block text-2xl font-bold tabular-nums">
                {format.number(preview.counts[status])}
              </span>
              <span className="text-sm">
                {t(`admin:import.status.${status}`, { count: preview.counts[status] })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {preview?.newTeams.length ? (
        <p className="text-sm text-slate-800">
          {t("admin:import.preview.newTeams", {
            count: preview.newTeams.length,
            teams: format.list(preview.newTeams),
          })}
        </p>
      ) : null}
      <Form method="post" className="rounded-xl border border-slate-200 bg-white p-5">
        <input type="hidden" name="text" value={text} />
        <input type="hidden" name="fileName" value={fileName} />
        <fieldset>
          <legend className="text-base font-semibold">{t("admin:import.mapping.legend")}</legend>
          <p className="mt-1 text-sm text-slate-700">{t("admin:import.mapping.explain")}</p>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {fields.map((field) => (
              <div key={field}>
                <label
                  htmlFor={`map-${field}`}
                  className="block text-sm font-medium text-slate-800"
                >
                  {t(`admin:import.fields.${field}`)}
                </label>
                <select
                  id={`map-${field}`}
                  name={`map.${field}`}
                  defaultValue={String(mapping[field])}
                  className={filterControl}
                >
                  <option value="-1">{t("admin:import.mapping.none")}</option>
                  {header.map((name, i) => (
                    <option key={i} value={i}>
                      {name || t("admin:import.mapping.column", { n: i + 1 })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <label className="mt-4 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="createTeams"
              defaultChecked={createTeams}
              className="size-4 accent-brand-700"
            />
            {t("admin:import.createTeams")}
          </label>
        </fieldset>
        <div className="mt-5 flex flex-wrap items-center gap-3">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={busy}>
            {t("admin:import.mapping.again")}
          </Button>
          <Button type="submit" name="intent" value="apply" disabled={!canApply || busy}>
            {t("admin:import.apply", { count: changing })}
          </Button>
          {preview && preview.counts.error > 0 ? (
            <p className="text-sm font-medium text-red-800">
              {t("admin:import.fixFirst", { count: preview.counts.error })}
            </p>
          ) : preview && changing === 0 ? (
            <p className="text-sm text-slate-700">{t("admin:import.nothingToDo")}</p>
          ) : null}
        </div>
      </Form>
      {preview ? (
        <>
          <TableFrame
            caption={t("admin:import.preview.caption")}
            headings={headingsOf(
              t("admin:import.columns.line"),
              t("admin:import.columns.status"),
              t("admin:import.columns.person"),
              t("admin:import.columns.details"),
            )}
          >
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <td className={`${dataCell} tabular-nums`}>{row.line}</td>
                <td className={dataCell}>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusStyle[row.status]}`}
                  >
                    {t(`admin:import.status.${row.status}`, { count: 1 })}
                  </span>
                </td>
                <th scope="row" className={`${dataCell} min-w-48 text-left font-normal`}>
                  <span className="font-medium text-slate-900">{row.name || "—"}</span>
                  <span className="block break-words text-slate-600">{row.email || "—"}</span>
                </th>
                <td className={`${dataCell} min-w-64`}>
                  {row.reasons.length ? (
                    <ul className="list-disc pl-4 text-red-800">
                      {row.reasons.map((reason) => (
                        <li key={reason.key}>{t(reason.key, reason.values)}</li>
                      ))}
                    </ul>
                  ) : row.changes.length ? (
                    <ul className="list-disc pl-4 text-slate-800">
                      {row.changes.map((change) => (
                        <li key={change}>{change}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </TableFrame>
          {preview.hidden ? (
            <p className="text-sm text-slate-700">
              {t("admin:import.preview.more", { count: preview.hidden })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function ImportResult({
  fileName,
  result,
}: {
  fileName: string;
  result: { created: number; updated: number; unchanged: number; teams: number; invited: number };
}) {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="result-heading"
      role="status"
      className="rounded-xl border border-green-200 bg-green-50 p-5 text-green-950"
    >
      <h2 id="result-heading" className="text-lg font-semibold">
        {t("admin:import.done.heading", { file: fileName })}
      </h2>
      <ul className="mt-2 list-disc pl-5 text-sm">
        <li>{t("admin:import.done.created", { count: result.created })}</li>
        <li>{t("admin:import.done.updated", { count: result.updated })}</li>
        <li>{t("admin:import.done.unchanged", { count: result.unchanged })}</li>
        <li>{t("admin:import.done.teams", { count: result.teams })}</li>
        {result.invited ? (
          <li>{t("admin:import.done.invited", { count: result.invited })}</li>
        ) : null}
      </ul>
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link to="/admin/people?signIn=invited" className="font-medium text-brand-800 underline">
          {t("admin:import.done.seeInvited")}
        </Link>
        <Link
          to="/admin/people/import"
          reloadDocument
          className="font-medium text-brand-800 underline"
        >
          {t("admin:import.done.another")}
        </Link>
      </p>
    </section>
  );
}
