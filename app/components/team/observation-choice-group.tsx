import type { Meta } from "~/components/ui/field";
import { FieldErrors } from "~/components/ui/field";

/** A labelled group of radio buttons (a fieldset), with its errors tied to it. */
export function ChoiceGroup<Schema>({
  legend,
  description,
  meta,
  defaultValue,
  options,
}: {
  legend: string;
  description?: string;
  meta: Meta<Schema>;
  /** The choice made when the form has no value of its own. */
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  const { name, errorId } = meta;
  const initialValue = (meta.initialValue as string | undefined) ?? defaultValue;
  const invalid = Boolean(meta.errors?.length);
  const descriptionId = `${errorId}-description`;
  return (
    <fieldset
      aria-describedby={
        [description ? descriptionId : "", invalid ? errorId : ""].join(" ").trim() || undefined
      }
      aria-invalid={invalid || undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {description ? (
        <p id={descriptionId} className="mt-0.5 text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                defaultChecked={initialValue === option.value}
                className="peer sr-only"
              />
              <label
                htmlFor={id}
                className="inline-flex min-w-11 cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 hover:bg-slate-50 peer-checked:hover:bg-brand-800"
              >
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldErrors meta={meta} />
    </fieldset>
  );
}
