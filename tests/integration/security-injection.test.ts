import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as peopleAction } from "~/routes/admin+/people";
import { loader as teamLoader } from "~/routes/team+/index";
import { statusOf } from "../support/module-actions";
import { removePeople } from "../support/people";
import { demo, loaderArgs } from "../support/sessions";
import { postAs } from "../support/team";

// ASVS 1.2.4: every query goes through Prisma, which sends values as bound parameters; raw SQL
// is allowed only as a tagged template (also bound). A static check keeps it that way, and
// inputs shaped like SQL injections come back as plain data.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("queries are parameterised", () => {
  it("app/ has no string-built SQL: no $queryRawUnsafe/$executeRawUnsafe, no raw call with a string", () => {
    const offenders = sourceFiles("app").filter((file) =>
      /\$(query|execute)Raw(Unsafe\b|\s*\()/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
    // The check sees the one raw query there is: the health check's tagged SELECT 1.
    expect(readFileSync("app/db/health.server.ts", "utf8")).toMatch(/\$queryRaw`SELECT 1`/);
  });

  const made: string[] = [];
  afterAll(() => removePeople(made));

  it("stores a name written like an injection exactly as typed, and nothing else happens", async () => {
    const name = `Robert'); DROP TABLE "User";--`;
    const email = "bobby.tables@example.test";
    const users = await prisma.user.count();
    const result = await postAs(peopleAction, demo.admin, "/admin/people", {
      intent: "add-person",
      name,
      email,
      role: "employee",
      password: "lanterns over the water",
    });
    expect(statusOf(result)).toBe(200);
    const stored = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, name: true },
    });
    made.push(stored.id);
    expect(stored.name).toBe(name);
    expect(await prisma.user.count()).toBe(users + 1);
  });

  it("searches the team for an injection-shaped text as text: no one matches", async () => {
    const everyone = await teamLoader(await loaderArgs(demo.manager, "/team"));
    expect(everyone.rows.length).toBeGreaterThan(0);
    const injected = await teamLoader(
      await loaderArgs(demo.manager, `/team?q=${encodeURIComponent("' OR '1'='1' --")}`),
    );
    expect(injected.rows).toEqual([]);
  });
});
