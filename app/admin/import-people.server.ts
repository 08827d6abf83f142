import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor, AuditAction, AuditTarget } from "~/audit/audit.server";
import type { Prisma } from "~/generated/prisma/client";
import { personTarget } from "~/audit/audit.server";
import { roleLabels, roles, type Role } from "~/auth/roles";
import type { Db } from "~/db.server";
import { prisma } from "~/db.server";
import { localeNames, locales, type Locale } from "~/i18n/config";
import { fixedT } from "~/i18n/i18n.server";
import { log } from "~/utils/log.server";
import { foldForSearch, searchKeyOf } from "~/utils/search-key";
import type { CsvFile } from "./csv-file";
import { looksLikeFormula } from "./csv-file";
import { teamSlug } from "./teams.server";

// Bringing the staff in from the HR system's spreadsheet. The file's columns are mapped to
// Frontline's fields; every row is previewed as create / update / unchanged / error with its line
// number and reasons; the whole file is then applied in one transaction, or nothing is. The same
// file twice changes nothing the second time (people are matched by e-mail).
//
// The rules, row by row:
// - e-mail: required, the key (lower case). The same e-mail twice in a file: the later line is an
//   error.
// - name: required for someone new; an empty cell leaves an existing person's name as it is (so do
//   the other columns: an empty cell changes nothing).
// - team: by name, case ignored. A team that does not exist yet is created when the admin asks for
//   it, else the row is an error; an archived team is an error.
// - role: employee/manager/trainer/admin, or its name in any of Frontline's languages ("Vodja").
//   New people without one are employees.
// - language: en/sl/sk/da/lt or the language's own name ("Slovenščina"); new people default to
//   English.
// - hire date: 2026-03-01, 1. 3. 2026, 01.03.2026 or 01-03-2026 (day first, as written in the
//   client's countries); 03/01/2026 is refused as ambiguous.
// - manager e-mail: someone (already here, or made a manager or admin by this file) who becomes
//   one of the row's team's managers.
// - a cell that would run as a spreadsheet formula (=, +, -, @ first) makes its row an error.
// - the admin's own row may not change their role.

export const importFields = [
  "email",
  "name",
  "team",
  "role",
  "locale",
  "hiredAt",
  "managerEmail",
] as const;
export type ImportField = (typeof importFields)[number];
/** For each field, the column it is read from (0-based), or -1 for none. */
export type Mapping = Record<ImportField, number>;

/** Column names recognised for each field, folded (lower case, no accents), in the five languages. */
const headerNames: Record<ImportField, string[]> = {
  email: [
    "email",
    "e-mail",
    "e mail",
    "mail",
    "e-posta",
    "e-postni naslov",
    "el. postas",
    "el. pastas",
    "el.pastas",
    "e-pasts",
    "work e-mail",
    "sluzbeni e-postni naslov",
    "pracovny e-mail",
    "arbejdsmail",
    "darbo el. pastas",
  ],
  name: [
    "name",
    "full name",
    "ime",
    "ime in priimek",
    "meno",
    "cele meno",
    "meno a priezvisko",
    "navn",
    "fulde navn",
    "vardas",
    "vardas ir pavarde",
  ],
  team: ["team", "ekipa", "tim", "komanda", "oddelek", "department"],
  role: ["role", "vloga", "rola", "rolle", "vaidmuo"],
  locale: ["language", "locale", "jezik", "jazyk", "sprog", "kalba"],
  hiredAt: [
    "hire date",
    "hired",
    "start date",
    "datum zaposlitve",
    "datum nastopa",
    "datum nastupu",
    "nastup",
    "ansaettelsesdato",
    "startdato",
    "idarbinimo data",
    "pradzios data",
  ],
  managerEmail: [
    "manager e-mail",
    "manager email",
    "manager",
    "vodja",
    "e-posta vodje",
    "veduci",
    "e-mail veduceho",
    "leder",
    "leders mail",
    "vadovas",
    "vadovo el. pastas",
  ],
};

/** The field each column is most likely, by its heading; each field at most once. */
export function guessMapping(header: string[]): Mapping {
  const mapping = Object.fromEntries(importFields.map((f) => [f, -1])) as Mapping;
  const folded = header.map((h) => foldForSearch(h).replace(/[_:]+/g, " ").trim());
  for (const field of importFields) {
    const column = folded.findIndex(
      (h, i) => headerNames[field].includes(h) && !Object.values(mapping).includes(i),
    );
    mapping[field] = column;
  }
  return mapping;
}

const MappingSchema = z.object(
  Object.fromEntries(
    importFields.map((f) => [f, z.coerce.number().int().min(-1).max(49)]),
  ) as Record<ImportField, z.ZodCoercedNumber>,
);
export const parseMapping = (value: unknown) => MappingSchema.safeParse(value);

/** A reason a row is refused: a message key and its values, put into words on the page. */
export type Reason = { key: string; values?: Record<string, string | number> };
export type RowPlan = {
  line: number;
  email: string;
  name: string;
  status: "create" | "update" | "unchanged" | "error";
  reasons: Reason[];
  /** For an update, what changes: "team: Front desk → Call centre". */
  changes: string[];
};
export type Preview = {
  rows: RowPlan[];
  counts: Record<RowPlan["status"], number>;
  newTeams: string[];
};

// --- reading cells ------------------------------------------------------------------------------

/** Role ids by every name they have in any language, folded. */
const roleNames = (() => {
  const names = new Map<string, Role>();
  for (const role of roles) {
    names.set(role, role);
    for (const locale of locales) names.set(foldForSearch(fixedT(locale)(roleLabels[role])), role);
  }
  return names;
})();
const localeByName = new Map<string, Locale>(
  locales.flatMap((l) => [
    [l, l],
    [foldForSearch(localeNames[l]), l],
  ]),
);

/** A hire date as YYYY-MM-DD, or null when it is not a real date in 1900–2099 written one of our ways. */
export function readDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dayFirst = /^(\d{1,2})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{4})\.?$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  else return null;
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2099) return null;
  return at.toISOString().slice(0, 10);
}

const managesTeams = (role: string) => role === "manager" || role === "admin";
const isEmail = (text: string) => z.email().safeParse(text).success && text.length <= 254;

// --- the preview ----------------------------------------------------------------------------------

type Reader = Pick<Db, "user" | "team" | "teamManager">;
const chunk = <T>(items: T[], size = 500) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

type Person = {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  teamId: string | null;
  hiredAt: Date | null;
};
type Team = { id: string; name: string; archivedAt: Date | null };

/** What the database holds for the file's people, teams and managers: a few queries, not one a row. */
async function existing(db: Reader, emails: string[]) {
  const people = new Map<string, Person>();
  for (const part of chunk(emails))
    for (const p of await db.user.findMany({
      where: { email: { in: part } },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        locale: true,
        teamId: true,
        hiredAt: true,
      },
    }))
      people.set(p.email, p);
  const teams = await db.team.findMany({ select: { id: true, name: true, archivedAt: true } });
  const managers = await db.teamManager.findMany({ select: { teamId: true, userId: true } });
  return {
    people,
    teamsByName: new Map<string, Team>(teams.map((t) => [t.name.toLocaleLowerCase(), t])),
    teamsById: new Map<string, Team>(teams.map((t) => [t.id, t])),
    managed: new Set(managers.map((m) => `${m.teamId}\0${m.userId}`)),
  };
}

type Planned = RowPlan & {
  data?: {
    name: string;
    role: Role;
    locale: Locale;
    teamName: string | null;
    hiredAt: string | null;
  };
  personId?: string;
  managerEmail?: string;
};

export async function previewImport(
  db: Reader,
  file: CsvFile,
  mapping: Mapping,
  options: { createTeams: boolean; adminId: string },
): Promise<Preview & { planned: Planned[]; lookup: Awaited<ReturnType<typeof existing>> }> {
  const cell = (cells: string[], field: ImportField) =>
    mapping[field] >= 0 ? (cells[mapping[field]] ?? "").trim() : "";
  const emails = file.rows.map((r) => cell(r.cells, "email").toLowerCase()).filter(Boolean);
  const managerEmails = file.rows
    .map((r) => cell(r.cells, "managerEmail").toLowerCase())
    .filter(Boolean);
  const lookup = await existing(db, [...new Set([...emails, ...managerEmails])]);
  const firstLine = new Map<string, number>();
  const newTeams = new Map<string, string>();
  const planned: Planned[] = [];

  for (const row of file.rows) {
    const email = cell(row.cells, "email").toLowerCase();
    const reasons: Reason[] = [];
    const refuse = (key: string, values?: Reason["values"]) => reasons.push({ key, values });
    for (const field of importFields) {
      const raw = mapping[field] >= 0 ? (row.cells[mapping[field]] ?? "") : "";
      if (raw && looksLikeFormula(raw))
        refuse("admin:import.reasons.formula", { column: file.header[mapping[field]] ?? field });
    }
    if (!email) refuse("admin:import.reasons.noEmail");
    else if (!isEmail(email)) refuse("admin:import.reasons.badEmail", { email });
    else if (firstLine.has(email))
      refuse("admin:import.reasons.duplicate", { line: firstLine.get(email)! });
    else firstLine.set(email, row.line);
    const person = lookup.people.get(email);

    const name = cell(row.cells, "name").replace(/\s+/g, " ");
    if (!person && name.length < 2) refuse("admin:import.reasons.noName");
    if (name.length > 120) refuse("admin:import.reasons.nameTooLong");

    const roleText = cell(row.cells, "role");
    const role = roleText ? roleNames.get(foldForSearch(roleText)) : undefined;
    if (roleText && !role) refuse("admin:import.reasons.badRole", { value: roleText });
    const localeText = cell(row.cells, "locale");
    const locale = localeText ? localeByName.get(foldForSearch(localeText)) : undefined;
    if (localeText && !locale) refuse("admin:import.reasons.badLocale", { value: localeText });
    const dateText = cell(row.cells, "hiredAt");
    const hiredAt = dateText ? readDate(dateText) : null;
    if (dateText && !hiredAt) refuse("admin:import.reasons.badDate", { value: dateText });

    const teamText = cell(row.cells, "team").replace(/\s+/g, " ");
    let teamName: string | null = null;
    if (teamText) {
      const team = lookup.teamsByName.get(teamText.toLocaleLowerCase());
      if (team?.archivedAt) refuse("admin:import.reasons.archivedTeam", { team: team.name });
      else if (team) teamName = team.name;
      else if (teamText.length > 80) refuse("admin:import.reasons.teamTooLong");
      else if (options.createTeams) {
        teamName = newTeams.get(teamText.toLocaleLowerCase()) ?? teamText;
        newTeams.set(teamText.toLocaleLowerCase(), teamName);
      } else refuse("admin:import.reasons.unknownTeam", { team: teamText });
    }
    const managerEmail = cell(row.cells, "managerEmail").toLowerCase();
    if (managerEmail && !teamText) refuse("admin:import.reasons.managerWithoutTeam");
    if (person && person.id === options.adminId && role && role !== person.role)
      refuse("admin:import.reasons.ownRole");

    const data = {
      name: name || person?.name || "",
      role: role ?? (person?.role as Role | undefined) ?? "employee",
      locale: locale ?? (person?.locale as Locale | undefined) ?? "en",
      teamName: teamText
        ? teamName
        : person?.teamId
          ? (lookup.teamsById.get(person.teamId)?.name ?? null)
          : null,
      hiredAt: hiredAt ?? (person?.hiredAt ? person.hiredAt.toISOString().slice(0, 10) : null),
    };
    const changes: string[] = [];
    if (person) {
      const was = {
        name: person.name,
        role: person.role,
        locale: person.locale,
        team: person.teamId ? (lookup.teamsById.get(person.teamId)?.name ?? "") : "",
        hiredAt: person.hiredAt ? person.hiredAt.toISOString().slice(0, 10) : "",
      };
      if (data.name !== was.name) changes.push(`name: ${was.name} → ${data.name}`);
      if (data.role !== was.role) changes.push(`role: ${was.role} → ${data.role}`);
      // Someone who stops being a manager stops managing (as on their page).
      const led = [...lookup.managed]
        .filter((link) => link.endsWith(`\0${person.id}`))
        .map((link) => lookup.teamsById.get(link.split("\0")[0]!)?.name ?? "");
      if (led.length && !managesTeams(data.role))
        changes.push(`no longer manages: ${led.sort().join(", ")}`);
      if (data.locale !== was.locale) changes.push(`language: ${was.locale} → ${data.locale}`);
      if ((data.teamName ?? "") !== was.team)
        changes.push(`team: ${was.team || "none"} → ${data.teamName ?? "none"}`);
      if ((data.hiredAt ?? "") !== was.hiredAt)
        changes.push(`hire date: ${was.hiredAt || "—"} → ${data.hiredAt ?? "—"}`);
    }
    planned.push({
      line: row.line,
      email,
      name: data.name,
      status: reasons.length
        ? "error"
        : !person
          ? "create"
          : changes.length
            ? "update"
            : "unchanged",
      reasons,
      changes,
      data,
      personId: person?.id,
      managerEmail: managerEmail || undefined,
    });
  }

  // Managers: someone already a manager (or admin), or made one by this file.
  const fileRoles = new Map(
    planned.filter((p) => p.status !== "error").map((p) => [p.email, p.data!.role]),
  );
  for (const plan of planned) {
    if (!plan.managerEmail || plan.status === "error") continue;
    const role = fileRoles.get(plan.managerEmail) ?? lookup.people.get(plan.managerEmail)?.role;
    if (!role) {
      plan.reasons.push({
        key: "admin:import.reasons.unknownManager",
        values: { email: plan.managerEmail },
      });
      plan.status = "error";
    } else if (role !== "manager" && role !== "admin") {
      plan.reasons.push({
        key: "admin:import.reasons.notAManager",
        values: { email: plan.managerEmail },
      });
      plan.status = "error";
    } else {
      const team = lookup.teamsByName.get((plan.data!.teamName ?? "").toLocaleLowerCase());
      const manager = lookup.people.get(plan.managerEmail);
      if (!team || !manager || !lookup.managed.has(`${team.id}\0${manager.id}`)) {
        plan.changes.push(`managers of ${plan.data!.teamName}: + ${plan.managerEmail}`);
        if (plan.status === "unchanged") plan.status = "update";
      }
    }
  }
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const p of planned) counts[p.status]++;
  const rows = planned.map(({ line, email, name, status, reasons, changes }) => ({
    line,
    email,
    name,
    status,
    reasons,
    changes,
  }));
  const usedTeams = new Set(
    planned.filter((p) => p.status !== "error").map((p) => p.data!.teamName?.toLocaleLowerCase()),
  );
  return {
    rows,
    counts,
    newTeams: [...newTeams].filter(([key]) => usedTeams.has(key)).map(([, name]) => name),
    planned,
    lookup,
  };
}

// --- applying it ----------------------------------------------------------------------------------

export type ApplyResult =
  | {
      ok: true;
      created: number;
      updated: number;
      unchanged: number;
      teams: number;
      invited: string[];
    }
  | { ok: false; preview: Preview };

/**
 * Preview the file again inside one transaction and, when no row is an error, write it all:
 * new teams, new people (no password: each gets an invitation, queued), updates, team managers,
 * one audit event per change and one for the import. A row in error writes nothing at all.
 */
export async function applyImport(
  actor: Actor & { id: string },
  file: CsvFile,
  mapping: Mapping,
  options: { createTeams: boolean; fileName: string },
): Promise<ApplyResult> {
  const started = performance.now();
  const result = await prisma.$transaction(
    async (tx) => {
      const preview = await previewImport(tx, file, mapping, { ...options, adminId: actor.id });
      if (preview.counts.error > 0) return { ok: false as const, preview };
      // Nothing new (the same file again): nothing is written, not even an event.
      if (preview.counts.create + preview.counts.update === 0)
        return {
          ok: true as const,
          created: 0,
          updated: 0,
          unchanged: preview.counts.unchanged,
          teams: 0,
          invited: [],
        };
      const now = new Date();
      const teamIds = new Map<string, string>();
      for (const [key, team] of preview.lookup.teamsByName) teamIds.set(key, team.id);
      const takenSlugs = new Set(
        (await tx.team.findMany({ select: { slug: true } })).map((t) => t.slug),
      );
      const audits: Prisma.AuditEventCreateManyInput[] = [];
      const event = (action: AuditAction, target: AuditTarget, summary: string) =>
        audits.push({
          at: now,
          actorId: actor.id,
          actorLabel: actor.label.slice(0, 300),
          action,
          targetType: target.type,
          targetId: target.id,
          targetLabel: target.label.slice(0, 300),
          summary: summary.slice(0, 500),
          clientAddress: actor.clientAddress?.slice(0, 100) ?? null,
        });
      for (const name of preview.newTeams) {
        let slug = teamSlug(name);
        for (let n = 2; takenSlugs.has(slug); n++) slug = `${teamSlug(name)}-${n}`;
        takenSlugs.add(slug);
        const id = randomUUID();
        await tx.team.create({ data: { id, name, slug }, select: { id: true } });
        teamIds.set(name.toLocaleLowerCase(), id);
        event(
          "team.add",
          { type: "team", id, label: name },
          `created by the import of ${options.fileName}`,
        );
      }
      const ids = new Map<string, string>(
        [...preview.lookup.people].map(([email, p]) => [email, p.id]),
      );
      const teamOf = (name: string | null) =>
        name ? teamIds.get(name.toLocaleLowerCase())! : null;
      const created = preview.planned.filter((p) => p.status === "create");
      const rows = created.map((p) => {
        const id = randomUUID();
        ids.set(p.email, id);
        return {
          id,
          email: p.email,
          name: p.data!.name,
          searchKey: searchKeyOf(p.data!.name),
          role: p.data!.role,
          locale: p.data!.locale,
          teamId: teamOf(p.data!.teamName),
          hiredAt: p.data!.hiredAt ? new Date(`${p.data!.hiredAt}T09:00:00Z`) : null,
        };
      });
      for (const part of chunk(rows)) await tx.user.createMany({ data: part });
      for (const p of created)
        event(
          "person.add",
          personTarget({ id: ids.get(p.email)!, name: p.data!.name, email: p.email }),
          `imported from ${options.fileName} (line ${p.line}); role: ${p.data!.role}; team: ${p.data!.teamName ?? "none"}; language: ${p.data!.locale}; invited to choose a password`,
        );
      const updated = preview.planned.filter((p) => p.status === "update");
      for (const p of updated) {
        if (p.personId && p.changes.some((c) => !c.startsWith("managers of ")))
          await tx.user.update({
            where: { id: p.personId },
            data: {
              name: p.data!.name,
              searchKey: searchKeyOf(p.data!.name),
              role: p.data!.role,
              locale: p.data!.locale,
              teamId: teamOf(p.data!.teamName),
              hiredAt: p.data!.hiredAt ? new Date(`${p.data!.hiredAt}T09:00:00Z`) : null,
            },
            select: { id: true },
          });
        event(
          "person.update",
          personTarget({ id: p.personId ?? ids.get(p.email)!, name: p.data!.name, email: p.email }),
          `imported from ${options.fileName} (line ${p.line}): ${p.changes.join("; ")}`,
        );
      }
      const demoted = updated
        .filter((p) => p.personId && !managesTeams(p.data!.role))
        .map((p) => p.personId!);
      for (const part of chunk(demoted))
        await tx.teamManager.deleteMany({ where: { userId: { in: part } } });
      const managerLinks = new Set<string>();
      for (const p of preview.planned) {
        if (!p.managerEmail || p.status === "unchanged") continue;
        const teamId = teamOf(p.data!.teamName)!;
        const userId = ids.get(p.managerEmail)!;
        if (!preview.lookup.managed.has(`${teamId}\0${userId}`))
          managerLinks.add(`${teamId}\0${userId}`);
      }
      for (const link of managerLinks) {
        const [teamId, userId] = link.split("\0") as [string, string];
        await tx.teamManager.create({ data: { teamId, userId }, select: { userId: true } });
      }
      // Invitations go through the outbox: the link is made when the message is sent.
      for (const part of chunk(created))
        await tx.reminderOutbox.createMany({
          data: part.map((p) => ({
            userId: ids.get(p.email)!,
            kind: "invitation",
            slot: now.toISOString(),
            subject: "",
            body: actor.label.replace(/ <.*>$/, ""),
            dueAt: now,
          })),
        });
      event(
        "people.import",
        { type: "import", id: randomUUID(), label: options.fileName },
        `${created.length} added, ${updated.length} changed, ${preview.counts.unchanged} unchanged, ${preview.newTeams.length} teams created`,
      );
      for (const part of chunk(audits)) await tx.auditEvent.createMany({ data: part });
      return {
        ok: true as const,
        created: created.length,
        updated: updated.length,
        unchanged: preview.counts.unchanged,
        teams: preview.newTeams.length,
        invited: created.map((p) => ids.get(p.email)!),
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  log.info("people.imported", {
    actorId: actor.id,
    ok: result.ok,
    ms: Math.round(performance.now() - started),
  });
  if (!result.ok) {
    const { rows, counts, newTeams } = result.preview;
    return { ok: false, preview: { rows, counts, newTeams } };
  }
  return result;
}
