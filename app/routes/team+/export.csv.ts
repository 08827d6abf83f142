import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireArea } from "~/auth/permissions.server";
import { requestLocale } from "~/i18n/locale.server";
import { requestedSeparator } from "~/team/csv";
import { parseMatrixFilters } from "~/team/matrix-filters";
import { exportCsv } from "~/team/matrix.server";
import { plainBadRequest } from "~/utils/form.server";

// The /team matrix as a CSV file, with the same filters; streamed, so a large organisation's
// export starts at once and never sits whole in memory. Written in the manager's language.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, "team");
  const locale = await requestLocale(request, user);
  const search = new URL(request.url).searchParams;
  const parsed = parseMatrixFilters(search);
  if (!parsed.ok) throw plainBadRequest(parsed.message, locale);
  // ?sep=; for spreadsheets that split on semicolons (the default where a comma is the decimal sign).
  const separator = requestedSeparator(search);
  if (!separator) throw plainBadRequest("team:filters.errors.separator", locale);
  const now = new Date();
  const body = await exportCsv(user, parsed.filters, now, locale, separator);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="frontline-team-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
