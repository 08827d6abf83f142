import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MatrixFilters } from "~/team/matrix-filters";
import { statusOrder } from "~/team/matrix-filters";
import { statusLabels } from "~/training/rollout/due";

const control =
  "mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none";

/**
 * A plain GET form: it works before (and without) JavaScript, and the URL it produces is the
 * bookmarkable, exportable state of the page. Changing a filter starts again at page 1.
 */
export function MatrixFilterForm({
  filters,
  teams,
  modules,
}: {
  filters: MatrixFilters;
  teams: { id: string; name: string }[];
  modules: { slug: string; title: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Form
      // A new set of filters (Clear included) starts the controls afresh: without the key, the
      // selects would keep showing what was chosen before.
      key={JSON.stringify(filters)}
      method="get"
      role="search"
      aria-label={t("team:filters.form")}
      className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1.4fr_auto] lg:items-end"
    >
      <div>
        <label htmlFor="filter-team" className="block text-sm font-medium text-slate-800">
          {t("team:filters.labels.team")}
        </label>
        <select id="filter-team" name="team" defaultValue={filters.team ?? ""} className={control}>
          <option value="">{t("team:filters.allTeams")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-module" className="block text-sm font-medium text-slate-800">
          {t("team:filters.labels.module")}
        </label>
        <select
          id="filter-module"
          name="module"
          defaultValue={filters.module ?? ""}
          className={control}
        >
          <option value="">{t("team:filters.allModules")}</option>
          {modules.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className="block text-sm font-medium text-slate-800">
          {t("team:filters.labels.status")}
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={filters.status ?? ""}
          className={control}
        >
          <option value="">{t("team:filters.anyStatus")}</option>
          {statusOrder.map((s) => (
            <option key={s} value={s}>
              {t(statusLabels[s])}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-q" className="block text-sm font-medium text-slate-800">
          {t("team:filters.labels.q")}
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          maxLength={100}
          placeholder={t("team:filters.searchPlaceholder")}
          className={control}
        />
      </div>
      {/* The chosen sort survives a new filter. */}
      {filters.sort !== "name" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir !== "asc" ? <input type="hidden" name="dir" value={filters.dir} /> : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t("team:filters.apply")}
        </button>
        <Link to="/team" className="text-sm font-medium text-brand-700 underline">
          {t("team:filters.clear")}
        </Link>
      </div>
    </Form>
  );
}
