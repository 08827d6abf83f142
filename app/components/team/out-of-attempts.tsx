import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { errorText } from "~/i18n/errors";
import type { OutOfAttempts } from "~/training/attempt-limits.server";

type Result =
  | { granted: { title: string; name: string } }
  | { result: { error?: Record<string, string[] | null> | null } }
  | undefined;

/**
 * The quizzes and role-plays a person has used every attempt at without passing, each with a
 * button that allows one more (one form each, with its own one-time key).
 */
export function OutOfAttemptsList({
  items,
  employee,
  labelledBy,
  result,
}: {
  items: (OutOfAttempts & { formKey: string })[];
  employee: { id: string; name: string };
  labelledBy: string;
  result: Result;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const errors = result && "result" in result ? Object.values(result.result.error ?? {}) : [];
  const error = errors.flat().find((e): e is string => typeof e === "string");
  return (
    <div className="space-y-3">
      {result && "granted" in result ? (
        <p
          role="status"
          className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {t("team:person.attempts.allowed", result.granted)}
        </p>
      ) : null}
      {error ? (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {errorText(t, error)}
        </p>
      ) : null}
      {items.length ? (
        <>
          <p className="text-sm text-slate-700">
            {t("team:person.attempts.lead", { name: employee.name.split(" ")[0] })}
          </p>
          <ul
            aria-labelledby={labelledBy}
            className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white"
          >
            {items.map((item) => {
              const titleId = `attempts-${item.slug}-${item.itemId}`;
              const pending =
                navigation.state !== "idle" && navigation.formData?.get("itemId") === item.itemId;
              return (
                <li
                  key={`${item.slug}/${item.itemId}`}
                  className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
                >
                  <div>
                    <p id={titleId} className="font-medium text-slate-900">
                      {t(`team:person.attempts.${item.kind}`, { title: item.title })}
                    </p>
                    <p className="text-sm text-slate-600">
                      {item.module} ·{" "}
                      {t("team:person.attempts.used", { used: item.used, count: item.allowed })}
                    </p>
                  </div>
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="intent" value="grant-attempt" />
                    <input type="hidden" name="formKey" value={item.formKey} />
                    <input type="hidden" name="employeeId" value={employee.id} />
                    <input type="hidden" name="slug" value={item.slug} />
                    <input type="hidden" name="kind" value={item.kind} />
                    <input type="hidden" name="itemId" value={item.itemId} />
                    <Button
                      type="submit"
                      variant="secondary"
                      pending={pending}
                      aria-describedby={titleId}
                    >
                      {t("team:person.attempts.allow")}
                    </Button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
