// Roles and what each may open. Shared by server (permission checks) and client (navigation).
// Labels are message keys, put into words where they are shown.

export const roles = ["employee", "manager", "trainer", "admin"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The areas of the app, who may enter each, and where each role lands after login. */
export const areas = {
  training: {
    path: "/training",
    label: "common:nav.training",
    roles: ["employee", "manager", "trainer", "admin"],
  },
  record: {
    path: "/me",
    label: "common:nav.record",
    roles: ["employee", "manager", "trainer", "admin"],
  },
  team: { path: "/team", label: "common:nav.team", roles: ["manager", "admin"] },
  studio: { path: "/studio", label: "common:nav.studio", roles: ["trainer", "admin"] },
  admin: { path: "/admin", label: "common:nav.admin", roles: ["admin"] },
} as const satisfies Record<string, { path: string; label: string; roles: readonly Role[] }>;

export type Area = keyof typeof areas;

export function canEnter(role: Role, area: Area): boolean {
  return (areas[area].roles as readonly Role[]).includes(role);
}

const homeArea: Record<Role, Area> = {
  employee: "training",
  manager: "team",
  trainer: "studio",
  admin: "admin",
};

export function homePath(role: Role): string {
  return areas[homeArea[role]].path;
}

/** The areas a role sees in the navigation, in display order. */
export function navigationFor(role: Role) {
  return (Object.keys(areas) as Area[])
    .filter((area) => canEnter(role, area))
    .map((area) => ({ area, path: areas[area].path, label: areas[area].label }));
}

/** Message keys of each role's name (app/locales/<locale>/common.json). */
export const roleLabels: Record<Role, string> = {
  employee: "common:roles.employee",
  manager: "common:roles.manager",
  trainer: "common:roles.trainer",
  admin: "common:roles.admin",
};
