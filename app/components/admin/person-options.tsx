import { useTranslation } from "react-i18next";
import { roleLabels, roles } from "~/auth/roles";
import { localeNames, locales } from "~/i18n/config";

// The choices of a person's form (adding one, or changing one): roles, teams, languages.

/** Every role; `only` leaves the others visible but not choosable (an admin's own role). */
export function RoleOptions({ only }: { only?: string }) {
  const { t } = useTranslation();
  return roles.map((role) => (
    <option key={role} value={role} disabled={only !== undefined && role !== only}>
      {t(roleLabels[role])}
    </option>
  ));
}

/** "No team", then the teams people can be put in. */
export function TeamOptions({ teams }: { teams: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("admin:addPerson.noTeam")}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </>
  );
}

/** The languages Frontline speaks, each named in itself. */
export function LocaleOptions() {
  return locales.map((locale) => (
    <option key={locale} value={locale} lang={locale}>
      {localeNames[locale]}
    </option>
  ));
}
