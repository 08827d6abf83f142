import { searchKeyOf } from "~/utils/search-key";
import type { Actor } from "~/audit/audit.server";
import { audit, personTarget, systemActor } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Provisioning } from "./oidc-settings.server";
import type { Role } from "./roles";
import { isRole } from "./roles";

// Who a verified company sign-in is in Frontline: the person linked to the provider's subject
// (SsoLink, as Lucia's guide links accounts: provider id + provider user id); else, when allowed,
// the person with the same verified e-mail address, linked now; else, when allowed, a new person
// made from the token's claims. Every link and every change from claims writes its AuditEvent in
// the same transaction; refusals write nothing.

/** What the provider said about the person, read from the ID token (and UserInfo). */
export type Identity = {
  issuer: string;
  subject: string;
  /** Lower-cased, or null when the claim is missing or not an e-mail address. */
  email: string | null;
  /** true only for a boolean true (or "true"); null when the provider did not say. */
  emailVerified: boolean | null;
  name: string | null;
  /** Values of the team claim (a string or a list, as groups claims are); [] when not configured. */
  teams: string[];
  /** Values of the role claim; [] when not configured. */
  roles: string[];
};

export type PersonPolicy = {
  provision: Provisioning;
  provisionRoles: readonly Role[];
  linkByEmail: boolean;
};

export type PersonProblem =
  | "deactivated"
  | "unknown"
  | "accountExists"
  | "alreadyLinked"
  | "emailMissing"
  | "emailUnverified";

export type PersonOutcome =
  | {
      ok: true;
      userId: string;
      role: Role;
      how: "linked" | "linked-by-email" | "provisioned";
      changed: boolean;
    }
  | { ok: false; problem: PersonProblem };

const personSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  teamId: true,
  team: { select: { name: true } },
} as const;

type Person = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  teamId: string | null;
  team: { name: string } | null;
};

const roleRank: Record<Role, number> = { employee: 0, manager: 1, trainer: 2, admin: 3 };

export type RoleDecision = { claimed: Role; granted: Role; capped: boolean };

/**
 * The role the claims ask for: the highest valid role among the claim's values that provisioning
 * may give; a valid role outside OIDC_PROVISION_ROLES is capped to employee. Values that are no
 * role at all are ignored (null when nothing valid is left).
 */
export function roleFromClaims(values: string[], allowed: readonly Role[]): RoleDecision | null {
  const valid = values.map((value) => value.trim().toLowerCase()).filter(isRole);
  if (!valid.length) return null;
  const byRank = [...new Set(valid)].sort((a, b) => roleRank[b] - roleRank[a]);
  const claimed = byRank[0]!;
  const granted = byRank.find((role) => allowed.includes(role));
  return granted
    ? { claimed: granted, granted, capped: false }
    : { claimed, granted: "employee", capped: true };
}

/** The last segment of a value, so a group path ("/Stores/Front desk") matches its team. */
const teamKey = (value: string) =>
  (value.trim().split("/").filter(Boolean).pop() ?? "").trim().toLowerCase();

/** The first claim value that names a team (by name or slug, any case, not archived), or null. */
export async function teamFromClaims(values: string[]) {
  const keys = values.map(teamKey).filter(Boolean);
  if (!keys.length) return null;
  const teams = await prisma.team.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, slug: true },
  });
  for (const key of keys) {
    const team = teams.find((t) => t.name.toLowerCase() === key || t.slug.toLowerCase() === key);
    if (team) return { id: team.id, name: team.name };
  }
  return null;
}

const shown = (value: string | null | undefined) => value || "—";

/** What update-mode provisioning would change on a person, and its audit summary. */
async function changesFromClaims(person: Person, identity: Identity, policy: PersonPolicy) {
  const data: { name?: string; searchKey?: string; teamId?: string; role?: Role } = {};
  const lines: string[] = [];
  if (identity.name && identity.name !== person.name) {
    data.name = identity.name;
    data.searchKey = searchKeyOf(identity.name);
    lines.push(`name: ${person.name} → ${identity.name}`);
  }
  const team = await teamFromClaims(identity.teams);
  if (team && team.id !== person.teamId) {
    data.teamId = team.id;
    lines.push(`team: ${shown(person.team?.name)} → ${team.name}`);
  }
  const role = roleFromClaims(identity.roles, policy.provisionRoles);
  // A capped claim does not take away a role the person already holds and the provider confirms
  // (an admin made by hand, whom the provider also calls admin).
  if (role && role.granted !== person.role && !(role.capped && role.claimed === person.role)) {
    data.role = role.granted;
    lines.push(
      `role: ${person.role} → ${role.granted}${role.capped ? ` (claimed ${role.claimed}, capped)` : ""}`,
    );
  }
  return { data, summary: lines.join("; "), changed: lines.length > 0 };
}

const linkSummary = (identity: Identity, how: string) =>
  `linked to ${identity.issuer} subject ${identity.subject} (${how})`;

function isUniqueViolation(error: unknown) {
  return (error as { code?: string } | null)?.code === "P2002";
}

/**
 * Find, link or make the person behind a verified identity, per the policy. A concurrent first
 * sign-in of the same person (a unique key taken meanwhile) is resolved by looking again.
 */
export async function signInPerson(
  identity: Identity,
  policy: PersonPolicy,
  details: { locale: string; clientAddress: string | undefined },
  now = new Date(),
): Promise<PersonOutcome> {
  const actor = systemActor(`identity provider ${identity.issuer}`, details.clientAddress);
  try {
    return await resolve(identity, policy, details.locale, actor, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return resolve(identity, policy, details.locale, actor, now);
  }
}

async function resolve(
  identity: Identity,
  policy: PersonPolicy,
  locale: string,
  actor: Actor,
  now: Date,
): Promise<PersonOutcome> {
  const key = { issuer: identity.issuer, subject: identity.subject };
  const link = await prisma.ssoLink.findUnique({
    where: { issuer_subject: key },
    select: { user: { select: personSelect } },
  });

  if (link) {
    const person = link.user;
    if (!person.active || !isRole(person.role)) return { ok: false, problem: "deactivated" };
    // Bookkeeping: when this link was last used (no audit event of its own).
    const touch = prisma.ssoLink.update({
      where: { issuer_subject: key },
      data: { lastSignInAt: now },
      select: { userId: true },
    });
    const changes =
      policy.provision === "update" ? await changesFromClaims(person, identity, policy) : null;
    if (changes?.changed) {
      await prisma.$transaction([
        prisma.user.update({ where: { id: person.id }, data: changes.data, select: { id: true } }),
        audit(prisma, actor, "person.sync", personTarget(person), changes.summary),
        touch,
      ]);
    } else {
      await touch;
    }
    const role = changes?.data.role ?? person.role;
    return { ok: true, userId: person.id, role, how: "linked", changed: Boolean(changes?.changed) };
  }

  const sameEmail = identity.email
    ? await prisma.user.findUnique({
        where: { email: identity.email },
        select: {
          ...personSelect,
          ssoLinks: { where: { issuer: identity.issuer }, select: { subject: true } },
        },
      })
    : null;

  if (sameEmail) {
    if (!policy.linkByEmail) {
      return { ok: false, problem: policy.provision === "off" ? "unknown" : "accountExists" };
    }
    // Only an address the provider vouches for may take over an existing account.
    if (identity.emailVerified !== true) return { ok: false, problem: "emailUnverified" };
    if (!sameEmail.active || !isRole(sameEmail.role)) return { ok: false, problem: "deactivated" };
    if (sameEmail.ssoLinks.length) return { ok: false, problem: "alreadyLinked" };
    const changes =
      policy.provision === "update" ? await changesFromClaims(sameEmail, identity, policy) : null;
    const target = personTarget(sameEmail);
    await prisma.$transaction([
      prisma.ssoLink.create({
        data: { ...key, userId: sameEmail.id, createdAt: now, lastSignInAt: now },
        select: { userId: true },
      }),
      audit(prisma, actor, "sso.link", target, linkSummary(identity, "by verified e-mail")),
      ...(changes?.changed
        ? [
            prisma.user.update({
              where: { id: sameEmail.id },
              data: changes.data,
              select: { id: true },
            }),
            audit(prisma, actor, "person.sync", target, changes.summary),
          ]
        : []),
    ]);
    return {
      ok: true,
      userId: sameEmail.id,
      role: changes?.data.role ?? sameEmail.role,
      how: "linked-by-email",
      changed: Boolean(changes?.changed),
    };
  }

  if (policy.provision === "off") return { ok: false, problem: "unknown" };
  if (!identity.email) return { ok: false, problem: "emailMissing" };
  if (identity.emailVerified === false) return { ok: false, problem: "emailUnverified" };

  const team = await teamFromClaims(identity.teams);
  const role = roleFromClaims(identity.roles, policy.provisionRoles);
  const granted = role?.granted ?? "employee";
  const name = identity.name || identity.email.split("@")[0]!;
  const summary = [
    `e-mail: ${identity.email}`,
    `name: ${name}`,
    `role: ${granted}${role?.capped ? ` (claimed ${role.claimed}, capped)` : ""}`,
    `team: ${shown(team?.name)}`,
  ].join("; ");

  // An interactive transaction whose first statement is a write (see docs on SQLite locking):
  // the new person's id is needed for the audit events' target.
  const person = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: identity.email!,
        name,
        searchKey: searchKeyOf(name),
        role: granted,
        teamId: team?.id ?? null,
        locale,
        ssoLinks: { create: { ...key, createdAt: now, lastSignInAt: now } },
      },
      select: { id: true, name: true, email: true },
    });
    const target = personTarget(created);
    await audit(tx, actor, "person.provision", target, `created from claims: ${summary}`);
    await audit(tx, actor, "sso.link", target, linkSummary(identity, "new person"));
    return created;
  });
  return { ok: true, userId: person.id, role: granted, how: "provisioned", changed: true };
}
