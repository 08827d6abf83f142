import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PeopleFilters } from "~/admin/people-filters";
import { peopleStatuses, signInFilters } from "~/admin/people-filters";
import { roleLabels, roles } from "~/auth/roles";
import { localeNames, locales } from "~/i18n/config";
import { FilterButtons, FilterSearch, FilterSelect } from "~/components/ui/filter-controls";

/**
 * Search and filters as a plain GET form: it works without JavaScript, and the URL it makes is
 * the page's state (bookmark it, send it, go back to it). Changing anything starts at page 1.
 */
export function PeopleFilterForm({
  filters,
  teams,
}: {
  filters: PeopleFilters;
  teams: { id: string; name: string; archivedAt: string | Date | null }[];
}) {
  const { t } = useTranslation();
  return (
    <Form
      key={JSON.stringify(filters)}
      method="get"
      role="search"
      aria-label={t("admin:peopleList.filters.form")}
      className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
    >
      <FilterSearch
        id="people-q"
        className="sm:col-span-2"
        label={t("admin:peopleList.filters.search")}
        value={filters.q ?? ""}
        placeholder={t("admin:peopleList.filters.searchPlaceholder")}
      />
      <FilterSelect
        id="people-team"
        name="team"
        label={t("admin:peopleList.filters.team")}
        value={filters.team ?? ""}
      >
        <option value="">{t("admin:peopleList.filters.allTeams")}</option>
        <option value="none">{t("admin:peopleList.filters.noTeam")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.archivedAt
              ? t("admin:peopleList.filters.archivedTeam", { name: team.name })
              : team.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="people-role"
        name="role"
        label={t("admin:peopleList.filters.role")}
        value={filters.role ?? ""}
      >
        <option value="">{t("admin:peopleList.filters.allRoles")}</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(roleLabels[role])}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="people-status"
        name="status"
        label={t("admin:peopleList.filters.status")}
        value={filters.status}
      >
        {peopleStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`admin:peopleList.filters.statuses.${status}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="people-locale"
        name="locale"
        label={t("admin:peopleList.filters.locale")}
        value={filters.locale ?? ""}
      >
        <option value="">{t("admin:peopleList.filters.allLocales")}</option>
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="people-sign-in"
        name="signIn"
        label={t("admin:peopleList.filters.signIn")}
        value={filters.signIn ?? ""}
      >
        <option value="">{t("admin:peopleList.filters.anySignIn")}</option>
        {signInFilters.map((value) => (
          <option key={value} value={value}>
            {t(`admin:peopleList.filters.signIns.${value}`)}
          </option>
        ))}
      </FilterSelect>
      {/* The sort survives a new search; the column headings change it. */}
      {filters.sort !== "name" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir !== "asc" ? <input type="hidden" name="dir" value={filters.dir} /> : null}
      <FilterButtons
        className="flex items-end gap-3 sm:col-span-2 lg:col-span-3 lg:justify-end"
        apply={t("admin:peopleList.filters.apply")}
        clear={t("admin:peopleList.filters.clear")}
        clearTo="/admin/people"
      />
    </Form>
  );
}
