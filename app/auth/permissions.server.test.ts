import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./permissions.server";

describe("safeRedirectPath", () => {
  // Found by tests/integration/fuzz-actions.test.ts: a redirectTo of "/é" made the login a 500.
  it("percent-encodes what a Location header cannot carry, as UTF-8", () => {
    expect(safeRedirectPath("/team?q=Zoë")).toBe("/team?q=Zo%C3%AB");
    expect(safeRedirectPath("/a b")).toBe("/a%20b");
    expect(() => new Headers({ Location: safeRedirectPath("/ü\u202E😀")! })).not.toThrow();
  });

  it("changes nothing else: existing escapes and dot segments stay as they were", () => {
    expect(safeRedirectPath("/training?x=%2F&y=1#part")).toBe("/training?x=%2F&y=1#part");
    // Resolved, "/..//evil.test" would become "//evil.test", another site.
    expect(safeRedirectPath("/..//evil.test")).toBe("/..//evil.test");
  });

  it("refuses anything that could leave the site", () => {
    for (const value of ["//evil.test", "https://evil.test", "/\\evil.test", "/\tx", "x", 1]) {
      expect(safeRedirectPath(value)).toBeNull();
    }
  });
});
