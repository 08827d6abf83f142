/** Form-level errors (not tied to one field), announced to screen readers as an alert. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  // Hidden while empty, so it adds no gap to a spaced form; the id stays for aria-describedby.
  if (!errors?.length) return <div id={id} hidden />;
  return (
    <div
      id={id}
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800"
    >
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}
