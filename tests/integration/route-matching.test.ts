import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server's router (@remix-run/router's CommonJS build, which Remix's server runtime loads) is
// patched (patches/, applied by `npm install`) to rank a route list's branches and compile each
// route pattern once instead of on every match: Remix matches a document request four times.
// Matching must come out as it did before the patch, however often and in whatever order.

const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router");
const router = require("@remix-run/router") as typeof Router;

type Route = Router.AgnosticRouteObject;

const routes: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "login", path: "login" },
      {
        id: "training",
        path: "training",
        children: [
          { id: "training-index", index: true },
          { id: "module", path: ":slug" },
          { id: "certificate", path: ":slug/certificate" },
        ],
      },
      { id: "admin-people-import", path: "admin/people/import" },
      { id: "admin-person", path: "admin/people/:userId" },
      { id: "export", path: "team/export.csv" },
      { id: "help", path: "Help", caseSensitive: true },
      { id: "files", path: "files/*" },
      { id: "not-found", path: "*" },
    ],
  },
];

const leaf = (path: string, list: Route[] = routes) => {
  const matches = router.matchRoutes(list, path);
  const last = matches?.at(-1);
  return last ? { id: last.route.id, params: last.params } : null;
};

describe("route matching (patched router)", () => {
  it("is the patched build", () => {
    expect(readFileSync(routerFile, "utf8")).toContain("Frontline patch");
  });

  it("picks the most specific route, with its parameters, on every call", () => {
    const expected: [string, string, Record<string, string>][] = [
      ["/", "home", {}],
      ["/login", "login", {}],
      ["/LOGIN/", "login", {}],
      ["/training", "training-index", {}],
      ["/training/our-service-policy", "module", { slug: "our-service-policy" }],
      ["/training/our-service-policy/certificate", "certificate", { slug: "our-service-policy" }],
      ["/admin/people/import", "admin-people-import", {}],
      ["/admin/people/u123", "admin-person", { userId: "u123" }],
      ["/team/export.csv", "export", {}],
      ["/team/exportXcsv", "not-found", { "*": "team/exportXcsv" }],
      ["/Help", "help", {}],
      ["/help", "not-found", { "*": "help" }],
      ["/files/a/b.pdf", "files", { "*": "a/b.pdf" }],
      ["/nowhere/at/all", "not-found", { "*": "nowhere/at/all" }],
    ];
    // Twice over and in reverse: the second time comes from what the first remembered.
    for (const round of [expected, expected, [...expected].reverse()]) {
      for (const [path, id, params] of round) {
        expect(leaf(path), path).toEqual({ id, params: expect.objectContaining(params) });
      }
    }
  });

  it("keeps route lists apart, including one that gains routes", () => {
    const small: Route[] = [{ id: "only", path: "login" }];
    expect(leaf("/login", small)?.id).toBe("only");
    expect(leaf("/login")?.id).toBe("login");
    expect(leaf("/training", small)).toBeNull();
    small.push({ id: "later", path: "training" });
    expect(leaf("/training", small)?.id).toBe("later");
  });
});
