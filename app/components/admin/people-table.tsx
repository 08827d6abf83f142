import { Form, Link } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { bulkActions } from "~/admin/forms";
import type { PeopleFilters, PeopleSortKey } from "~/admin/people-filters";
import { peopleSearch } from "~/admin/people-filters";
import { isRole, roleLabels } from "~/auth/roles";
import { DataTable, type Column } from "~/components/ui/data-table";
import { filterControl } from "~/components/ui/filter-controls";
import { isLocale, localeNames } from "~/i18n/config";
import { useFormat } from "~/i18n/use-format";

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  locale: string;
  lastSignInAt: string | Date | null;
  team: { id: string; name: string } | null;
  password: { userId: string } | null;
  ssoLinks: { issuer: string }[];
  invitations: { expiresAt: string | Date }[];
};

/** How a person signs in: password, company sign-in, an open invitation, or nothing yet. */
export function SignInSummary({ person }: { person: PersonRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = [
    ...(person.password ? [t("admin:people.password")] : []),
    ...(person.ssoLinks.length ? [t("admin:people.sso")] : []),
  ];
  if (parts.length) return <span>{parts.join(", ")}</span>;
  const invitation = person.invitations[0];
  const open = invitation && new Date(invitation.expiresAt) > new Date();
  return (
    <span className={open ? "text-slate-800" : "text-amber-800"}>
      {open
        ? t("admin:people.invited", {
            date: format.day(new Date(invitation.expiresAt).toISOString().slice(0, 10)),
          })
        : invitation
          ? t("admin:people.inviteExpired")
          : t("admin:people.noSignIn")}
    </span>
  );
}

/**
 * Everyone on this page of the list, each with a box to tick, and what to do with the ticked ones:
 * move them to a team, deactivate, reactivate, or send new invitation links. The browser asks
 * before anything is sent, naming the action and how many people it touches.
 */
export function PeopleTable({
  people,
  filters,
  teams,
}: {
  people: PersonRow[];
  filters: PeopleFilters;
  teams: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [action, setAction] = useState<(typeof bulkActions)[number]>("move-team");
  const count = () =>
    formRef.current
      ? [...formRef.current.querySelectorAll<HTMLInputElement>("input[name=userIds]")].filter(
          (box) => box.checked,
        ).length
      : ticked.length;
  const allTicked = people.length > 0 && ticked.length === people.length;

  const sortHeading = (key: PeopleSortKey, label: string) => {
    const active = filters.sort === key;
    const dir = active && filters.dir === "asc" ? "desc" : "asc";
    return {
      sort: active
        ? filters.dir === "asc"
          ? ("ascending" as const)
          : ("descending" as const)
        : undefined,
      header: (
        <Link
          to={peopleSearch(filters, { sort: key, dir, page: 1 })}
          className="inline-flex items-center gap-1 underline decoration-slate-300 underline-offset-4 hover:decoration-slate-700"
        >
          {label}
          <span aria-hidden="true">{active ? (filters.dir === "asc" ? "▲" : "▼") : ""}</span>
        </Link>
      ),
    };
  };

  const columns: Column<PersonRow>[] = [
    {
      key: "tick",
      header: (
        <input
          type="checkbox"
          aria-label={t("admin:peopleList.tickAll")}
          checked={allTicked}
          onChange={(event) => setTicked(event.target.checked ? people.map((p) => p.id) : [])}
          className="size-4 accent-brand-700"
        />
      ),
      cell: (person) => (
        <input
          type="checkbox"
          name="userIds"
          value={person.id}
          aria-label={t("admin:peopleList.tick", { name: person.name })}
          checked={ticked.includes(person.id)}
          onChange={(event) =>
            setTicked((now) =>
              event.target.checked ? [...now, person.id] : now.filter((id) => id !== person.id),
            )
          }
          className="size-4 accent-brand-700"
        />
      ),
    },
    {
      key: "name",
      rowHeader: true,
      // Wide enough for a name and an e-mail on a phone: the table scrolls sideways instead.
      className: "min-w-56",
      ...sortHeading("name", t("admin:people.columns.name")),
      cell: (person) => (
        <>
          <Link
            to={`/admin/people/${person.id}`}
            className="font-medium text-brand-800 underline decoration-brand-200 underline-offset-4 hover:decoration-brand-800"
          >
            {person.name}
          </Link>
          <p className="font-normal break-words text-slate-600">{person.email}</p>
        </>
      ),
    },
    {
      key: "role",
      className: "whitespace-nowrap",
      ...sortHeading("role", t("admin:people.columns.role")),
      cell: (person) => (isRole(person.role) ? t(roleLabels[person.role]) : person.role),
    },
    {
      key: "team",
      className: "whitespace-nowrap",
      ...sortHeading("team", t("admin:people.columns.team")),
      cell: (person) => person.team?.name ?? "—",
    },
    {
      key: "locale",
      className: "whitespace-nowrap",
      header: t("admin:peopleList.columns.locale"),
      cell: (person) =>
        isLocale(person.locale) ? (
          <span lang={person.locale}>{localeNames[person.locale]}</span>
        ) : (
          person.locale
        ),
    },
    {
      key: "signIn",
      header: t("admin:people.columns.signIn"),
      cell: (person) => <SignInSummary person={person} />,
    },
    {
      key: "lastSignIn",
      className: "whitespace-nowrap",
      ...sortHeading("lastSignIn", t("admin:peopleList.columns.lastSignIn")),
      cell: (person) =>
        person.lastSignInAt ? format.date(person.lastSignInAt) : t("admin:peopleList.never"),
    },
    {
      key: "status",
      className: "whitespace-nowrap",
      header: t("admin:people.columns.status"),
      cell: (person) => (
        <span className={person.active ? "text-green-800" : "text-slate-600"}>
          {person.active ? t("admin:people.active") : t("admin:people.inactive")}
        </span>
      ),
    },
  ];

  const question = () => {
    const n = count();
    const team = teams.find((x) => x.id === formRef.current?.teamId?.value)?.name ?? "";
    return t(`admin:peopleList.bulk.confirm.${action}`, { count: n, team });
  };

  return (
    <Form
      ref={formRef}
      method="post"
      id="bulk-people"
      onSubmit={(event) => {
        if (!window.confirm(question())) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="bulk" />
      <fieldset className="mb-3 grid gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <legend className="px-1 text-sm font-semibold text-slate-900">
          {t("admin:peopleList.bulk.legend", { count: ticked.length })}
        </legend>
        <div>
          <label htmlFor="bulk-action" className="block text-sm font-medium text-slate-800">
            {t("admin:peopleList.bulk.action")}
          </label>
          <select
            id="bulk-action"
            name="action"
            value={action}
            onChange={(event) => setAction(event.target.value as typeof action)}
            className={filterControl}
          >
            {bulkActions.map((value) => (
              <option key={value} value={value}>
                {t(`admin:peopleList.bulk.actions.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="bulk-team" className="block text-sm font-medium text-slate-800">
            {t("admin:peopleList.bulk.team")}
          </label>
          <select
            id="bulk-team"
            name="teamId"
            disabled={action !== "move-team"}
            className={`${filterControl} disabled:bg-slate-100 disabled:text-slate-500`}
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("admin:peopleList.bulk.apply")}
        </button>
      </fieldset>
      <DataTable
        caption={t("admin:people.caption")}
        rows={people}
        rowKey={(person) => person.id}
        columns={columns}
      />
    </Form>
  );
}
