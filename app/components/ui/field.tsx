import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "~/i18n/errors";

// The parts of a form, each taking a Conform field's metadata: its id, name, first value and
// errors, so a call site names the field once. Errors are message keys (app/i18n/errors.ts),
// announced as they appear and tied to the control by aria-describedby.

/** A field of any Conform form whose errors are message keys. */
export type Meta<Schema = unknown> = FieldMetadata<Schema, Record<string, unknown>, string[]>;

const control =
  "mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-xs focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none aria-invalid:border-red-600";

/** The hint's id and, while the field is invalid, the errors' id: what describes its control. */
export function describedBy(meta: Meta<unknown>, hint?: boolean) {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null];
  return ids.filter(Boolean).join(" ") || undefined;
}

/** What every control of a field carries: its look, whether it is invalid, what describes it. */
const controlState = (meta: Meta<unknown>, hint: ReactNode) => ({
  "aria-invalid": meta.errors?.length ? true : undefined,
  "aria-describedby": describedBy(meta, Boolean(hint)),
  className: control,
});

/** The field's errors, in the list its control points to (kept in place while empty). */
export function FieldErrors({ meta, className = "mt-1.5" }: { meta: Meta; className?: string }) {
  const { t } = useTranslation();
  return (
    <ul id={meta.errorId} className={`text-sm text-red-700 ${className}`} aria-live="polite">
      {meta.errors?.map((error) => (
        <li key={error}>{errorText(t, error)}</li>
      ))}
    </ul>
  );
}

/** Label, hint, control and errors, in that order. */
function FieldShell({
  meta,
  label,
  hint,
  className,
  children,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors meta={meta} />
    </div>
  );
}

type Common<Schema> = {
  meta: Meta<Schema>;
  label: ReactNode;
  hint?: ReactNode;
  /** Classes for the field's block (a column span). */
  className?: string;
};

type InputType = Parameters<typeof getInputProps>[1]["type"];

/** A labelled input. Other attributes (autoComplete, min, defaultValue...) go to the input. */
export function Field<Schema>({
  meta,
  label,
  hint,
  className,
  type,
  ...attributes
}: Common<Schema> & { type: Exclude<InputType, "checkbox" | "radio"> } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "type" | "id" | "name" | "className"
  >) {
  const { key, ...props } = getInputProps(meta, { type, ariaAttributes: false });
  return (
    <FieldShell meta={meta} label={label} hint={hint} className={className}>
      <input key={key} {...props} {...attributes} {...controlState(meta, hint)} />
    </FieldShell>
  );
}

/** A labelled select; its options are the children. */
export function SelectField<Schema>({
  meta,
  label,
  hint,
  className,
  children,
  ...attributes
}: Common<Schema> & { children: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "id" | "name" | "className" | "children"
  >) {
  const { key, ...props } = getSelectProps(meta, { ariaAttributes: false });
  return (
    <FieldShell meta={meta} label={label} hint={hint} className={className}>
      <select key={key} {...props} {...attributes} {...controlState(meta, hint)}>
        {children}
      </select>
    </FieldShell>
  );
}

/** A labelled text area. */
export function TextareaField<Schema>({
  meta,
  label,
  hint,
  className,
  ...attributes
}: Common<Schema> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className">) {
  const { key, ...props } = getTextareaProps(meta, { ariaAttributes: false });
  return (
    <FieldShell meta={meta} label={label} hint={hint} className={className}>
      <textarea key={key} {...props} {...attributes} {...controlState(meta, hint)} />
    </FieldShell>
  );
}

/**
 * A create form's one-time key (app/utils/form-key.ts), hidden, and the message shown when the
 * page is out of date and the key is refused.
 */
export function FormKeyInput({ meta, value }: { meta: Meta; value: string }) {
  return (
    <>
      <input type="hidden" name={meta.name} value={value} />
      <FieldErrors meta={meta} className="sm:col-span-2" />
    </>
  );
}
