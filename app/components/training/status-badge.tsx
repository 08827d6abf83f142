import { useTranslation } from "react-i18next";
import { shortDate } from "~/utils/dates";
import type { Status } from "~/training/rollout/due";
import { statusLabels } from "~/training/rollout/due";

const styles: Record<Status, string> = {
  completed: "bg-green-100 text-green-900",
  overdue: "bg-red-100 text-red-900",
  "needs-retraining": "bg-violet-100 text-violet-900",
  "in-progress": "bg-sky-100 text-sky-900",
  "not-started": "bg-slate-100 text-slate-800",
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`status-badge ${styles[status]}`}>{t(statusLabels[status])}</span>;
}

/**
 * "12 March 2026" (long) or "12 Mar 2026" (medium) for a local YYYY-MM-DD date, in English only.
 * @deprecated Use `useFormat().day(date)` (app/i18n/use-format.ts), which writes the reader's
 * language; kept only until the pages outside training (team, /me) have moved to it.
 */
export function formatLocalDate(date: string, style: "long" | "medium" = "long") {
  // Medium dates are spelled by hand: Node and Chromium abbreviate September differently.
  if (style === "medium") return shortDate(date);
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  });
}
