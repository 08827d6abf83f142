/** A labelled progress bar (0–100), announced to assistive technology with its value. */
export function ProgressBar({
  label,
  percent,
  className = "",
}: {
  label: string;
  percent: number;
  className?: string;
}) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      className={`h-1.5 rounded-full bg-slate-200 ${className}`}
      role="progressbar"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div
        className="h-1.5 rounded-full bg-brand-600 transition-[width]"
        style={{ width: `${value}%` }}
      />
    </div>
  );
}
