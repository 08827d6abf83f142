import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";

export type Invited = {
  name: string;
  email: string;
  link: string;
  expiresOn: string;
  sent: boolean;
};

/**
 * After adding or re-inviting someone: whether the e-mail went, and the link itself, shown this
 * once, for the admin to pass on when there is no mail server or the message does not arrive.
 */
export function InvitationSent({ invited }: { invited: Invited }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [copied, setCopied] = useState(false);
  const inputId = `invitation-link-${invited.email}`;
  return (
    <div
      role="status"
      className={`rounded-xl border px-4 py-3 text-sm ${
        invited.sent
          ? "border-green-200 bg-green-50 text-green-950"
          : "border-amber-300 bg-amber-50 text-amber-950"
      }`}
    >
      <p className="font-medium">
        {t(invited.sent ? "admin:invited.sent" : "admin:invited.notSent", invited)}
      </p>
      <label htmlFor={inputId} className="mt-2 block">
        {t("admin:invited.copy", { date: format.day(invited.expiresOn) })}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={inputId}
          readOnly
          value={invited.link}
          aria-label={t("admin:invited.linkLabel", { name: invited.name })}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
        />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(invited.link).then(() => setCopied(true));
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-900 hover:bg-slate-50"
        >
          {copied ? t("admin:invited.copied") : t("admin:invited.copyButton")}
        </button>
      </div>
    </div>
  );
}
