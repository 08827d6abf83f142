import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MatrixFilters } from "~/team/matrix-filters";
import { statusOrder } from "~/team/matrix-filters";
import { statusLabels } from "~/training/rollout/due";
import { FilterButtons, FilterSearch, FilterSelect } from "~/components/ui/filter-controls";

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
      <FilterSelect
        id="filter-team"
        name="team"
        label={t("team:filters.labels.team")}
        value={filters.team ?? ""}
      >
        <option value="">{t("team:filters.allTeams")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="filter-module"
        name="module"
        label={t("team:filters.labels.module")}
        value={filters.module ?? ""}
      >
        <option value="">{t("team:filters.allModules")}</option>
        {modules.map((m) => (
          <option key={m.slug} value={m.slug}>
            {m.title}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="filter-status"
        name="status"
        label={t("team:filters.labels.status")}
        value={filters.status ?? ""}
      >
        <option value="">{t("team:filters.anyStatus")}</option>
        {statusOrder.map((s) => (
          <option key={s} value={s}>
            {t(statusLabels[s])}
          </option>
        ))}
      </FilterSelect>
      <FilterSearch
        id="filter-q"
        label={t("team:filters.labels.q")}
        value={filters.q ?? ""}
        placeholder={t("team:filters.searchPlaceholder")}
      />
      {/* The chosen sort survives a new filter. */}
      {filters.sort !== "name" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir !== "asc" ? <input type="hidden" name="dir" value={filters.dir} /> : null}
      <FilterButtons
        apply={t("team:filters.apply")}
        clear={t("team:filters.clear")}
        clearTo="/team"
      />
    </Form>
  );
}
