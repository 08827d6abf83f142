import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsv, parseAuditFilters } from "~/admin/audit-log.server";
import { requireArea } from "~/auth/permissions.server";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { requestedSeparator } from "~/team/csv";
import { plainBadRequest } from "~/utils/form.server";

// The audit log as CSV with /admin/audit's filters, streamed; headings in the admin's language.

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireArea(request, "admin");
  const locale = await requestLocale(request, admin);
  const parsed = parseAuditFilters(new URL(request.url).searchParams);
  if (!parsed.success) throw plainBadRequest("admin:audit.badFilter", locale);
  const separator = requestedSeparator(new URL(request.url).searchParams);
  if (!separator) throw plainBadRequest("team:filters.errors.separator", locale);
  const t = fixedT(locale, "admin");
  const header = [
    "whenUtc",
    "actor",
    "action",
    "targetType",
    "target",
    "change",
    "from_address",
  ].map((key) => t(`admin:audit.csv.${key}`));
  const now = new Date();
  return new Response(auditCsv(parsed.data, admin.timeZone, header, separator), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="frontline-audit-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
