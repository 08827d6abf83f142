import { describe, expect, it, vi } from "vitest";
import { isPostgres } from "../support/dialect";

// The HTTP server (build/server.js) and the Remix build are bundled apart, so each has its own
// copy of ~/db.server; the first to load creates the process's one client and the other finds it
// on globalThis. Both copies must know which SQL that client speaks (raw queries depend on it).

describe("the database client's dialect", () => {
  it("is known to a second copy of the module as to the first", async () => {
    const first = await import("~/db.server");
    vi.resetModules();
    const second = await import("~/db.server");
    expect(second).not.toBe(first);
    expect(second.prisma).toBe(first.prisma);
    const expected = isPostgres ? "postgresql" : "sqlite";
    expect(first.dialectOf(first.prisma)).toBe(expected);
    expect(second.dialectOf(second.prisma)).toBe(expected);
  });
});
