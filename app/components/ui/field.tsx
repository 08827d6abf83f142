import type { InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "~/i18n/errors";

/** A labelled input with an optional hint, its errors announced and tied to it by aria-describedby. */
export function Field({
  label,
  hint,
  inputProps,
  errors,
  errorId,
}: {
  label: string;
  hint?: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string; key?: string | undefined };
  errors?: string[];
  errorId: string;
}) {
  const { t } = useTranslation();
  const { key, ...props } = inputProps;
  const invalid = Boolean(errors?.length);
  const hintId = `${props.id}-hint`;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        key={key}
        {...props}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        className="mt-1.5 block w-full rounded-lg border border-slate-300 px-3 py-2.5 text-base text-slate-900 shadow-xs focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none aria-invalid:border-red-600"
      />
      <ul id={errorId} className="mt-1.5 text-sm text-red-700" aria-live="polite">
        {errors?.map((error) => (
          <li key={error}>{errorText(t, error)}</li>
        ))}
      </ul>
    </div>
  );
}
