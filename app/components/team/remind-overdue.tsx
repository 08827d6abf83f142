import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { errorText } from "~/i18n/errors";

type Result =
  | { reminded: { name: string; sent: boolean } }
  | { remindError: string }
  | Record<string, unknown>
  | undefined;

/**
 * A manager's nudge for someone with overdue training: one e-mail listing every overdue module,
 * at most one a day per person (the server refuses a second with a message).
 */
export function RemindOverdue({
  employee,
  overdue,
  result,
}: {
  employee: { id: string; name: string };
  overdue: number;
  result: Result;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const firstName = employee.name.split(" ")[0] ?? employee.name;
  const reminded = result && "reminded" in result ? (result.reminded as { sent: boolean }) : null;
  const error = result && "remindError" in result ? String(result.remindError) : null;
  if (overdue === 0 && !reminded && !error) return null;
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "remind";
  return (
    <div
      id="remind"
      className="mb-4 scroll-mt-6 rounded-2xl border border-red-200 bg-red-50/60 px-4 py-3"
    >
      {reminded ? (
        <p role="status" className="text-sm font-medium text-green-900">
          {t(reminded.sent ? "team:person.remind.sent" : "team:person.remind.queued", {
            name: employee.name,
          })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {errorText(t, error)}
        </p>
      ) : null}
      {overdue > 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <p className="font-medium text-slate-900">
              {t("team:person.remind.lead", { name: firstName, count: overdue })}
            </p>
            <p className="text-sm text-slate-700">{t("team:person.remind.limit")}</p>
          </div>
          <ConfirmForm
            method="post"
            preventScrollReset
            question={t("team:person.remind.confirm", { name: firstName })}
          >
            <input type="hidden" name="intent" value="remind" />
            <input type="hidden" name="employeeId" value={employee.id} />
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("team:person.remind.button", { name: firstName })}
            </Button>
          </ConfirmForm>
        </div>
      ) : null}
    </div>
  );
}
