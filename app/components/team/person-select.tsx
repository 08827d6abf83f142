import type { FieldMetadata } from "@conform-to/react";
import { getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { errorText } from "~/i18n/errors";

/** A select of the people in the manager's teams, grouped by team. */
export function PersonSelect({
  field,
  label,
  people,
  onChange,
}: {
  field: FieldMetadata<string>;
  label: string;
  people: { name: string; members: { id: string; name: string }[] }[];
  onChange?: (value: string) => void;
}) {
  const { t } = useTranslation();
  const invalid = Boolean(field.errors?.length);
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        {...getSelectProps(field)}
        onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
        className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 aria-invalid:border-red-600"
      >
        <option value="">{t("team:forms.choosePerson")}</option>
        {people.map((team) => (
          <optgroup key={team.name} label={team.name}>
            {team.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ul id={field.errorId} className="mt-1.5 text-sm text-red-700" aria-live="polite">
        {invalid ? field.errors?.map((e) => <li key={e}>{errorText(t, e)}</li>) : null}
      </ul>
    </div>
  );
}
