import { useTranslation } from "react-i18next";
import { errorText } from "~/i18n/errors";

/** Form-level errors (not tied to one field), announced to screen readers as an alert. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  // Hidden while empty, so it adds no gap to a spaced form; the id stays for aria-describedby.
  if (!errors?.length) return <div id={id} hidden />;
  return (
    <div
      id={id}
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800"
    >
      {errors.map((error) => (
        <p key={error}>{errorText(t, error)}</p>
      ))}
    </div>
  );
}
