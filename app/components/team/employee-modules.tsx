import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/training/status-badge";
import { ProgressBar } from "~/components/ui/progress-bar";
import { useFormat } from "~/i18n/use-format";
import type { Status } from "~/training/rollout/due";

/** One person's assigned modules with status, due date and progress. */
export function EmployeeModules({
  modules,
  labelledBy,
}: {
  modules: { slug: string; title: string; status: Status; dueDate: string; percent: number }[];
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!modules.length)
    return <p className="text-sm text-slate-600">{t("team:person.noModules")}</p>;
  return (
    <ul
      aria-labelledby={labelledBy}
      className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white"
    >
      {modules.map((m) => (
        <li
          key={m.slug}
          className="grid gap-2 px-4 py-3 sm:grid-cols-[1fr_auto_10rem] sm:items-center sm:gap-4"
        >
          <p className="font-medium text-slate-900">{m.title}</p>
          <p className="flex items-center gap-3 text-sm text-slate-700">
            <StatusBadge status={m.status} />
            <span className="whitespace-nowrap">
              {m.status === "completed"
                ? t("team:person.done")
                : t("team:person.due", { date: format.day(m.dueDate) })}
            </span>
          </p>
          <ProgressBar label={t("team:person.progress", { module: m.title })} percent={m.percent} />
        </li>
      ))}
    </ul>
  );
}
