import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/ui/data-table";
import { useFormat } from "~/i18n/use-format";

type Throttle = {
  key: string;
  kind: string;
  account: string | null;
  address: string | null;
  failures: number;
  latest: string;
  state: string;
  minutes: number;
};

const stateLook: Record<string, string> = {
  refused: "bg-red-50 text-red-800 ring-red-200",
  slowed: "bg-amber-50 text-amber-900 ring-amber-200",
  counting: "bg-slate-50 text-slate-700 ring-slate-200",
};

/**
 * Failed sign-ins being counted now (the last 15 minutes): who, how many, what the throttle does
 * about them, and a button that clears a count (an account's own, an address's, or both).
 */
export function ThrottlesSection({ throttles }: { throttles: Throttle[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const who = (row: Throttle) =>
    row.kind === "pair"
      ? t("admin:throttles.kinds.pair", { account: row.account, address: row.address })
      : row.kind === "client"
        ? t("admin:throttles.kinds.client", { address: row.address })
        : t("admin:throttles.kinds.account", { account: row.account });
  return (
    <section aria-labelledby="throttles-heading" className="mt-10">
      <h2 id="throttles-heading" className="mb-1 text-lg font-semibold">
        {t("admin:throttles.heading")}
      </h2>
      <p className="mb-3 max-w-prose text-sm text-slate-600">{t("admin:throttles.lead")}</p>
      {throttles.length === 0 ? (
        <p className="text-slate-700">{t("admin:throttles.none")}</p>
      ) : (
        <DataTable
          caption={t("admin:throttles.caption")}
          rows={throttles}
          rowKey={(row) => row.key}
          columns={[
            { key: "who", header: t("admin:throttles.columns.who"), cell: who },
            {
              key: "failures",
              header: t("admin:throttles.columns.failures"),
              className: "tabular-nums",
              cell: (row) => row.failures,
            },
            {
              key: "latest",
              header: t("admin:throttles.columns.latest"),
              cell: (row) => format.dateTime(row.latest),
            },
            {
              key: "state",
              header: t("admin:throttles.columns.state"),
              cell: (row) => (
                <span
                  className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${stateLook[row.state] ?? ""}`}
                >
                  {t(`admin:throttles.states.${row.state}`, { count: row.minutes })}
                </span>
              ),
            },
            {
              key: "clear",
              header: t("admin:throttles.columns.action"),
              cell: (row) => (
                <Form method="post">
                  <input type="hidden" name="key" value={row.key} />
                  <button
                    type="submit"
                    name="intent"
                    value="clear-throttle"
                    aria-label={t("admin:throttles.clearName", { who: who(row) })}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                  >
                    {t("admin:throttles.clear")}
                  </button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
