// The import layers of app/ (docs/architecture.md), checked by `npm run lint:layers` in npm test.
// Rooms, top to bottom; imports point down only:
//   routes (app/routes, root, entries)  →  components  →  domain  →  platform  →  env
// with the demo seeding in a room of its own that only start-up imports.

const domain = "^app/(training|team|content|admin|i18n|mail)/";
const platform = "^app/(db|auth|audit|utils)/|^app/db[.]server[.]ts$";
const components = "^app/components/";
const routes = "^app/routes/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Imports point one way: a circle means two modules should be one, or share a third.",
      severity: "error",
      from: { path: "^app/" },
      to: { circular: true },
    },
    {
      name: "route-to-route",
      comment: "Routes do not talk to each other: move what both need into a domain module.",
      severity: "error",
      from: { path: routes },
      to: { path: routes },
    },
    {
      name: "no-imports-of-routes",
      comment: "Only app/routes.ts names route modules; nothing else in app/ imports one.",
      severity: "error",
      from: { path: "^app/", pathNot: `${routes}|^app/routes[.]ts$` },
      to: { path: routes },
    },
    {
      name: "components-from-routes-only",
      comment: "Domain and platform code does not render: it never imports components.",
      severity: "error",
      from: { path: `${domain}|${platform}` },
      to: { path: components },
    },
    {
      name: "platform-below-domain",
      comment:
        "Platform code (db, auth, audit, utils) serves the domain and never imports it back.",
      severity: "error",
      from: { path: platform },
      to: { path: domain, pathNot: "^app/i18n/" },
    },
    {
      name: "demo-from-startup-only",
      comment: "Demo seeding is for start-up and scripts only: the product never depends on it.",
      severity: "error",
      from: { path: "^app/", pathNot: "^app/demo/|^app/startup[.]server[.]ts$" },
      to: { path: "^app/demo/" },
    },
    {
      name: "env-imports-nothing",
      comment:
        "The environment is read first and depends on nothing of the app but the list of roles it validates.",
      severity: "error",
      from: { path: "^app/env[.]server[.]ts$" },
      to: { path: "^app/", pathNot: "^app/auth/roles[.]ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^app/generated/|[.]test[.]tsx?$" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
  },
};
