import { useTranslation } from "react-i18next";
import type { Status } from "~/training/rollout/due";
import { statusLabels } from "~/training/rollout/due";

const styles: Record<Status, string> = {
  completed: "bg-green-100 text-green-900",
  overdue: "bg-red-100 text-red-900",
  "needs-retraining": "bg-violet-100 text-violet-900",
  "in-progress": "bg-sky-100 text-sky-900",
  "not-started": "bg-slate-100 text-slate-800",
};

/** The badge's classes, for tables of thousands that look each label up once (matrix-table). */
export const statusBadgeClass = (status: Status) => `status-badge ${styles[status]}`;

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={statusBadgeClass(status)}>{t(statusLabels[status])}</span>;
}
