import { useTranslation } from "react-i18next";
import type { Meta } from "~/components/ui/field";
import { describedBy, FieldErrors } from "~/components/ui/field";
import { badges } from "~/team/recognition-schema";

/** The optional badge: a radio per badge with its description, and "No badge". */
export function BadgePicker<Schema>({ meta }: { meta: Meta<Schema> }) {
  const { t } = useTranslation();
  const { name } = meta;
  const initialValue = meta.initialValue as string | undefined;
  const options = [
    { id: "", title: "team:badges.none.title", description: "team:badges.none.description" },
    ...badges,
  ];
  return (
    <fieldset aria-describedby={describedBy(meta)}>
      <legend className="text-sm font-medium text-slate-800">{t("team:badges.legend")}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((badge) => {
          const id = `badge-${badge.id || "none"}`;
          return (
            <div key={id} className="relative">
              <input
                type="radio"
                id={id}
                name={name}
                value={badge.id}
                defaultChecked={(initialValue ?? "") === badge.id}
                aria-describedby={`${id}-description`}
                className="peer absolute top-3.5 left-3 size-4 accent-brand-700"
              />
              <label
                htmlFor={id}
                className="block h-full cursor-pointer rounded-lg border border-slate-300 bg-white py-2.5 pr-3 pl-9 peer-checked:border-brand-700 peer-checked:bg-brand-50"
              >
                <span className="block text-sm font-semibold text-slate-900">{t(badge.title)}</span>
                <span id={`${id}-description`} className="block text-sm text-slate-600">
                  {t(badge.description)}
                </span>
              </label>
            </div>
          );
        })}
      </div>
      <FieldErrors meta={meta} />
    </fieldset>
  );
}
