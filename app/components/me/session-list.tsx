import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, RecordTable } from "~/components/training/record-parts";
import { Button } from "~/components/ui/button";

export type SessionRow = { current: boolean; signedIn: string; lastActive: string };

/**
 * The user's signed-in sessions, with what we store of each (when it began, when it was last
 * used, to the hour), and a button that ends all but this one.
 */
export function SessionList({ sessions, notice }: { sessions: SessionRow[]; notice?: string }) {
  const { t } = useTranslation();
  const others = sessions.filter((s) => !s.current).length;
  const pending = useNavigation().formData?.get("intent") === "end-other-sessions";
  return (
    <div className="space-y-4">
      {notice ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      ) : null}
      <RecordTable
        labelledBy="sessions"
        columns={[
          t("auth:security.sessions.session"),
          t("auth:security.sessions.signedIn"),
          t("auth:security.sessions.lastActive"),
        ]}
        rows={sessions.map((s, index) => ({
          key: String(index),
          cells: [
            s.current ? (
              <Badge tone="green">{t("auth:security.sessions.thisBrowser")}</Badge>
            ) : (
              <span>{t("auth:security.sessions.otherDevice")}</span>
            ),
            s.signedIn,
            s.lastActive,
          ],
        }))}
      />
      {others ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-other-sessions" />
          <Button type="submit" variant="secondary" pending={pending}>
            {t("auth:security.sessions.signOutOthers")}
          </Button>
        </Form>
      ) : (
        <p className="text-sm text-slate-700">{t("auth:security.sessions.onlyThisBrowser")}</p>
      )}
    </div>
  );
}
