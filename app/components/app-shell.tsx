import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/auth/roles";
import { navigationFor, roleLabels } from "~/auth/roles";

type ShellUser = {
  name: string;
  email: string;
  role: Role;
  teamName?: string | null;
  /** Observations of this person not yet acknowledged (they are on "My record"). */
  toAcknowledge?: number;
};

/** Header with role-based navigation around every page; the bare page when nobody is signed in. */
export function AppShell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  const { t } = useTranslation();
  if (!user) return <>{children}</>;
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        {t("shell.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link to="/" className="text-lg font-bold tracking-tight text-brand-700">
            Frontline
          </Link>
          <nav
            aria-label={t("shell.mainNavigation")}
            className="order-3 w-full overflow-x-auto sm:order-none sm:w-auto"
          >
            <ul className="flex gap-1">
              {navigationFor(user.role).map((item) => (
                <li key={item.area}>
                  <NavLink
                    to={
                      item.area === "record" && user.toAcknowledge ? "/me#observations" : item.path
                    }
                    prefetch="intent"
                    className={({ isActive }) =>
                      `block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${
                        isActive
                          ? "bg-brand-50 text-brand-800"
                          : "text-slate-700 hover:bg-slate-100"
                      }`
                    }
                  >
                    {t(item.label)}
                    {item.area === "record" && user.toAcknowledge ? (
                      <>
                        {" "}
                        <span
                          aria-hidden="true"
                          className="ml-1 inline-flex min-w-5 justify-center rounded-full bg-red-700 px-1.5 text-xs leading-5 font-semibold text-white"
                        >
                          {user.toAcknowledge}
                        </span>
                        <span className="sr-only">
                          {t("shell.toAcknowledge", { count: user.toAcknowledge })}
                        </span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <div className="hidden text-right sm:block">
              <p className="text-sm font-medium text-slate-900">{user.name}</p>
              <p className="text-xs text-slate-600">
                {user.teamName
                  ? t("shell.roleInTeam", { role: t(roleLabels[user.role]), team: user.teamName })
                  : t(roleLabels[user.role])}
              </p>
            </div>
            <Form method="post" action="/logout">
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                {t("shell.logOut")}
              </button>
            </Form>
          </div>
        </div>
      </header>
      {children}
    </div>
  );
}
