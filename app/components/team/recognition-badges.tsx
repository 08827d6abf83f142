import { useTranslation } from "react-i18next";
import { errorText } from "~/i18n/errors";
import { badges } from "~/team/recognition-schema";

/** The optional badge: a radio per badge with its description, and "No badge". */
export function BadgePicker({
  name,
  initialValue,
  errors,
  errorId,
}: {
  name: string;
  initialValue?: string;
  errors?: string[];
  errorId: string;
}) {
  const { t } = useTranslation();
  const options = [
    { id: "", title: "team:badges.none.title", description: "team:badges.none.description" },
    ...badges,
  ];
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
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
      <ul id={errorId} className="mt-1.5 text-sm text-red-700" aria-live="polite">
        {errors?.map((e) => (
          <li key={e}>{errorText(t, e)}</li>
        ))}
      </ul>
    </fieldset>
  );
}
