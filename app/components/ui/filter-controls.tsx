import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

// The parts of a GET filter form (the team matrix, the people list): labelled selects and a
// search box that keep what the URL says, and the Show / Clear pair.

export const filterControl =
  "mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none";

const labelClass = "block text-sm font-medium text-slate-800";

export function FilterSelect({
  id,
  name,
  label,
  value,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={filterControl}>
        {children}
      </select>
    </div>
  );
}

export function FilterSearch({
  id,
  label,
  value,
  placeholder,
  className,
}: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={value}
        maxLength={100}
        placeholder={placeholder}
        className={filterControl}
      />
    </div>
  );
}

/** The submit button and the link back to the unfiltered page. */
export function FilterButtons({
  apply,
  clear,
  clearTo,
  className = "flex items-center gap-3",
}: {
  apply: string;
  clear: string;
  clearTo: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <button
        type="submit"
        className="rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {apply}
      </button>
      <Link to={clearTo} className="text-sm font-medium text-brand-700 underline">
        {clear}
      </Link>
    </div>
  );
}
