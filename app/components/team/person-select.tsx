import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/ui/field";

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
  return (
    <SelectField
      meta={field}
      label={label}
      onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
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
    </SelectField>
  );
}
