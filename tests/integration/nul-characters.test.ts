import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as certificateLoader } from "~/routes/training+/$slug.certificate";
import { loader as employeeLoader } from "~/routes/team+/$userId";
import { action as recogniseAction } from "~/routes/team+/recognition";
import { statusOf } from "../support/module-actions";
import { settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";
import { at, idOf, postAs } from "../support/team";

// U+0000 in a form or a URL: SQLite would store or compare it, PostgreSQL refuses it with an
// error. On both, a form holding one is a 400 that writes nothing, and a URL holding one finds
// nothing (404), never a server error.

const nul = "\u0000";

describe("a NUL character from the client", () => {
  it("in a form field is refused with a message, and nothing is saved", async () => {
    const lucia = await idOf(at("lucia.ferrante"));
    const before = await prisma.recognition.count();
    const result = await postAs(recogniseAction, demo.manager, "/team/recognition", {
      employeeId: lucia,
      reason: `Stayed calm${nul} and kept the guest informed.`,
      points: "10",
    });
    expect(statusOf(result)).toBe(400);
    expect(JSON.stringify(result)).toContain("U+0000");
    expect(await prisma.recognition.count()).toBe(before);
  });

  it("in a person's id in the URL answers 404", async () => {
    const userId = `${await idOf(at("lucia.ferrante"))}${nul}`;
    const result = await settle(
      employeeLoader(
        await loaderArgs(demo.admin, `/team/${encodeURIComponent(userId)}`, { userId }),
      ),
    );
    expect(statusOf(result)).toBe(404);
  });

  it("in a module's slug in the certificate URL answers 404", async () => {
    const slug = `our-service-policy${nul}`;
    const result = await settle(
      certificateLoader(
        await loaderArgs(demo.employee, `/training/${encodeURIComponent(slug)}/certificate`, {
          slug,
        }),
      ),
    );
    expect(statusOf(result)).toBe(404);
  });
});
