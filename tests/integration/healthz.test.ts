import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { checkDatabase } from "~/db/health.server";
import { loader } from "~/routes/resources+/healthz";
import { isPostgres } from "../support/dialect";

describe("/healthz", () => {
  it("answers 200 after a database round trip", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "up" });
  });

  it("reports the database down when it cannot be reached", async () => {
    const unreachable = createPrismaClient(
      isPostgres
        ? // Port 1: nothing listens there, so the connection is refused at once.
          "postgres://frontline@127.0.0.1:1/frontline"
        : `file:${path.resolve("tests/.tmp/no-such-dir/x/y.db")}`,
    );
    expect(await checkDatabase(unreachable)).toEqual({ ok: false, database: "down" });
  });
});
